import { buildTile, canonicalBytes, encodeEntryBundle, hashesAtTileLevel, parseTilePath, TILE_WIDTH } from '@parley/tlog';
import { AppError } from '../../domain/shared/app-error.ts';
import type { LogDeps } from '../ports.ts';
import { headOf, tlogCall } from './log-support.ts';

/**
 * A c2sp.org/tlog-tiles hash tile or entry bundle. Entry bundles hold envelopes only:
 * they are public by design, since an envelope carries a salted commitment, never a body.
 * Record ids and types stay readable there, so the log shows that a restricted record
 * exists (and when it changed) without showing what it says: ids of restricted records
 * must carry no meaning (generated ids are random).
 * Paths are parsed strictly (one spelling per tile); a tile past the tree is not found.
 */
export async function getTile(deps: LogDeps, processId: string, path: string): Promise<{ bytes: Uint8Array; full: boolean }> {
  const tile = await tlogCall(() => parseTilePath(path), 'path');
  const head = await headOf(deps, processId);
  const rowCount = tile.level === 'entries' ? BigInt(head.size) : hashesAtTileLevel(BigInt(head.size), tile.level);
  const first = tile.index * BigInt(TILE_WIDTH);
  if (first + BigInt(tile.width) > rowCount)
    throw new AppError('not_found', 'beyond_tree', `The tile ${path} is beyond the log's ${head.size} entries.`, { field: 'path' });
  const full = tile.width === TILE_WIDTH;
  if (tile.level === 'entries') {
    const envelopes = await deps.log.envelopes(processId, Number(first), Number(first) + tile.width);
    return { bytes: encodeEntryBundle(envelopes.map((e) => canonicalBytes(e))), full };
  }
  return { bytes: await tlogCall(() => buildTile(deps.log.servedNodes(processId), tile)), full };
}
