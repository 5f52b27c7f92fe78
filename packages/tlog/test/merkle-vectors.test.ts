import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { VECTORS, b64, hex, readVector, walkFiles } from './helpers.ts';
import { verifyConsistency, verifyInclusion } from '../src/proof.ts';
import { leafHash, rootFromLeafHashes } from '../src/hash.ts';
import { MemoryTree } from '../src/tree.ts';
import { TlogError } from '../src/errors.ts';

interface InclusionProbe {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}
interface ConsistencyProbe {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

function verdict(fn: () => void): { ok: boolean; code?: string } {
  try {
    fn();
    return { ok: true };
  } catch (e) {
    if (!(e instanceof TlogError)) throw e;
    return { ok: false, code: e.code };
  }
}

describe('transparency-dev/merkle probes', () => {
  const root = join(VECTORS, 'merkle/testdata');
  const files = [...walkFiles(join(root, 'inclusion')), ...walkFiles(join(root, 'consistency'))];

  it('has more than 190 probes', () => {
    expect(files.length).toBeGreaterThan(190);
  });

  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (rel, file) => {
    const j = JSON.parse(readFileSync(file, 'utf8')) as InclusionProbe & ConsistencyProbe;
    const proof = (j.proof ?? []).map(b64);
    const v = rel.startsWith('inclusion/')
      ? verdict(() => verifyInclusion(j.leafIdx, j.treeSize, b64(j.leafHash), proof, b64(j.root)))
      : verdict(() => verifyConsistency(j.size1, j.size2, b64(j.root1), b64(j.root2), proof));
    expect(v.ok).toBe(!j.wantErr);
  });
});

describe('RFC 6962 roots for sizes 0-8', () => {
  const v = JSON.parse(readVector('merkle/ct-roots.json').toString('utf8')) as {
    leafInputsHex: string[];
    rootHashesBySizeHex: string[];
  };
  it('rootFromLeafHashes and MemoryTree agree with the known roots', () => {
    const leaves = v.leafInputsHex.map((h) => leafHash(hex(h)));
    const tree = new MemoryTree();
    for (const l of v.leafInputsHex) tree.append(hex(l));
    expect(v.rootHashesBySizeHex).toHaveLength(9);
    v.rootHashesBySizeHex.forEach((want, size) => {
      expect(Buffer.from(rootFromLeafHashes(leaves.slice(0, size))).toString('hex')).toBe(want);
      expect(Buffer.from(tree.root(size)).toString('hex')).toBe(want);
    });
  });
});
