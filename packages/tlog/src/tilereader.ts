import { TlogError } from './errors.ts';
import { rootFromLeafHashes } from './hash.ts';
import type { HashReader, NodeRef } from './nodes.ts';
import { TILE_HEIGHT, TILE_WIDTH, decodeEntryBundle, hashesAtTileLevel, splitTileHashes, tilePath, type TileRef } from './tiles.ts';

export type Fetcher = (url: string) => Promise<Response>;

/** Joins a base URL and a relative path whether or not the base ends with a slash. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + '/' + path;
}

/**
 * Fetches a tile, falling back to the full tile when the partial one is gone
 * (tlog-tiles lets servers drop partial tiles once the tile fills up).
 */
export async function fetchTileBytes(base: string, t: TileRef, fetcher: Fetcher = fetch): Promise<Uint8Array> {
  const get = async (ref: TileRef): Promise<Response> => fetcher(joinUrl(base, tilePath(ref)));
  let res = await get(t);
  if (res.status === 404 && t.width < TILE_WIDTH) res = await get({ ...t, width: TILE_WIDTH });
  if (!res.ok) throw new TlogError('io', `Fetching ${tilePath(t)} failed with HTTP ${res.status}.`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchEntryBundle(base: string, index: bigint, width: number, fetcher: Fetcher = fetch): Promise<Uint8Array[]> {
  const entries = decodeEntryBundle(await fetchTileBytes(base, { level: 'entries', index, width }, fetcher));
  if (entries.length < width) {
    throw new TlogError('bad_size', `Entry bundle ${index} holds ${entries.length} entries, expected ${width}.`);
  }
  return entries.slice(0, width);
}

/**
 * A HashReader backed by a tiled log at a fixed tree size. Nodes between tile
 * levels are rebuilt by hashing up inside the tile, so any inclusion or
 * consistency proof can be computed from the log's public static files.
 */
export class TileHashReader implements HashReader {
  private readonly cache = new Map<string, Promise<Uint8Array[]>>();
  private readonly base: string;
  private readonly size: bigint;
  private readonly fetcher: Fetcher;

  constructor(base: string, size: bigint, fetcher: Fetcher = fetch) {
    this.base = base;
    this.size = size;
    this.fetcher = fetcher;
  }

  private tile(level: number, index: bigint): Promise<Uint8Array[]> {
    const rowCount = hashesAtTileLevel(this.size, level);
    const remaining = rowCount - index * BigInt(TILE_WIDTH);
    if (remaining <= 0n) throw new TlogError('missing_node', `Tile ${level}/${index} is beyond the tree.`);
    const width = remaining >= BigInt(TILE_WIDTH) ? TILE_WIDTH : Number(remaining);
    const key = `${level}/${index}`;
    let p = this.cache.get(key);
    if (p === undefined) {
      const ref: TileRef = { level, index, width };
      p = fetchTileBytes(this.base, ref, this.fetcher).then((b) =>
        // A full tile may stand in for a partial one; its prefix is the partial tile.
        splitTileHashes(b.length === TILE_WIDTH * 32 ? b.subarray(0, width * 32) : b, width),
      );
      this.cache.set(key, p);
    }
    return p;
  }

  async getNode(level: number, index: bigint): Promise<Uint8Array> {
    const tileLevel = Math.floor(level / TILE_HEIGHT);
    const within = level % TILE_HEIGHT;
    const first = index << BigInt(within);
    const count = 1 << within;
    const tileIndex = first / BigInt(TILE_WIDTH);
    const offset = Number(first % BigInt(TILE_WIDTH));
    const hashes = await this.tile(tileLevel, tileIndex);
    if (offset + count > hashes.length) {
      throw new TlogError('missing_node', `Node ${level}/${index} is not complete in a tree of size ${this.size}.`);
    }
    return rootFromLeafHashes(hashes.slice(offset, offset + count));
  }

  async getNodes(refs: readonly NodeRef[]): Promise<Uint8Array[]> {
    return Promise.all(refs.map((r) => this.getNode(r.level, r.index)));
  }
}
