import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCalendarFeedStore } from './db/calendar-feed-store.ts';
import { createAccountStore } from './db/account-store.ts';
import { openDatabase, type DbHandle } from './db/connection.ts';
import { warmUp } from './db/warm-up.ts';
import { migrate } from './db/migrate.ts';
import { createStore } from './db/record-store.ts';
import { createMonitoringQueries } from './db/monitoring/index.ts';
import { createSearchStore } from './db/search-store.ts';
import { openCheckpointMirror, openLogKeys } from './db/log/log-keys.ts';
import { createLogStore } from './db/log/log-store.ts';
import { createIntegrityStore } from './db/log/integrity-store.ts';
import { IntegrityState } from './use-cases/log/integrity-state.ts';
import { httpWitnessClient } from './db/log/witness-client.ts';
import type { AccessDeps } from './use-cases/access/accounts.ts';
import type { LogDeps, MonitoringDeps, SearchDeps } from './use-cases/ports.ts';
import type { ExchangeDeps } from './use-cases/exchanges/ports.ts';
import { createExchangeReader } from './db/exchanges/exchange-store.ts';
import { loadNameTable } from './db/exchanges/name-table-file.ts';
import { createIngestStore } from './db/sources/ingest-store.ts';
import type { IngestStore } from './use-cases/sources/ports.ts';

export interface Runtime extends AccessDeps, LogDeps, MonitoringDeps, SearchDeps, ExchangeDeps {
  handle: DbHandle;
  engine: DbHandle['engine'];
  ingest: IngestStore;
  /** Loads what a first request would otherwise wait for (see db/warm-up.ts). */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/** The composition root: the one place that knows every layer. */
export async function openRuntime(opts: { databaseUrl?: string; dataDir: string | null; logKeyPath?: string; logName?: string }): Promise<Runtime> {
  const handle = await openDatabase({ url: opts.databaseUrl, dataDir: opts.databaseUrl ? null : opts.dataDir && join(opts.dataDir, 'pglite') });
  // A failed migration must not keep the data directory's lock until the process exits.
  try {
    await migrate(handle.db);
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
  // Without a data directory (tests, benches) the key is a throwaway in a fresh temporary directory.
  const keyPath = opts.logKeyPath ?? (opts.dataDir ? join(opts.dataDir, 'log-key') : join(mkdtempSync(join(tmpdir(), 'parley-log-')), 'log-key'));
  const logKeys = openLogKeys(keyPath, opts.logName ?? 'parley.local');
  // The integrity watch's findings make a process read-only: the store asks before every write.
  const integrity = { state: new IntegrityState(), store: createIntegrityStore(handle.db), mirror: openCheckpointMirror(keyPath, logKeys), sample: 5000 };
  return {
    handle,
    engine: handle.engine,
    store: createStore(handle.db, (processId) => integrity.state.assertWritable(processId)),
    monitoring: createMonitoringQueries(handle.db),
    search: createSearchStore(handle.db),
    accounts: createAccountStore(handle.db),
    feeds: createCalendarFeedStore(handle.db),
    exchanges: createExchangeReader(handle.db),
    ingest: createIngestStore(handle.db),
    names: loadNameTable,
    log: createLogStore(handle.db),
    logKeys,
    witnessClient: httpWitnessClient(),
    integrity,
    warmUp: () => warmUp(handle.db),
    close: () => handle.close(),
  };
}
