import { TlogError } from './errors.ts';
import { HASH_SIZE, nodeHash, emptyRoot } from './hash.ts';
import { bytesEqual, toBigInt } from './encoding.ts';
import { rangeRefs, resolvePlan, resolvePlanSync, splitPoint, type HashPlan, type HashReader, type SyncHashReader } from './nodes.ts';

type Size = bigint | number;

function checkHash(h: Uint8Array, what: string): void {
  if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) {
    throw new TlogError('bad_hash_size', `The ${what} is ${h?.length ?? 0} bytes, not ${HASH_SIZE}.`);
  }
}

function checkProofHashes(proof: readonly Uint8Array[]): void {
  proof.forEach((h, i) => checkHash(h, `proof hash ${i}`));
}

// ---------------------------------------------------------------- generation

/** The subtrees whose hashes form the RFC 9162 inclusion path, leaf side first. */
export function inclusionPlan(index: Size, size: Size): HashPlan {
  const m = toBigInt(index, 'leaf index');
  const n = toBigInt(size, 'tree size');
  if (m < 0n || n < 0n || m >= n) {
    throw new TlogError('bad_index', `Leaf index ${m} is not inside a tree of size ${n}.`);
  }
  const plan: HashPlan = [];
  const walk = (m: bigint, lo: bigint, n: bigint): void => {
    if (n === 1n) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, lo, k);
      plan.push(rangeRefs(lo + k, lo + n));
    } else {
      walk(m - k, lo + k, n - k);
      plan.push(rangeRefs(lo, lo + k));
    }
  };
  walk(m, 0n, n);
  return plan;
}

/** RFC 9162 SUBPROOF; proofs from size 0 are refused because they prove nothing. */
export function consistencyPlan(size1: Size, size2: Size): HashPlan {
  const m = toBigInt(size1, 'old size');
  const n = toBigInt(size2, 'new size');
  if (m <= 0n || m > n) {
    throw new TlogError('bad_size', `No consistency proof exists from size ${m} to size ${n}.`);
  }
  const plan: HashPlan = [];
  const sub = (m: bigint, lo: bigint, n: bigint, complete: boolean): void => {
    if (m === n) {
      if (!complete) plan.push(rangeRefs(lo, lo + n));
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, lo, k, complete);
      plan.push(rangeRefs(lo + k, lo + n));
    } else {
      sub(m - k, lo + k, n - k, false);
      plan.push(rangeRefs(lo, lo + k));
    }
  };
  sub(m, 0n, n, true);
  return plan;
}

export function rootPlan(size: Size): HashPlan {
  const n = toBigInt(size, 'tree size');
  if (n < 0n) throw new TlogError('bad_size', `Tree size ${n} is negative.`);
  return n === 0n ? [] : [rangeRefs(0n, n)];
}

export async function inclusionProof(reader: HashReader, index: Size, size: Size): Promise<Uint8Array[]> {
  return resolvePlan(inclusionPlan(index, size), reader);
}

export async function consistencyProof(reader: HashReader, size1: Size, size2: Size): Promise<Uint8Array[]> {
  return resolvePlan(consistencyPlan(size1, size2), reader);
}

export async function treeRoot(reader: HashReader, size: Size): Promise<Uint8Array> {
  const plan = rootPlan(size);
  return plan.length === 0 ? emptyRoot() : (await resolvePlan(plan, reader))[0]!;
}

export function inclusionProofSync(reader: SyncHashReader, index: Size, size: Size): Uint8Array[] {
  return resolvePlanSync(inclusionPlan(index, size), reader);
}

export function consistencyProofSync(reader: SyncHashReader, size1: Size, size2: Size): Uint8Array[] {
  return resolvePlanSync(consistencyPlan(size1, size2), reader);
}

export function treeRootSync(reader: SyncHashReader, size: Size): Uint8Array {
  const plan = rootPlan(size);
  return plan.length === 0 ? emptyRoot() : resolvePlanSync(plan, reader)[0]!;
}

// -------------------------------------------------------------- verification

/** RFC 9162 2.1.3.2; returns the root the proof implies (the caller compares). */
export function rootFromInclusionProof(index: Size, size: Size, leafHash: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  const idx = toBigInt(index, 'leaf index');
  const n = toBigInt(size, 'tree size');
  checkHash(leafHash, 'leaf hash');
  checkProofHashes(proof);
  if (idx < 0n || idx >= n) {
    throw new TlogError('bad_proof', `Leaf index ${idx} is not inside a tree of size ${n}.`);
  }
  let fn = idx;
  let sn = n - 1n;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0n) throw new TlogError('bad_proof', 'The inclusion proof is longer than the tree is deep.');
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      // Skip levels where this node has no right sibling inside the tree.
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw new TlogError('bad_proof', 'The inclusion proof is shorter than the tree is deep.');
  return r;
}

export function verifyInclusion(index: Size, size: Size, leafHash: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  checkHash(root, 'root hash');
  const got = rootFromInclusionProof(index, size, leafHash, proof);
  if (!bytesEqual(got, root)) {
    throw new TlogError('bad_proof', 'The inclusion proof does not lead to the expected root.');
  }
}

/** RFC 9162 2.1.4.2, plus a hard refusal of size 0 (an empty tree is consistent with anything). */
export function verifyConsistency(size1: Size, size2: Size, root1: Uint8Array, root2: Uint8Array, proof: readonly Uint8Array[]): void {
  const m = toBigInt(size1, 'old size');
  const n = toBigInt(size2, 'new size');
  checkProofHashes(proof);
  if (m <= 0n) throw new TlogError('bad_size', 'A consistency proof from an empty tree proves nothing.');
  if (m > n) throw new TlogError('bad_size', `Old size ${m} is larger than new size ${n}.`);
  if (m === n) {
    // RFC 9162 §2.1.4.2: equal sizes are consistent exactly when the proof is empty and the
    // roots are the same bytes; the reference probes accept this whatever the roots' length.
    if (proof.length !== 0) throw new TlogError('bad_proof', 'Equal sizes need an empty consistency proof.');
    if (!bytesEqual(root1, root2)) throw new TlogError('bad_proof', 'Equal sizes but different root hashes.');
    return;
  }
  checkHash(root1, 'old root hash');
  checkHash(root2, 'new root hash');
  if (proof.length === 0) throw new TlogError('bad_proof', 'The consistency proof is empty.');

  let fn = m - 1n;
  let sn = n - 1n;
  // A power-of-two old tree is itself a node of the new tree, so the proof omits it.
  const isPow2 = (m & (m - 1n)) === 0n;
  const path = isPow2 ? [root1, ...proof] : proof;
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0n) throw new TlogError('bad_proof', 'The consistency proof is too long.');
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw new TlogError('bad_proof', 'The consistency proof is too short.');
  if (!bytesEqual(fr, root1)) throw new TlogError('bad_proof', 'The consistency proof does not match the old root.');
  if (!bytesEqual(sr, root2)) throw new TlogError('bad_proof', 'The consistency proof does not match the new root.');
}
