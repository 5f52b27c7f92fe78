import { join } from 'node:path';
import { createAccountStore } from './db/account-store.ts';
import { openDatabase, type DbHandle } from './db/connection.ts';
import { migrate } from './db/migrate.ts';
import { createStore } from './db/record-store.ts';
import type { AccessDeps } from './use-cases/access/accounts.ts';

export interface Runtime extends AccessDeps {
  handle: DbHandle;
  engine: DbHandle['engine'];
  close(): Promise<void>;
}

/** The composition root: the one place that knows every layer. */
export async function openRuntime(opts: { databaseUrl?: string; dataDir: string | null }): Promise<Runtime> {
  const handle = await openDatabase({ url: opts.databaseUrl, dataDir: opts.databaseUrl ? null : opts.dataDir && join(opts.dataDir, 'pglite') });
  await migrate(handle.db);
  return {
    handle,
    engine: handle.engine,
    store: createStore(handle.db),
    accounts: createAccountStore(handle.db),
    close: () => handle.close(),
  };
}
