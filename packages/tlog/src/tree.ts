import { TlogError } from './errors.ts';
import { leafHash, nodeHash, assertHash } from './hash.ts';
import type { HashReader, NodeRef, SyncHashReader } from './nodes.ts';
import { consistencyProofSync, inclusionProofSync, treeRootSync } from './proof.ts';
import { toBigInt } from './encoding.ts';

/**
 * An append-only tree keeping every complete subtree hash, the same layout a
 * database table (level, index) -> hash would hold. Roots and proofs for any
 * past size come from those nodes alone, so this doubles as a reference
 * implementation for persistent stores.
 */
export class MemoryTree implements HashReader, SyncHashReader {
  private readonly levels: Uint8Array[][] = [[]];

  get size(): bigint {
    return BigInt(this.levels[0]!.length);
  }

  /** Appends raw leaf data; returns the new leaf's index. */
  append(data: Uint8Array): bigint {
    return this.appendHash(leafHash(data));
  }

  appendHash(hash: Uint8Array): bigint {
    assertHash(hash, 'leaf hash');
    const index = this.levels[0]!.length;
    let h = hash;
    let i = index;
    for (let level = 0; ; level++) {
      const row = (this.levels[level] ??= []);
      row.push(h);
      // An odd index closes a pair, so its parent becomes complete too.
      if ((i & 1) === 0) break;
      h = nodeHash(row[i - 1]!, h);
      i >>>= 1;
    }
    return BigInt(index);
  }

  getNodeSync(level: number, index: bigint): Uint8Array {
    const h = this.levels[level]?.[Number(index)];
    if (h === undefined) {
      throw new TlogError('missing_node', `No complete subtree at level ${level} index ${index}.`);
    }
    return h;
  }

  async getNode(level: number, index: bigint): Promise<Uint8Array> {
    return this.getNodeSync(level, index);
  }

  async getNodes(refs: readonly NodeRef[]): Promise<Uint8Array[]> {
    return refs.map((r) => this.getNodeSync(r.level, r.index));
  }

  leafHashAt(index: bigint | number): Uint8Array {
    return this.getNodeSync(0, toBigInt(index));
  }

  root(size: bigint | number = this.size): Uint8Array {
    this.checkSize(size);
    return treeRootSync(this, size);
  }

  inclusionProof(index: bigint | number, size: bigint | number = this.size): Uint8Array[] {
    this.checkSize(size);
    return inclusionProofSync(this, index, size);
  }

  consistencyProof(size1: bigint | number, size2: bigint | number = this.size): Uint8Array[] {
    this.checkSize(size2);
    return consistencyProofSync(this, size1, size2);
  }

  private checkSize(size: bigint | number): void {
    const n = toBigInt(size, 'tree size');
    if (n < 0n || n > this.size) {
      throw new TlogError('bad_size', `Tree size ${n} is beyond the ${this.size} leaves held.`);
    }
  }
}
