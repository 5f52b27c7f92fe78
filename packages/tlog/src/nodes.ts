import { foldRight, emptyRoot } from './hash.ts';
import { TlogError } from './errors.ts';

/** A complete subtree: level 0 = leaf hashes, index counts subtrees of that level from the left. */
export interface NodeRef {
  level: number;
  index: bigint;
}

/**
 * Where stored hashes come from (memory, a database table, tiles over HTTP).
 * Only complete subtrees are ever requested, so a store never has to know the
 * current tree size to answer.
 */
export interface HashReader {
  getNode(level: number, index: bigint): Promise<Uint8Array>;
  /** Optional batch form so a database can answer one proof with one query. */
  getNodes?(refs: readonly NodeRef[]): Promise<Uint8Array[]>;
}

export interface SyncHashReader {
  getNodeSync(level: number, index: bigint): Uint8Array;
}

/**
 * Each element is one hash of a proof (or a root) expressed as complete
 * subtrees, largest first; folding them right-to-left yields the hash.
 */
export type HashPlan = NodeRef[][];

export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Largest power of two strictly below n (n >= 2), the RFC 6962 split point. */
export function splitPoint(n: bigint): bigint {
  return 1n << BigInt(bitLength(n - 1n) - 1);
}

/**
 * Decomposes [lo, hi) into maximal aligned complete subtrees, left to right.
 * When lo is a multiple of the first piece's width (always true for the
 * ranges the proof recursion produces) the right fold of these pieces is the
 * RFC 6962 MTH of the range.
 */
export function rangeRefs(lo: bigint, hi: bigint): NodeRef[] {
  const refs: NodeRef[] = [];
  while (lo < hi) {
    let level = 0;
    // Grow while lo stays aligned and the subtree still fits.
    while (((lo >> BigInt(level)) & 1n) === 0n && lo + (1n << BigInt(level + 1)) <= hi) {
      if (level >= 63) break;
      level++;
    }
    refs.push({ level, index: lo >> BigInt(level) });
    lo += 1n << BigInt(level);
  }
  return refs;
}

function flatten(plan: HashPlan): NodeRef[] {
  const seen = new Set<string>();
  const out: NodeRef[] = [];
  for (const group of plan) {
    for (const r of group) {
      const key = `${r.level}/${r.index}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(r);
      }
    }
  }
  return out;
}

function checkNode(h: Uint8Array | undefined, r: NodeRef): Uint8Array {
  if (!(h instanceof Uint8Array) || h.length !== 32) {
    throw new TlogError('missing_node', `The hash store has no valid node at level ${r.level} index ${r.index}.`);
  }
  return h;
}

export async function resolvePlan(plan: HashPlan, reader: HashReader): Promise<Uint8Array[]> {
  const refs = flatten(plan);
  const hashes = reader.getNodes ? await reader.getNodes(refs) : await Promise.all(refs.map((r) => reader.getNode(r.level, r.index)));
  const byKey = new Map<string, Uint8Array>();
  refs.forEach((r, i) => byKey.set(`${r.level}/${r.index}`, checkNode(hashes[i], r)));
  return plan.map((group) => foldRight(group.map((r) => byKey.get(`${r.level}/${r.index}`)!)));
}

export function resolvePlanSync(plan: HashPlan, reader: SyncHashReader): Uint8Array[] {
  return plan.map((group) => (group.length === 0 ? emptyRoot() : foldRight(group.map((r) => checkNode(reader.getNodeSync(r.level, r.index), r)))));
}
