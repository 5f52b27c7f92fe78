import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  secureCookies: boolean;
  /** The log's Ed25519 key file, kept outside the database. */
  logKeyPath: string;
  /** The host part of each process log's origin: `<logName>/<processId>`. */
  logName: string;
  /** Seconds between checkpoint rounds (a round signs only logs that grew). */
  checkpointEvery: number;
}

/** Reads the environment once; invalid values stop the start with a clear message. */
export function loadConfig(env = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  const dataDir = resolve(env.PARLEY_DATA_DIR ?? './data');
  const checkpointEvery = Number(env.PARLEY_CHECKPOINT_SECONDS ?? 5);
  if (!(checkpointEvery > 0)) throw new Error(`PARLEY_CHECKPOINT_SECONDS must be a positive number, not "${env.PARLEY_CHECKPOINT_SECONDS}".`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    demo: env.PARLEY_DEMO !== 'off',
    secureCookies: env.PARLEY_SECURE_COOKIES === 'on',
    logKeyPath: resolve(env.PARLEY_LOG_KEY ?? `${dataDir}/log-key`),
    logName: env.PARLEY_LOG_NAME ?? 'parley.local',
    checkpointEvery,
  };
}
