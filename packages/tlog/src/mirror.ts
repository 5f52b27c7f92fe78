import { TlogError } from './errors.ts';
import { bytesEqual } from './encoding.ts';
import { MemoryTree } from './tree.ts';
import { buildTile, tilePath, tilesForSize } from './tiles.ts';
import { fetchEntryBundle, fetchTileBytes, joinUrl, type Fetcher } from './tilereader.ts';
import { verifyCheckpoint, type VerifiedCheckpoint } from './verifier.ts';
import type { Policy } from './policy.ts';

export interface MirrorResult extends VerifiedCheckpoint {
  entries: bigint;
  tilesChecked: number;
  /** The downloaded tree, for callers that want to keep serving or querying it. */
  tree: MemoryTree;
}

export async function fetchCheckpoint(base: string, fetcher: Fetcher = fetch): Promise<string> {
  const res = await fetcher(joinUrl(base, 'checkpoint'));
  if (!res.ok) throw new TlogError('io', `Fetching the checkpoint failed with HTTP ${res.status}.`);
  return res.text();
}

/**
 * Downloads a whole tiled log and re-derives everything the log claims: every
 * entry is re-hashed, every hash tile compared with the recomputed nodes, and
 * the recomputed root compared with the signed checkpoint. Holds the whole
 * tree in memory, which suits audits of small and medium logs.
 */
export async function mirrorLog(base: string, policy: Policy, fetcher: Fetcher = fetch): Promise<MirrorResult> {
  const v = verifyCheckpoint(await fetchCheckpoint(base, fetcher), policy);
  const size = v.checkpoint.size;
  const tree = new MemoryTree();
  for (const t of tilesForSize(size, { entries: true })) {
    if (t.level !== 'entries') break;
    for (const e of await fetchEntryBundle(base, t.index, t.width, fetcher)) tree.append(e);
  }
  if (tree.size !== size) throw new TlogError('bad_size', `Downloaded ${tree.size} entries, the checkpoint says ${size}.`);
  if (!bytesEqual(tree.root(), v.checkpoint.rootHash)) {
    throw new TlogError('bad_proof', 'The root recomputed from the entries differs from the signed checkpoint.');
  }
  let tilesChecked = 0;
  for (const t of tilesForSize(size)) {
    const got = await fetchTileBytes(base, t, fetcher);
    const want = await buildTile(tree, t);
    // A full tile may stand in for a missing partial one; anything else must match exactly.
    const prefix = got.length === 256 * 32 && want.length < got.length ? got.subarray(0, want.length) : got;
    if (!bytesEqual(prefix, want)) {
      throw new TlogError('bad_proof', `The tile ${tilePath(t)} differs from the hashes of the entries.`);
    }
    tilesChecked++;
  }
  return { ...v, entries: size, tilesChecked, tree };
}
