import { TlogError } from './errors.ts';
import { HASH_SIZE } from './hash.ts';
import { toBase64, parseDecimal } from './encoding.ts';

/** The body of a C2SP tlog-checkpoint note (the signed text, not the signatures). */
export interface Checkpoint {
  origin: string;
  size: bigint;
  rootHash: Uint8Array;
  /** Opaque extension lines, kept so re-formatting reproduces the signed bytes. */
  extensions: string[];
}

export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new TlogError('bad_checkpoint', 'The checkpoint must end with a newline.');
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) throw new TlogError('bad_checkpoint', 'The checkpoint needs origin, size and root hash lines.');
  const [origin, sizeLine, hashLine, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length === 0 || origin.trim() !== origin) {
    throw new TlogError('bad_checkpoint', 'The checkpoint origin line is empty or padded.');
  }
  let size: bigint;
  try {
    size = parseDecimal(sizeLine, 'checkpoint size');
  } catch (e) {
    throw new TlogError('bad_checkpoint', (e as Error).message);
  }
  const root = Buffer.from(hashLine, 'base64');
  if (root.toString('base64') !== hashLine || root.length !== HASH_SIZE) {
    throw new TlogError('bad_checkpoint', 'The checkpoint root hash is not 32 bytes of canonical base64.');
  }
  if (extensions.some((l) => l.length === 0)) {
    throw new TlogError('bad_checkpoint', 'The checkpoint has an empty extension line.');
  }
  return { origin, size, rootHash: new Uint8Array(root), extensions };
}

export function formatCheckpoint(c: Checkpoint): string {
  if (c.origin.length === 0 || c.origin.includes('\n')) {
    throw new TlogError('bad_checkpoint', 'The checkpoint origin must be one non-empty line.');
  }
  if (c.size < 0n) throw new TlogError('bad_checkpoint', 'The checkpoint size is negative.');
  if (c.rootHash.length !== HASH_SIZE) throw new TlogError('bad_hash_size', 'The checkpoint root hash is not 32 bytes.');
  const ext = c.extensions.map((l) => {
    if (l.length === 0 || l.includes('\n')) throw new TlogError('bad_checkpoint', 'Extension lines must be non-empty single lines.');
    return `${l}\n`;
  });
  return `${c.origin}\n${c.size}\n${toBase64(c.rootHash)}\n${ext.join('')}`;
}
