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
  /** Where people reach this server, for the one-time links the console and the CLI print. */
  publicUrl: string;
}

/**
 * The session cookie is `Secure` (sent over HTTPS only) unless the server listens on loopback, where nobody
 * else is on the wire and browsers treat http://localhost as secure anyway; `on` and `off` override it.
 */
function secureCookies(value: string, host: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  if (value !== 'auto') throw new Error(`PARLEY_SECURE_COOKIES must be auto, on or off, not "${value}".`);
  return !/^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i.test(host);
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
    secureCookies: secureCookies(env.PARLEY_SECURE_COOKIES ?? 'auto', env.HOST ?? '127.0.0.1'),
    logKeyPath: resolve(env.PARLEY_LOG_KEY ?? `${dataDir}/log-key`),
    logName: env.PARLEY_LOG_NAME ?? 'parley.local',
    checkpointEvery,
    publicUrl: (env.PARLEY_PUBLIC_URL ?? `http://${/^(0\.0\.0\.0|::|\[::\])$/.test(env.HOST ?? '') ? 'localhost' : (env.HOST ?? '127.0.0.1')}:${port}`).replace(
      /\/+$/,
      '',
    ),
  };
}
