import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTile, decodeEntryBundle, encodeEntryBundle, parseTilePath, splitTileHashes, tilePath, tilesForSize, type TileRef } from '../src/tiles.ts';
import { MemoryTree } from '../src/tree.ts';
import { TlogError } from '../src/errors.ts';

describe('tile paths', () => {
  it('encodes the examples from the spec', () => {
    expect(tilePath({ level: 0, index: 1234067n, width: 256 })).toBe('tile/0/x001/x234/067');
    expect(tilePath({ level: 1, index: 0n, width: 16 })).toBe('tile/1/000.p/16');
    expect(tilePath({ level: 'entries', index: 5n, width: 256 })).toBe('tile/entries/005');
    expect(tilePath({ level: 'entries', index: 1000n, width: 1 })).toBe('tile/entries/x001/000.p/1');
  });

  it('round-trips random tiles', () => {
    const ref = fc.record({
      level: fc.oneof(fc.integer({ min: 0, max: 63 }), fc.constant('entries' as const)),
      index: fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }),
      width: fc.integer({ min: 1, max: 256 }),
    });
    fc.assert(
      fc.property(ref, (t: TileRef) => {
        expect(parseTilePath(tilePath(t))).toEqual(t);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    'tile/0/-01',
    'tile/0/01',
    'tile/0/0001',
    'tile/0/abc',
    'tile/0/x000/001',
    'tile/0/x001',
    'tile/0/001/002',
    'tile/0/x9223/x372/x036/x854/x775/x808/000',
    'tile/0/x009/x223/x372/x036/x854/x775/808',
    'tile/0/x009/x223/x372/x036/x854/x775/x807/000',
    'tile/64/000',
    'tile/01/000',
    'tile/-1/000',
    'tile/0/000.p/0',
    'tile/0/000.p/256',
    'tile/0/000.p/016',
    'tile/0/000.p/',
    'tile/0/000.p',
    'tile/0/x001.p/5/002',
    'tile/entry/000',
    'tiles/0/000',
    'tile/0/000/',
    '/tile/0/000',
    'tile/0/ 000',
    'tile/0/+00',
    'tile/0/1e2',
  ])('rejects %s', (p) => {
    try {
      parseTilePath(p);
      expect.unreachable(p);
    } catch (e) {
      expect((e as TlogError).code).toBe('bad_tile_path');
    }
  });

  it('accepts the largest index below 2^63', () => {
    expect(parseTilePath('tile/0/x009/x223/x372/x036/x854/x775/807').index).toBe((1n << 63n) - 1n);
  });
});

describe('tiles of a tree', () => {
  it('lists full tiles and one partial tile per level', () => {
    const tiles = [...tilesForSize(70000n, { entries: true })].map(tilePath);
    expect(tiles.filter((t) => t.startsWith('tile/entries/'))).toHaveLength(274);
    expect(tiles.filter((t) => t.startsWith('tile/0/'))).toHaveLength(274);
    expect(tiles).toContain('tile/0/273.p/112');
    expect(tiles.filter((t) => t.startsWith('tile/1/'))).toEqual(['tile/1/000', 'tile/1/001.p/17']);
    expect(tiles.filter((t) => t.startsWith('tile/2/'))).toEqual(['tile/2/000.p/1']);
    expect(tiles.some((t) => t.startsWith('tile/3/'))).toBe(false);
    expect([...tilesForSize(0)]).toEqual([]);
  });

  it('builds tile bytes from stored nodes', async () => {
    const tree = new MemoryTree();
    for (let i = 0; i < 600; i++) tree.append(new Uint8Array([i & 0xff, i >> 8]));
    const t0 = await buildTile(tree, { level: 0, index: 2n, width: 88 });
    const hashes = splitTileHashes(t0, 88);
    expect(hashes[0]).toEqual(tree.leafHashAt(512));
    expect(hashes[87]).toEqual(tree.leafHashAt(599));
    const t1 = splitTileHashes(await buildTile(tree, { level: 1, index: 0n, width: 2 }), 2);
    expect(t1[1]).toEqual(await tree.getNode(8, 1n));
    expect(t1[0]).toEqual(tree.root(256));
  });
});

describe('entry bundles', () => {
  it('round-trips and rejects truncation', () => {
    const entries = [new Uint8Array(0), new Uint8Array([1, 2, 3]), new Uint8Array(300).fill(9)];
    const b = encodeEntryBundle(entries);
    expect(decodeEntryBundle(b)).toEqual(entries);
    expect(() => decodeEntryBundle(b.subarray(0, b.length - 1))).toThrow(TlogError);
    expect(() => decodeEntryBundle(new Uint8Array([0]))).toThrow(TlogError);
    expect(() => encodeEntryBundle([new Uint8Array(70000)])).toThrow(TlogError);
  });
});
