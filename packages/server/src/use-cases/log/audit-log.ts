import { bytesEqual, canonicalBytes, computeCommitment, MemoryTree, type JsonValue } from '@parley/tlog';
import type { LogDeps } from '../ports.ts';
import { headOf } from './log-support.ts';

export interface AuditProblem {
  index: number;
  problem: string;
}

/**
 * Recomputes the whole log from its entries and holds it against what was stored
 * and signed: dense indices, each envelope against its row, leaf hash and body
 * commitment, each leaf against the stored tree, and the root against the latest
 * checkpoint. Every finding names the entry's index, so an operator (or a party
 * given an export) knows where the record was altered.
 */
export async function auditLog(deps: LogDeps, processId: string) {
  const head = await headOf(deps, processId);
  const rows = await deps.log.auditRows(processId);
  const checkpoint = await deps.log.latestCheckpoint(processId);
  const problems: AuditProblem[] = [];
  const tree = new MemoryTree();
  rows.forEach((r, position) => {
    if (r.idx !== position && (position === 0 || rows[position - 1]!.idx === position - 1))
      problems.push({ index: position, problem: `entry ${position} is missing (the next stored entry is ${r.idx})` });
    const e = r.envelope;
    if (e.type !== r.type || e.recordId !== r.recordId || e.version !== r.version)
      problems.push({ index: r.idx, problem: 'the envelope does not describe its journal row' });
    const data = canonicalBytes(e);
    tree.append(data);
    if (!bytesEqual(tree.leafHashAt(position), r.leafHash)) problems.push({ index: r.idx, problem: 'the envelope does not match its stored leaf hash' });
    if (r.body !== null && r.salt !== null && computeCommitment(r.body as JsonValue, r.salt) !== e.commitment)
      problems.push({ index: r.idx, problem: 'the body does not match the commitment in its envelope' });
  });
  if (rows.length !== head.size) problems.push({ index: Math.min(rows.length, head.size), problem: `the journal holds ${rows.length} entries, the tree head says ${head.size}` });
  const reader = deps.log.nodes(processId);
  for (let i = 0; i < Math.min(rows.length, head.size); i += 256) {
    const refs = Array.from({ length: Math.min(256, Math.min(rows.length, head.size) - i) }, (_, k) => ({ level: 0, index: BigInt(i + k) }));
    const stored = await reader.getNodes!(refs).catch(() => undefined);
    refs.forEach((ref, k) => {
      if (!stored?.[k] || !bytesEqual(stored[k]!, tree.leafHashAt(ref.index))) problems.push({ index: i + k, problem: "the entry differs from the tree's stored leaf" });
    });
  }
  let checkpointMatches: boolean | undefined;
  if (checkpoint) {
    checkpointMatches = tree.size >= BigInt(checkpoint.size) && bytesEqual(tree.root(checkpoint.size), checkpoint.root);
    if (!checkpointMatches) problems.push({ index: -1, problem: `the entries do not recompute the root signed at size ${checkpoint.size}` });
  }
  // Entry findings first, by index; the whole-tree finding (index -1) last.
  problems.sort((a, b) => (a.index < 0 ? Infinity : a.index) - (b.index < 0 ? Infinity : b.index));
  return { size: head.size, entries: rows.length, checkpointSize: checkpoint?.size ?? null, checkpointMatches, problems };
}
