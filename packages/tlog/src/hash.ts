import { createHash } from 'node:crypto';
import { TlogError } from './errors.ts';

export const HASH_SIZE = 32;

const LEAF_PREFIX = new Uint8Array([0x00]);
const NODE_PREFIX = new Uint8Array([0x01]);

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  const d = h.digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/** RFC 6962 domain separation keeps a leaf from being confused with a node. */
export function leafHash(data: Uint8Array): Uint8Array {
  return sha256(LEAF_PREFIX, data);
}

export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256(NODE_PREFIX, left, right);
}

export function emptyRoot(): Uint8Array {
  return sha256();
}

export function assertHash(h: Uint8Array, what = 'hash'): void {
  if (!(h instanceof Uint8Array) || h.length !== HASH_SIZE) {
    throw new TlogError('bad_hash_size', `The ${what} is ${h?.length ?? 0} bytes, not ${HASH_SIZE}.`);
  }
}

/**
 * MTH over leaf hashes. A stack of complete subtrees (the "compact range")
 * gives the same result as the RFC's recursive largest-power-of-two split
 * without recursion, so it also scales to long lists.
 */
export function rootFromLeafHashes(hashes: readonly Uint8Array[]): Uint8Array {
  if (hashes.length === 0) return emptyRoot();
  const stack: Uint8Array[] = [];
  for (let i = 0; i < hashes.length; i++) {
    let h = hashes[i]!;
    assertHash(h, `leaf hash ${i}`);
    // Each trailing one bit of i means a finished left sibling is waiting.
    for (let n = i; (n & 1) === 1; n >>>= 1) h = nodeHash(stack.pop()!, h);
    stack.push(h);
  }
  return foldRight(stack);
}

/** Folds complete subtrees (largest first) into the root of their union. */
export function foldRight(subtrees: readonly Uint8Array[]): Uint8Array {
  if (subtrees.length === 0) return emptyRoot();
  let h = subtrees[subtrees.length - 1]!;
  for (let i = subtrees.length - 2; i >= 0; i--) h = nodeHash(subtrees[i]!, h);
  return h;
}
