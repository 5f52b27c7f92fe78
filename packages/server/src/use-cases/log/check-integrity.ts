import {
  bytesEqual,
  canonicalize,
  computeCommitment,
  consistencyProof,
  envelopeLeafHash,
  MemoryTree,
  treeRoot,
  verifyConsistency,
  type Envelope,
  type JsonValue,
} from '@parley/tlog';
import { notFound } from '../../domain/shared/app-error.ts';
import { RESOURCES } from '../resources.ts';
import { EXCHANGE_HISTORY } from './exchange-kinds.ts';
import type { LogDeps } from '../ports.ts';
import type { Finding, IntegrityEntry, IntegrityReader, ProcessIntegrity } from './integrity-state.ts';
import { withArticle } from '../../domain/shared/article.ts';

type Deps = Pick<LogDeps, 'integrity'>;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex').slice(0, 16);
const TABLE_OF = new Map(RESOURCES.map((r) => [r.kind as string, r.table as string]));
/**
 * History kinds: their table, the key columns that give (record id, version), and the columns the journal body carries.
 * An `optional` column is in the body only when it holds a value: entries written before it existed (a reason or a
 * claim without its language) leave it out, and so do later ones that name none, so both compare to their row.
 */
const HISTORY: { kind: string; table: string; id: string; columns: string[]; optional?: string[]; erasable?: string }[] = [
  {
    kind: 'meeting_transition',
    table: 'meeting_transitions',
    id: 'meeting_id',
    columns: ['meeting_id', 'seq', 'from_status', 'to_status', 'at', 'reason', 'sources'],
    optional: ['reason_language'],
  },
  {
    kind: 'cause_claim',
    table: 'cause_claims',
    id: 'meeting_id',
    columns: ['meeting_id', 'transition_seq', 'seq', 'party_id', 'text', 'sources'],
    optional: ['language'],
  },
  {
    kind: 'invitation_response',
    table: 'invitation_responses',
    id: 'invitation_id',
    columns: ['invitation_id', 'seq', 'status', 'at', 'conditions', 'sources'],
  },
  { kind: 'source_reading', table: 'source_readings', id: 'source_id', columns: ['source_id', 'seq', 'reading', 'candidates'] },
  { kind: 'candidate_review', table: 'candidate_reviews', id: 'source_id', columns: ['source_id', 'seq', 'candidate', 'decision', 'record_kind', 'record_id'] },
  ...EXCHANGE_HISTORY,
];
/** The body a history row says its entry committed to. */
const historyBody = (h: (typeof HISTORY)[number], row: Record<string, unknown>) => ({
  ...Object.fromEntries(h.columns.map((c) => [c, row[c]])),
  ...Object.fromEntries((h.optional ?? []).flatMap((c) => (row[c] === null || row[c] === undefined ? [] : [[c, row[c]]]))),
});
// The body is committed as the JSON it is stored as (see sealEntry), never as a live object.
const commit = (value: unknown, salt: Uint8Array) => computeCommitment(JSON.parse(JSON.stringify(value ?? null)) as JsonValue, salt);
const same = (a: unknown, b: unknown) => canonicalize(a) === canonicalize(b);

/** Each entry on its own: the row it sits in, its leaf hash, the stored leaf and the body's commitment. */
function checkEntry(e: IntegrityEntry, node: Uint8Array | undefined, findings: Finding[]) {
  const at = { index: e.idx, recordType: e.type, recordId: e.recordId };
  const env = e.envelope;
  if (env.type !== e.type || env.recordId !== e.recordId || env.version !== e.version)
    findings.push({
      kind: 'envelope_mismatch',
      ...at,
      detail: `the envelope names ${String(env.type)}/${String(env.recordId)} v${String(env.version)}, its row ${e.type}/${e.recordId} v${e.version}`,
    });
  const leaf = envelopeLeafHash(env as Envelope);
  if (!bytesEqual(leaf, e.leafHash))
    findings.push({ kind: 'leaf_hash_mismatch', ...at, detail: `the envelope hashes to ${hex(leaf)}…, the row stores ${hex(e.leafHash)}…` });
  if (!node) findings.push({ kind: 'node_mismatch', ...at, detail: 'the tree has no stored leaf for this entry' });
  else if (!bytesEqual(leaf, node))
    findings.push({ kind: 'node_mismatch', ...at, detail: `the envelope hashes to ${hex(leaf)}…, the tree's leaf is ${hex(node)}…` });
  if ((e.body === null) !== (e.salt === null)) findings.push({ kind: 'body_mismatch', ...at, detail: 'a body without its salt, or a salt without its body' });
  else if (e.salt && commit(e.body, e.salt) !== env.commitment)
    findings.push({ kind: 'body_mismatch', ...at, detail: 'the stored body does not give the commitment in the envelope' });
}

async function leavesOf(r: IntegrityReader, from: number, to: number): Promise<(Uint8Array | undefined)[]> {
  const refs = Array.from({ length: to - from }, (_, k) => ({ level: 0, index: BigInt(from + k) }));
  try {
    return await r.nodes.getNodes(refs);
  } catch {
    return Promise.all(refs.map((ref) => r.nodes.getNode(0, ref.index).catch(() => undefined)));
  }
}

/** The head against the journal and nodes, and against every checkpoint this log has signed (in the database and outside it). */
async function checkTree(deps: Deps, r: IntegrityReader, processId: string, head: { size: number; root: Uint8Array }, complete: boolean, findings: Finding[]) {
  const shape = await r.journalShape();
  if (shape.count !== head.size || (shape.count > 0 && (shape.min !== 0 || shape.max !== head.size - 1)))
    findings.push({
      kind: 'size_mismatch',
      index: null,
      detail: `the head says ${head.size} entries; the journal holds ${shape.count} (indices ${shape.min ?? '-'} to ${shape.max ?? '-'})`,
    });
  const seen = deps.integrity.state.progress.get(processId)?.verifiedSize ?? 0;
  if (seen > head.size)
    findings.push({ kind: 'size_mismatch', index: null, detail: `the log had ${seen} entries when last checked and has ${head.size} now: it was rolled back` });
  if (head.size > 0) {
    const root = await treeRoot(r.nodes, head.size).catch(() => undefined);
    if (!root || !bytesEqual(root, head.root))
      findings.push({
        kind: 'root_mismatch',
        index: null,
        detail: root ? 'the stored nodes do not give the root in the head' : 'nodes of the tree are missing',
      });
  }
  const extends_ = async (size: number, root: Uint8Array) => {
    if (size === head.size) return bytesEqual(root, head.root);
    if (size === 0) return true;
    try {
      verifyConsistency(size, head.size, root, head.root, await consistencyProof(r.nodes, size, head.size));
      return true;
    } catch {
      return false;
    }
  };
  const checkpoints = await r.checkpoints();
  for (const cp of complete ? checkpoints : checkpoints.slice(-1)) {
    if (cp.size > head.size)
      findings.push({ kind: 'checkpoint_mismatch', index: null, detail: `checkpoint ${cp.size} is larger than the tree (${head.size})` });
    else if (!(await extends_(cp.size, cp.root)))
      findings.push({ kind: 'checkpoint_mismatch', index: null, detail: `the tree no longer extends checkpoint ${cp.size}` });
  }
  let kept: ReturnType<Deps['integrity']['mirror']['read']>;
  try {
    kept = deps.integrity.mirror.read(processId);
  } catch (e) {
    findings.push({
      kind: 'external_checkpoint_unreadable',
      index: null,
      detail: `the checkpoint kept beside the log key cannot be read: ${(e as Error).message}`,
    });
  }
  if (kept) {
    const inDb = checkpoints.find((c) => c.size === kept.size);
    if (kept.size > head.size)
      findings.push({
        kind: 'behind_external_checkpoint',
        index: null,
        detail: `the server signed size ${kept.size}, the database holds ${head.size} entries: it was rolled back`,
      });
    else if (!(await extends_(kept.size, kept.root)))
      findings.push({
        kind: 'external_checkpoint_mismatch',
        index: null,
        detail: `the tree does not extend the checkpoint ${kept.size} kept beside the log key`,
      });
    if (!inDb)
      findings.push({ kind: 'checkpoint_missing', index: null, detail: `checkpoint ${kept.size}, kept beside the log key, is gone from the database` });
    else if (!bytesEqual(inDb.root, kept.root))
      findings.push({
        kind: 'external_checkpoint_mismatch',
        index: null,
        detail: `the database's checkpoint ${kept.size} has another root than the one signed`,
      });
  }
}

/** Current rows against the commitment of their latest entry (or the redaction that replaced them). */
function checkRecord(
  table: string,
  kind: string,
  row: { id: string; version: number; record: unknown; body: unknown },
  latest: IntegrityEntry | undefined,
  redaction: IntegrityEntry | undefined,
  findings: Finding[],
) {
  const at = { recordType: kind, recordId: row.id };
  if (redaction && redaction.version === row.version) {
    const b = (redaction.body ?? {}) as Record<string, unknown>;
    if (!same({ redacted: { at: b.at, by: b.by, reason: b.reason } }, row.body))
      findings.push({ kind: 'record_mismatch', index: redaction.idx, ...at, detail: `the redacted ${kind} in ${table} differs from its redaction entry` });
  } else if (!latest)
    findings.push({
      kind: 'record_unjournalled',
      index: null,
      ...at,
      detail: `${table} holds ${withArticle(kind)} v${row.version} that no journal entry records`,
    });
  else if (latest.version !== row.version)
    findings.push({
      kind: 'record_mismatch',
      index: latest.idx,
      ...at,
      detail: `${table} holds v${row.version}, the journal's latest entry is v${latest.version}`,
    });
  else if (latest.salt && commit(row.record, latest.salt) !== latest.envelope.commitment)
    findings.push({ kind: 'record_mismatch', index: latest.idx, ...at, detail: `the current row in ${table} is not the body the journal committed to` });
}

const key = (type: string, id: string) => `${type}\u0000${id}`;

/** Records whose entries were looked at (all of them in a complete check). */
async function checkRecords(r: IntegrityReader, latest: Map<string, IntegrityEntry>, complete: boolean, findings: Finding[]) {
  for (const [kind, table] of TABLE_OF) {
    const ids = complete
      ? undefined
      : [
          ...new Set(
            [...latest.values()].flatMap((e) =>
              e.type === kind ? [e.recordId] : e.type === 'redaction' && e.recordId.startsWith(`${kind}/`) ? [e.recordId.slice(kind.length + 1)] : [],
            ),
          ),
        ];
    if (ids?.length === 0) continue;
    const rows = await r.records(table, ids);
    const present = new Set(rows.map((row) => row.id));
    for (const row of rows) {
      const entry = latest.get(key(kind, row.id));
      const redaction = latest.get(key('redaction', `${kind}/${row.id}`));
      // A sampled round saw only some entries: a row newer than them is covered by a later entry.
      if (!complete && (!entry || entry.version < row.version) && !(redaction && redaction.version === row.version)) continue;
      checkRecord(table, kind, row, entry, redaction, findings);
    }
    for (const e of latest.values())
      if (e.type === kind && !present.has(e.recordId))
        findings.push({
          kind: 'record_missing',
          index: e.idx,
          recordType: kind,
          recordId: e.recordId,
          detail: `the journal records ${kind} "${e.recordId}", ${table} has no such row`,
        });
  }
}

/** Append-only histories: every row is a journalled body, and no journalled row is gone. */
async function checkHistories(r: IntegrityReader, entries: IntegrityEntry[], erased: ReadonlySet<number>, findings: Finding[]) {
  for (const h of HISTORY) {
    const mine = entries.filter((e) => e.type === h.kind);
    const byKey = new Map<string, IntegrityEntry[]>();
    for (const e of mine) byKey.set(key(e.recordId, String(e.version)), [...(byKey.get(key(e.recordId, String(e.version))) ?? []), e]);
    const rows = await r.history(h.table);
    for (const row of rows) {
      const body = historyBody(h, row);
      const candidates = byKey.get(key(String(row[h.id]), String(row.seq))) ?? [];
      // An erased row (its personal data set to null) matches the entry whose body a redaction deleted.
      const erasedRow = h.erasable !== undefined && row[h.erasable] === null && candidates.some((e) => erased.has(e.idx) && e.salt === null);
      if (!erasedRow && !candidates.some((e) => e.salt && commit(body, e.salt) === e.envelope.commitment))
        findings.push({
          kind: 'history_mismatch',
          index: candidates[0]?.idx ?? null,
          recordType: h.kind,
          recordId: String(row[h.id]),
          detail: `a row of ${h.table} (seq ${String(row.seq)}) is not what the journal committed to`,
        });
    }
    if (rows.length < mine.length)
      findings.push({
        kind: 'history_missing',
        index: null,
        recordType: h.kind,
        detail: `the journal records ${mine.length} ${h.kind} entries, ${h.table} holds ${rows.length} rows`,
      });
  }
}

/** Which entries a round looks at: all, or the new ones plus the next slice of the sweep. */
function ranges(size: number, verifiedSize: number, cursor: number, sample: number): [number, number][] {
  const out: [number, number][] = [];
  if (verifiedSize < size) out.push([verifiedSize, size]);
  const end = Math.min(verifiedSize, size);
  const n = Math.min(sample, end);
  if (n > 0) {
    const from = cursor % end;
    out.push([from, Math.min(end, from + n)]);
    if (from + n > end) out.push([0, from + n - end]);
  }
  return out;
}

/**
 * Holds a process's log and records against each other and against every checkpoint
 * the server signed. Complete: every entry, node, record and history row (on start and
 * for `parley audit`). Sampled: the tree head and checkpoints, every entry added since
 * the last round and the next `sample` entries of a sweep over the log with their
 * records, so a large log is covered in rounds; a log no larger than the sample is
 * checked completely. Findings go to the integrity state, which makes the process
 * read-only and stops its signing.
 */
export async function checkIntegrity(deps: Deps, processId: string, opts: { mode: 'complete' } | { mode: 'sampled'; sample: number }) {
  const progress = deps.integrity.state.progress.get(processId) ?? { verifiedSize: 0, cursor: 0 };
  const result = await deps.integrity.store.read(processId, async (r) => {
    const head = await r.head();
    if (!head) throw notFound('process', processId);
    const complete = opts.mode === 'complete' || head.size <= opts.sample;
    const findings: Finding[] = [];
    await checkTree(deps, r, processId, head, complete, findings);
    const parts = complete ? [[0, head.size] as [number, number]] : ranges(head.size, progress.verifiedSize, progress.cursor, opts.sample);
    // Only what the record and history checks need is kept: the latest entry of each record, and history entries.
    const latest = new Map<string, IntegrityEntry>();
    const histories: IntegrityEntry[] = [];
    const erased = new Set<number>();
    const bodiless: IntegrityEntry[] = [];
    const tree = new MemoryTree();
    let checked = 0;
    for (const [from, to] of parts) {
      for (let start = from; start < to; start += 5000) {
        const stop = Math.min(to, start + 5000);
        const batch = await r.entries(start, stop);
        const leaves = await leavesOf(r, start, stop);
        const byIdx = new Map(batch.map((e) => [e.idx, e]));
        for (let i = start; i < stop; i++) {
          const e = byIdx.get(i);
          if (complete) tree.appendHash(e ? envelopeLeafHash(e.envelope as Envelope) : new Uint8Array(32));
          if (!e) {
            findings.push({ kind: 'entry_missing', index: i, detail: `the journal has no entry ${i}` });
            continue;
          }
          checked++;
          checkEntry(e, leaves[i - start], findings);
          if (TABLE_OF.has(e.type) || e.type === 'redaction') latest.set(key(e.type, e.recordId), e);
          if (HISTORY.some((h) => h.kind === e.type)) histories.push(e);
          if (e.type === 'redaction') for (const n of ((e.body as { erased?: unknown } | null)?.erased as number[]) ?? []) erased.add(n);
          if (e.body === null && e.salt === null) bodiless.push(e);
        }
      }
    }
    if (complete) {
      for (const n of await r.allNodes()) {
        let want: Uint8Array | undefined;
        try {
          want = tree.getNodeSync(n.level, BigInt(n.idx));
        } catch {
          want = undefined;
        }
        if (!want || !bytesEqual(want, n.hash))
          findings.push({
            kind: 'node_mismatch',
            index: n.level === 0 ? n.idx : null,
            detail: `the stored node at level ${n.level} index ${n.idx} is not the one its entries give`,
          });
      }
      for (const e of bodiless)
        if (!erased.has(e.idx))
          findings.push({
            kind: 'body_mismatch',
            index: e.idx,
            recordType: e.type,
            recordId: e.recordId,
            detail: 'the body is gone although no redaction erased it',
          });
      await checkHistories(r, histories, erased, findings);
    }
    await checkRecords(r, latest, complete, findings);
    findings.sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
    const swept = parts.at(-1)?.[1] ?? 0;
    return { head, complete, findings, checked, cursor: complete ? 0 : swept };
  });
  const report: ProcessIntegrity & { checked: number; size: number } = {
    processId,
    checkedAt: new Date().toISOString(),
    mode: result.complete ? 'complete' : 'sampled',
    findings: result.findings,
    checked: result.checked,
    size: result.head.size,
  };
  deps.integrity.state.record(report);
  deps.integrity.state.progress.set(processId, { verifiedSize: Math.max(result.head.size, progress.verifiedSize), cursor: result.cursor });
  return { report, head: result.head };
}
