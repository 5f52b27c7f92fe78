/**
 * The journal kinds of the exchange tables (012_exchanges.sql), as the integrity check reads them: each row is
 * the body of one entry, found by its id column and seq. Their bodies are for the mediator alone on every log
 * route (detainee data has its own audience, policies/exchanges.ts).
 */
export const EXCHANGE_HISTORY: { kind: string; table: string; id: string; columns: string[]; erasable?: string }[] = [
  { kind: 'detainee_list', table: 'detainee_lists', id: 'list_id', columns: ['list_id', 'seq', 'party_id', 'side', 'held_by', 'title', 'entries'] },
  { kind: 'detainee', table: 'detainees', id: 'detainee_id', columns: ['detainee_id', 'seq', 'list_id', 'list_seq', 'line', 'entry'], erasable: 'entry' },
  { kind: 'detainee_status', table: 'detainee_statuses', id: 'detainee_id', columns: ['detainee_id', 'seq', 'status', 'at', 'source'] },
  {
    kind: 'reconciliation',
    table: 'reconciliations',
    id: 'reconciliation_id',
    columns: ['reconciliation_id', 'seq', 'list_a', 'seq_a', 'list_b', 'seq_b', 'result'],
  },
  { kind: 'match_decision', table: 'match_decisions', id: 'reconciliation_id', columns: ['reconciliation_id', 'seq', 'a_id', 'b_id', 'decision', 'reason'] },
  { kind: 'exchange_batch', table: 'exchange_batches', id: 'batch_id', columns: ['batch_id', 'seq', 'batch'] },
  { kind: 'exchange_reviewer', table: 'exchange_reviewers', id: 'account_id', columns: ['account_id', 'seq', 'active'] },
  { kind: 'detainee_access', table: 'detainee_access', id: 'access_id', columns: ['access_id', 'seq', 'action', 'purpose', 'subjects'] },
];

const KINDS = new Set(EXCHANGE_HISTORY.map((h) => h.kind));

/** Whether a journal entry (or the redaction of one) belongs to the exchange data. */
export const isExchangeEntry = (type: string, recordId: string) => KINDS.has(type) || (type === 'redaction' && recordId.startsWith('detainee/'));
