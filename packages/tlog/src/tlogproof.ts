import { TlogError } from './errors.ts';
import { decodeBase64Strict, parseDecimal, toBase64 } from './encoding.ts';
import { leafHash } from './hash.ts';
import { verifyInclusion } from './proof.ts';
import { verifyCheckpoint, type VerifiedCheckpoint } from './verifier.ts';
import type { Policy } from './policy.ts';

/*
 * c2sp.org/tlog-proof@v1: a self-contained text proof of inclusion.
 *   c2sp.org/tlog-proof@v1
 *   [extra <base64>]
 *   index <N>
 *   <proof hash base64>...
 *   (blank line)
 *   <signed checkpoint note>
 */
const HEADER = 'c2sp.org/tlog-proof@v1';

export interface TlogProof {
  index: bigint;
  proof: Uint8Array[];
  /** The signed checkpoint note. */
  checkpoint: string;
  extra?: Uint8Array;
}

export function formatTlogProof(p: TlogProof): string {
  const lines = [HEADER];
  if (p.extra !== undefined) lines.push(`extra ${toBase64(p.extra)}`);
  lines.push(`index ${p.index}`);
  for (const h of p.proof) lines.push(toBase64(h));
  return lines.join('\n') + '\n\n' + p.checkpoint;
}

function bad(msg: string): TlogError {
  return new TlogError('bad_proof', `The tlog-proof is malformed: ${msg}.`);
}

export function parseTlogProof(text: string): TlogProof {
  const split = text.indexOf('\n\n');
  if (split < 0) throw bad('no blank line before the checkpoint');
  const lines = text.slice(0, split).split('\n');
  const checkpoint = text.slice(split + 2);
  if (lines[0] !== HEADER) throw bad(`the first line is not ${HEADER}`);
  let i = 1;
  let extra: Uint8Array | undefined;
  if (lines[i]?.startsWith('extra ')) {
    try {
      extra = decodeBase64Strict(lines[i]!.slice(6), 'extra data');
    } catch {
      throw bad('the extra line is not base64');
    }
    i++;
  }
  const idx = lines[i];
  if (idx === undefined || !idx.startsWith('index ')) throw bad('the index line is missing');
  let index: bigint;
  try {
    index = parseDecimal(idx.slice(6), 'index');
  } catch {
    throw bad('the index is not a canonical decimal');
  }
  const proof = lines.slice(i + 1).map((l) => {
    let h: Uint8Array;
    try {
      h = decodeBase64Strict(l, 'proof hash');
    } catch {
      throw bad('a proof line is not base64');
    }
    if (h.length !== 32) throw new TlogError('bad_hash_size', 'A tlog-proof hash is not 32 bytes.');
    return h;
  });
  const out: TlogProof = { index, proof, checkpoint };
  if (extra !== undefined) out.extra = extra;
  return out;
}

/** Verifies that `entry` (the raw leaf data) is included in the proof's checkpoint under `policy`. */
export function verifyTlogProof(text: string, entry: Uint8Array, policy: Policy): VerifiedCheckpoint & { index: bigint } {
  const p = parseTlogProof(text);
  const v = verifyCheckpoint(p.checkpoint, policy);
  verifyInclusion(p.index, v.checkpoint.size, leafHash(entry), p.proof, v.checkpoint.rootHash);
  return { ...v, index: p.index };
}
