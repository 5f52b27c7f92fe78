import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demo: boolean;
  secureCookies: boolean;
}

/** Reads the environment once; invalid values stop the start with a clear message. */
export function loadConfig(env = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}".`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.PARLEY_DATA_DIR ?? './data'),
    demo: env.PARLEY_DEMO !== 'off',
    secureCookies: env.PARLEY_SECURE_COOKIES === 'on',
  };
}
