import { TlogError } from './errors.ts';
import { HASH_SIZE } from './hash.ts';
import { toBigInt } from './encoding.ts';
import type { HashReader } from './nodes.ts';

/*
 * c2sp.org/tlog-tiles: hashes are grouped into tiles of 256, level L holding
 * Merkle level 8L. Paths are canonical, so parsing accepts exactly what
 * formatting produces and nothing else (a cache key must not have aliases).
 */
export const TILE_HEIGHT = 8;
export const TILE_WIDTH = 256;
const MAX_INDEX = (1n << 63n) - 1n;
const MAX_LEVEL = 63;

export interface TileRef {
  /** Tile level, or 'entries' for an entry bundle. */
  level: number | 'entries';
  index: bigint;
  /** 1..256; 256 means a full tile (no .p/ suffix). */
  width: number;
}

export function encodeTileIndex(n: bigint): string {
  if (n < 0n || n > MAX_INDEX) throw new TlogError('bad_tile_path', `Tile index ${n} is out of range.`);
  const groups: string[] = [];
  do {
    groups.unshift((n % 1000n).toString().padStart(3, '0'));
    n /= 1000n;
  } while (n > 0n);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

export function tilePath(t: TileRef): string {
  if (t.level !== 'entries' && (!Number.isInteger(t.level) || t.level < 0 || t.level > MAX_LEVEL)) {
    throw new TlogError('bad_tile_path', `Tile level ${t.level} is out of range.`);
  }
  if (!Number.isInteger(t.width) || t.width < 1 || t.width > TILE_WIDTH) {
    throw new TlogError('bad_tile_path', `Tile width ${t.width} is out of range.`);
  }
  const base = `tile/${t.level}/${encodeTileIndex(t.index)}`;
  return t.width === TILE_WIDTH ? base : `${base}.p/${t.width}`;
}

function bad(path: string, why: string): TlogError {
  return new TlogError('bad_tile_path', `The tile path "${path.slice(0, 80)}" is invalid: ${why}.`);
}

export function parseTilePath(path: string): TileRef {
  const parts = path.split('/');
  if (parts.length < 3 || parts[0] !== 'tile') throw bad(path, 'it must start with tile/<level>/');
  const levelStr = parts[1]!;
  let level: number | 'entries';
  if (levelStr === 'entries') level = 'entries';
  else if (/^(0|[1-9][0-9]?)$/.test(levelStr) && Number(levelStr) <= MAX_LEVEL) level = Number(levelStr);
  else throw bad(path, 'the level is not 0-63 or "entries"');

  let rest = parts.slice(2);
  let width = TILE_WIDTH;
  const last = rest[rest.length - 1]!;
  if (last.endsWith('.p')) {
    throw bad(path, 'a partial tile needs a width after .p/');
  }
  if (rest.length >= 2 && rest[rest.length - 2]!.endsWith('.p')) {
    const w = last;
    if (!/^[1-9][0-9]{0,2}$/.test(w) || Number(w) >= TILE_WIDTH) throw bad(path, 'the partial width is not 1-255');
    width = Number(w);
    rest = rest.slice(0, -1);
    rest[rest.length - 1] = rest[rest.length - 1]!.slice(0, -2);
  }
  if (rest.length > 7) throw bad(path, 'the index has too many groups');
  let index = 0n;
  rest.forEach((g, i) => {
    const isLast = i === rest.length - 1;
    const m = (isLast ? /^([0-9]{3})$/ : /^x([0-9]{3})$/).exec(g);
    if (m === null) throw bad(path, `index group "${g.slice(0, 10)}" is malformed`);
    index = index * 1000n + BigInt(m[1]!);
  });
  if (index > MAX_INDEX) throw bad(path, 'the index is beyond 2^63');
  const ref: TileRef = { level, index, width };
  // Rejects non-canonical spellings such as a leading x000 group.
  if (tilePath(ref) !== path) throw bad(path, 'it is not in canonical form');
  return ref;
}

/** Number of hashes stored at tile level `level` in a tree of `size` leaves. */
export function hashesAtTileLevel(size: bigint, level: number): bigint {
  return size >> BigInt(TILE_HEIGHT * level);
}

/**
 * Every tile (full or the one partial at the right edge) of every level for a
 * tree of this size, lowest level first. A generator, since a big log has
 * millions of tiles and callers usually stream them.
 */
export function* tilesForSize(sizeIn: bigint | number, opts: { entries?: boolean } = {}): Generator<TileRef> {
  const size = toBigInt(sizeIn, 'tree size');
  if (opts.entries) yield* tilesOfRow('entries', size);
  for (let level = 0; level <= MAX_LEVEL; level++) {
    const n = hashesAtTileLevel(size, level);
    if (n === 0n) break;
    yield* tilesOfRow(level, n);
  }
}

function* tilesOfRow(level: number | 'entries', count: bigint): Generator<TileRef> {
  const full = count / BigInt(TILE_WIDTH);
  for (let i = 0n; i < full; i++) yield { level, index: i, width: TILE_WIDTH };
  const partial = Number(count % BigInt(TILE_WIDTH));
  if (partial > 0) yield { level, index: full, width: partial };
}

/** Tile bytes are the node hashes at Merkle level 8L, concatenated. */
export async function buildTile(reader: HashReader, t: TileRef): Promise<Uint8Array> {
  if (t.level === 'entries') throw new TlogError('bad_tile_path', 'Entry bundles are not built from hashes.');
  const level = t.level * TILE_HEIGHT;
  const first = t.index * BigInt(TILE_WIDTH);
  const refs = Array.from({ length: t.width }, (_, i) => ({ level, index: first + BigInt(i) }));
  const hashes = reader.getNodes ? await reader.getNodes(refs) : await Promise.all(refs.map((r) => reader.getNode(r.level, r.index)));
  const out = new Uint8Array(t.width * HASH_SIZE);
  hashes.forEach((h, i) => out.set(h, i * HASH_SIZE));
  return out;
}

export function splitTileHashes(data: Uint8Array, width: number): Uint8Array[] {
  if (data.length !== width * HASH_SIZE) {
    throw new TlogError('bad_hash_size', `The tile holds ${data.length} bytes, not ${width} hashes.`);
  }
  return Array.from({ length: width }, (_, i) => data.subarray(i * HASH_SIZE, (i + 1) * HASH_SIZE));
}

// ------------------------------------------------------------ entry bundles

export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const e of entries) {
    if (e.length > 0xffff) throw new TlogError('bad_size', 'An entry is longer than 65535 bytes.');
    n += 2 + e.length;
  }
  const out = new Uint8Array(n);
  let off = 0;
  for (const e of entries) {
    out[off] = e.length >> 8;
    out[off + 1] = e.length & 0xff;
    out.set(e, off + 2);
    off += 2 + e.length;
  }
  return out;
}

export function decodeEntryBundle(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  let off = 0;
  while (off < data.length) {
    if (off + 2 > data.length) throw new TlogError('bad_size', 'The entry bundle ends inside a length prefix.');
    const len = (data[off]! << 8) | data[off + 1]!;
    if (off + 2 + len > data.length) throw new TlogError('bad_size', 'The entry bundle ends inside an entry.');
    out.push(data.subarray(off + 2, off + 2 + len));
    off += 2 + len;
  }
  if (out.length > TILE_WIDTH) throw new TlogError('bad_size', 'The entry bundle holds more than 256 entries.');
  return out;
}
