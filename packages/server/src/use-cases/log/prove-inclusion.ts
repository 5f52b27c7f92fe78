import { inclusionProof, toBase64 } from '@parley/tlog';
import { AppError } from '../../domain/shared/app-error.ts';
import type { LogDeps } from '../ports.ts';
import { headOf, parseCount, tlogCall } from './log-support.ts';

/** The RFC 6962 audit path of entry `index` in the tree of `size` entries. */
export async function proveInclusion(deps: LogDeps, processId: string, q: { index?: string; size?: string }) {
  const index = parseCount(q.index, 'index');
  const size = parseCount(q.size, 'size');
  const head = await headOf(deps, processId);
  if (size > head.size) throw new AppError('validation', 'beyond_tree', `The log has ${head.size} entries, fewer than size ${size}.`, { field: 'size' });
  if (index >= size) throw new AppError('validation', 'bad_index', `Entry ${index} is not inside a tree of ${size} entries.`, { field: 'index' });
  const proof = await tlogCall(() => inclusionProof(deps.log.servedNodes(processId), index, size));
  return { index, size, proof: proof.map(toBase64) };
}
