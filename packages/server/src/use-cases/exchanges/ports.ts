import type { BatchInput, DetaineeEntry } from '@parley/contracts';
import type { DecisionFact, KeptReconciliation } from '../../domain/exchanges/review-state.ts';
export type { KeptReconciliation };
import type { NameTable } from '../../domain/exchanges/name-table.ts';
import type { Store } from '../ports.ts';

interface Recorded {
  recordedBy: string;
  recordedAt: string;
}

export type ListSide = 'held_by_us' | 'held_by_them';

export interface StoredList extends Recorded {
  listId: string;
  version: number;
  partyId: string;
  side: ListSide;
  heldBy: string;
  title: string;
  entries: number;
}

export interface StoredDetainee extends Recorded {
  id: string;
  listId: string;
  listVersion: number;
  line: number;
  /** Null once erased. */
  entry: DetaineeEntry | null;
  partyId: string;
  heldBy: string;
  side: ListSide;
}

export interface StoredStatus extends Recorded {
  detaineeId: string;
  seq: number;
  status: string;
  at: string;
  source: string;
}

export interface StoredReconciliation extends Recorded {
  id: string;
  lists: [{ listId: string; version: number }, { listId: string; version: number }];
  result: KeptReconciliation;
}

export type StoredDecision = DecisionFact;

/** A batch's version: the agreement, and once recorded, the delivery. */
export interface BatchBody extends BatchInput {
  delivery?: { deliveredOn: string; delivered: string[]; refused: { id: string; reason: string }[] };
}

export interface StoredBatch extends Recorded {
  id: string;
  version: number;
  batch: BatchBody;
}

export interface StoredReviewer extends Recorded {
  accountId: string;
  version: number;
  active: boolean;
}

export interface StoredAccess extends Recorded {
  id: string;
  action: string;
  purpose: string;
  subjects: string[];
}

export interface ExchangeReader {
  lists(processId: string): Promise<StoredList[]>;
  listEntries(processId: string, listId: string, version: number): Promise<StoredDetainee[]>;
  detainees(processId: string, ids: string[]): Promise<StoredDetainee[]>;
  statuses(processId: string, ids: string[]): Promise<StoredStatus[]>;
  reconciliations(processId: string): Promise<StoredReconciliation[]>;
  decisions(processId: string, reconciliationId: string): Promise<StoredDecision[]>;
  batches(processId: string): Promise<StoredBatch[]>;
  reviewers(processId: string): Promise<StoredReviewer[]>;
  accessLog(processId: string, limit: number): Promise<StoredAccess[]>;
}

export interface ExchangeDeps {
  store: Store;
  exchanges: ExchangeReader;
  names: () => NameTable;
}
