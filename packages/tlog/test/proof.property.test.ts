import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemoryTree } from '../src/tree.ts';
import { consistencyPlan, consistencyProof, inclusionPlan, inclusionProof, treeRoot, verifyConsistency, verifyInclusion } from '../src/proof.ts';
import { leafHash, nodeHash, rootFromLeafHashes } from '../src/hash.ts';
import type { HashReader } from '../src/nodes.ts';
import { TlogError } from '../src/errors.ts';

const N = 5000;
const tree = new MemoryTree();
const leaves: Uint8Array[] = [];
for (let i = 0; i < N; i++) {
  const data = new TextEncoder().encode(`leaf ${i}`);
  tree.append(data);
  leaves.push(leafHash(data));
}
const roots = new Map<number, Uint8Array>();
const rootAt = (n: number): Uint8Array => {
  let r = roots.get(n);
  if (r === undefined) roots.set(n, (r = tree.root(n)));
  return r;
};

function rejects(fn: () => void): boolean {
  try {
    fn();
    return false;
  } catch (e) {
    if (!(e instanceof TlogError)) throw e;
    return true;
  }
}

const flip = (h: Uint8Array, bit: number): Uint8Array => {
  const c = Uint8Array.from(h);
  c[bit >> 3]! ^= 1 << (bit & 7);
  return c;
};

/** Proof mutations every verifier must catch: flips, truncation, extension, reordering. */
function mutations(proof: Uint8Array[], rnd: number): Uint8Array[][] {
  const out: Uint8Array[][] = [];
  if (proof.length > 0) {
    const i = rnd % proof.length;
    out.push(proof.map((h, j) => (j === i ? flip(h, rnd % 256) : h)));
    out.push(proof.slice(0, -1));
    out.push(proof.slice(1));
    out.push([...proof, proof[proof.length - 1]!]);
    out.push([proof[0]!, ...proof]);
    if (proof.length > 1) {
      const j = (i + 1 + ((rnd >> 8) % (proof.length - 1))) % proof.length;
      const swapped = [...proof];
      [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
      out.push(swapped);
    }
  }
  out.push([...proof, leafHash(new Uint8Array([rnd & 0xff]))]);
  return out;
}

describe('generated proofs, exhaustive for sizes 1..256', () => {
  it('MemoryTree roots equal the recursive definition', () => {
    for (let n = 0; n <= 256; n++) expect(rootAt(n)).toEqual(rootFromLeafHashes(leaves.slice(0, n)));
  });

  it('every inclusion proof verifies', () => {
    for (let n = 1; n <= 256; n++) {
      for (let i = 0; i < n; i++) verifyInclusion(i, n, leaves[i]!, tree.inclusionProof(i, n), rootAt(n));
    }
  });

  it('every consistency proof verifies', () => {
    for (let n = 1; n <= 256; n++) {
      for (let m = 1; m <= n; m++) verifyConsistency(m, n, rootAt(m), rootAt(n), tree.consistencyProof(m, n));
    }
  });

  it('every single bit flip of every proof hash is rejected (sizes 1..16, all indices)', () => {
    let checked = 0;
    const accepted: string[] = [];
    for (let n = 1; n <= 16; n++) {
      for (let i = 0; i < n; i++) {
        const p = tree.inclusionProof(i, n);
        for (let k = 0; k < p.length; k++) {
          for (let bit = 0; bit < 256; bit++) {
            const bad = p.map((h, j) => (j === k ? flip(h, bit) : h));
            if (!rejects(() => verifyInclusion(i, n, leaves[i]!, bad, rootAt(n)))) accepted.push(`incl ${i}/${n} ${k}:${bit}`);
            checked++;
          }
        }
      }
      for (let m = 1; m < n; m++) {
        const p = tree.consistencyProof(m, n);
        for (let k = 0; k < p.length; k++) {
          for (let bit = 0; bit < 256; bit++) {
            const bad = p.map((h, j) => (j === k ? flip(h, bit) : h));
            if (!rejects(() => verifyConsistency(m, n, rootAt(m), rootAt(n), bad))) accepted.push(`cons ${m}/${n} ${k}:${bit}`);
            checked++;
          }
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(checked).toBeGreaterThan(50_000);
  });

  it('size 0, size1 > size2 and out-of-range indices are rejected', () => {
    for (let n = 1; n <= 256; n++) {
      expect(rejects(() => verifyConsistency(0, n, rootAt(0), rootAt(n), []))).toBe(true);
      expect(rejects(() => verifyConsistency(0, n, rootAt(0), rootAt(n), [rootAt(n)]))).toBe(true);
      expect(rejects(() => verifyConsistency(n + 1, n, rootAt(n + 1), rootAt(n), tree.consistencyProof(n, n + 1)))).toBe(true);
      expect(rejects(() => verifyInclusion(n, n, leaves[n]!, tree.inclusionProof(n - 1, n), rootAt(n)))).toBe(true);
    }
    expect(rejects(() => verifyConsistency(0, 0, rootAt(0), rootAt(0), []))).toBe(true);
  });
});

describe('generated proofs, random sizes up to 5000 (fast-check)', () => {
  const sizeAndIndex = fc.integer({ min: 1, max: N }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 })));
  const sizes = fc.integer({ min: 1, max: N }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));

  it('inclusion proofs verify and every mutation is rejected', () => {
    fc.assert(
      fc.property(sizeAndIndex, fc.nat(), ([n, i], rnd) => {
        const p = tree.inclusionProof(i, n);
        verifyInclusion(i, n, leaves[i]!, p, rootAt(n));
        for (const bad of mutations(p, rnd)) expect(rejects(() => verifyInclusion(i, n, leaves[i]!, bad, rootAt(n)))).toBe(true);
        const other = (i + 1 + (rnd % n)) % n;
        if (other !== i) expect(rejects(() => verifyInclusion(other, n, leaves[i]!, p, rootAt(n)))).toBe(true);
        // A different size only has to fail when it changes the path shape (otherwise the math is identical).
        if (inclusionPlan(i, 2 * n).length !== p.length) {
          expect(rejects(() => verifyInclusion(i, 2 * n, leaves[i]!, p, rootAt(n)))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('consistency proofs verify and every mutation is rejected', () => {
    fc.assert(
      fc.property(sizes, fc.nat(), ([m, n], rnd) => {
        const p = tree.consistencyProof(m, n);
        verifyConsistency(m, n, rootAt(m), rootAt(n), p);
        if (m === n) {
          expect(rejects(() => verifyConsistency(m, n, rootAt(m), rootAt(n), [rootAt(m)]))).toBe(true);
          return;
        }
        for (const bad of mutations(p, rnd)) expect(rejects(() => verifyConsistency(m, n, rootAt(m), rootAt(n), bad))).toBe(true);
        expect(rejects(() => verifyConsistency(n, m, rootAt(n), rootAt(m), p))).toBe(true);
        expect(rejects(() => verifyConsistency(m, n, rootAt(n), rootAt(m), p))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('async proofs from a HashReader equal the synchronous ones', async () => {
    await fc.assert(
      fc.asyncProperty(sizes, async ([m, n]) => {
        expect(await treeRoot(tree, n)).toEqual(rootAt(n));
        expect(await consistencyProof(tree, m, n)).toEqual(tree.consistencyProof(m, n));
        expect(await inclusionProof(tree, m - 1, n)).toEqual(tree.inclusionProof(m - 1, n));
      }),
      { numRuns: 100 },
    );
  });
});

/*
 * A tree whose leaves are all equal has one hash per level, so nodes of
 * astronomically large trees are cheap and still genuine; that exercises the
 * bigint index arithmetic far past 2^53.
 */
class UniformTree implements HashReader {
  private readonly levels: Uint8Array[] = [leafHash(new Uint8Array([7]))];
  async getNode(level: number): Promise<Uint8Array> {
    while (this.levels.length <= level) {
      const h = this.levels[this.levels.length - 1]!;
      this.levels.push(nodeHash(h, h));
    }
    return this.levels[level]!;
  }
}

describe('bigint sizes beyond 2^53', () => {
  const uniform = new UniformTree();
  const big = fc.bigInt({ min: (1n << 53n) + 1n, max: (1n << 64n) - 1n });

  it('inclusion and consistency proofs verify', async () => {
    await fc.assert(
      fc.asyncProperty(big, big, fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), async (a, b, r) => {
        const [m, n] = a <= b ? [a, b] : [b, a];
        const rootN = await treeRoot(uniform, n);
        const rootM = await treeRoot(uniform, m);
        const idx = r % n;
        const leaf = await uniform.getNode(0);
        const ip = await inclusionProof(uniform, idx, n);
        expect(ip.length).toBe(inclusionPlan(idx, n).length);
        verifyInclusion(idx, n, leaf, ip, rootN);
        expect(rejects(() => verifyInclusion(idx, n, leaf, ip.slice(1), rootN))).toBe(true);
        expect(rejects(() => verifyInclusion(n, n, leaf, ip, rootN))).toBe(true);
        if (m < n) {
          const cp = await consistencyProof(uniform, m, n);
          expect(cp.length).toBe(consistencyPlan(m, n).length);
          verifyConsistency(m, n, rootM, rootN, cp);
          expect(rejects(() => verifyConsistency(m, n, rootM, rootN, [...cp, leaf]))).toBe(true);
          expect(
            rejects(() =>
              verifyConsistency(
                m,
                n,
                rootM,
                rootN,
                cp.map((h, i) => (i === 0 ? flip(h, 3) : h)),
              ),
            ),
          ).toBe(true);
          expect(rejects(() => verifyConsistency(n, m, rootN, rootM, cp))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses unsafe JavaScript numbers instead of rounding them', () => {
    expect(() => inclusionPlan(2 ** 53 + 2, 2 ** 60)).toThrow(TlogError);
  });
});
