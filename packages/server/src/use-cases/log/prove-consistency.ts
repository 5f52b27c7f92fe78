import { consistencyProof, toBase64 } from '@parley/tlog';
import { AppError } from '../../domain/shared/app-error.ts';
import type { LogDeps } from '../ports.ts';
import { headOf, parseCount, tlogCall } from './log-support.ts';

/** Proves the tree of `from` entries is a prefix of the tree of `to` entries. */
export async function proveConsistency(deps: LogDeps, processId: string, q: { from?: string; to?: string }) {
  const from = parseCount(q.from, 'from');
  const to = parseCount(q.to, 'to');
  const head = await headOf(deps, processId);
  // Size 0 is refused: the empty tree is a prefix of every tree, so such a proof proves nothing.
  if (from === 0) throw new AppError('validation', 'empty_tree', 'A consistency proof from size 0 proves nothing; ask from size 1 or more.', { field: 'from' });
  if (from > to) throw new AppError('validation', 'from_after_to', `Size ${from} is larger than size ${to}; a log only grows.`, { field: 'from' });
  if (to > head.size) throw new AppError('validation', 'beyond_tree', `The log has ${head.size} entries, fewer than size ${to}.`, { field: 'to' });
  const proof = await tlogCall(() => consistencyProof(deps.log.servedNodes(processId), from, to));
  return { from, to, proof: proof.map(toBase64) };
}
