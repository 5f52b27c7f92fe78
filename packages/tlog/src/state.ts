import { join } from 'node:path';
import { writeFileSync, mkdirSync } from 'node:fs';
import { TlogError } from './errors.ts';
import { bytesEqual, decodeBase64Strict, toBase64 } from './encoding.ts';
import { verifyConsistency } from './proof.ts';
import { readJsonFile, writeFileAtomic } from './fsutil.ts';
import type { VerifiedCheckpoint } from './verifier.ts';

interface StoredLog {
  size: string;
  rootHash: string;
  note: string;
}

interface StateFile {
  version: 1;
  logs: Record<string, StoredLog>;
}

export type ConsistencySource = readonly Uint8Array[] | ((oldSize: bigint, newSize: bigint) => Promise<readonly Uint8Array[]>);

export type AdvanceResult = 'new' | 'same' | 'advanced';

export function originFileSafe(origin: string): string {
  return origin.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * Remembers the largest verified checkpoint per log so a client notices when
 * a log shows it a different history (fork) or an older one (rollback).
 */
export class StateStore {
  readonly dir: string;
  private readonly file: string;

  constructor(dir: string) {
    this.dir = dir;
    this.file = join(dir, 'state.json');
  }

  private load(): StateFile {
    const j = readJsonFile(this.file);
    if (j === undefined) return { version: 1, logs: {} };
    const s = j as StateFile;
    if (s.version !== 1 || typeof s.logs !== 'object' || s.logs === null) {
      throw new TlogError('io', `The state file ${this.file} has an unknown format.`);
    }
    return s;
  }

  latest(origin: string): { size: bigint; rootHash: Uint8Array; note: string } | undefined {
    const l = this.load().logs[origin];
    if (l === undefined) return undefined;
    return { size: BigInt(l.size), rootHash: decodeBase64Strict(l.rootHash, 'stored root'), note: l.note };
  }

  async advance(v: VerifiedCheckpoint, consistency?: ConsistencySource): Promise<AdvanceResult> {
    const state = this.load();
    const { origin, size, rootHash } = v.checkpoint;
    const old = state.logs[origin];
    const save = (): void => {
      state.logs[origin] = { size: size.toString(), rootHash: toBase64(rootHash), note: v.note };
      writeFileAtomic(this.file, JSON.stringify(state, null, 2) + '\n');
    };
    if (old === undefined) {
      save();
      return 'new';
    }
    const oldSize = BigInt(old.size);
    const oldRoot = decodeBase64Strict(old.rootHash, 'stored root');
    if (size < oldSize) {
      throw new TlogError('rollback', `The log shows size ${size}, older than the ${oldSize} already verified.`);
    }
    if (size === oldSize) {
      if (bytesEqual(rootHash, oldRoot)) return 'same';
      const file = this.writeEvidence(origin, size, old.note, v.note);
      throw new TlogError('fork', `Two different trees of size ${size} are signed; evidence saved to ${file}.`);
    }
    if (oldSize === 0n) {
      save();
      return 'advanced';
    }
    if (consistency === undefined) {
      throw new TlogError('bad_proof', `A consistency proof from size ${oldSize} to ${size} is required.`);
    }
    const proof = typeof consistency === 'function' ? await consistency(oldSize, size) : consistency;
    try {
      verifyConsistency(oldSize, size, oldRoot, rootHash, proof);
    } catch (e) {
      const file = this.writeEvidence(origin, size, old.note, v.note);
      throw new TlogError('fork', `The checkpoint of size ${size} is not consistent with the stored one of size ${oldSize}; evidence saved to ${file}.`, {
        cause: e,
      });
    }
    save();
    return 'advanced';
  }

  /**
   * For an older checkpoint (say, one inside a receipt): proves it is a
   * prefix of the stored one, so the receipt's history is the history we saw.
   */
  async checkOlder(v: VerifiedCheckpoint, consistency?: ConsistencySource): Promise<'unknown' | 'consistent'> {
    const state = this.load();
    const { origin, size, rootHash } = v.checkpoint;
    const stored = state.logs[origin];
    if (stored === undefined) return 'unknown';
    const storedSize = BigInt(stored.size);
    if (size >= storedSize) throw new TlogError('bad_size', 'checkOlder needs a checkpoint older than the stored one.');
    if (size === 0n) return 'consistent';
    if (consistency === undefined) {
      throw new TlogError('bad_proof', `A consistency proof from size ${size} to ${storedSize} is required.`);
    }
    const proof = typeof consistency === 'function' ? await consistency(size, storedSize) : consistency;
    try {
      verifyConsistency(size, storedSize, rootHash, decodeBase64Strict(stored.rootHash, 'stored root'), proof);
    } catch (e) {
      const file = this.writeEvidence(origin, size, stored.note, v.note);
      throw new TlogError('fork', `The checkpoint of size ${size} is not a prefix of the stored one; evidence saved to ${file}.`, {
        cause: e,
      });
    }
    return 'consistent';
  }

  private writeEvidence(origin: string, size: bigint, oldNote: string, newNote: string): string {
    mkdirSync(this.dir, { recursive: true });
    const file = join(this.dir, `fork-evidence-${originFileSafe(origin)}-${size}.txt`);
    const body = `# Two signed checkpoints for ${origin} that cannot both be honest.\n` + `# previously verified:\n${oldNote}\n# newly received:\n${newNote}`;
    writeFileSync(file, body);
    return file;
  }
}
