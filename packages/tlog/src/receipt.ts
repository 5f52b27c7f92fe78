import { TlogError } from './errors.ts';
import { leafHash, sha256 } from './hash.ts';
import { canonicalBytes, type JsonValue } from './jcs.ts';
import { decodeBase64Strict, decodeBase64UrlStrict, parseDecimal, toBase64, toBase64Url } from './encoding.ts';
import { verifyInclusion } from './proof.ts';
import { verifyCheckpoint, type VerifiedCheckpoint } from './verifier.ts';
import type { Policy } from './policy.ts';
import { formatTlogProof } from './tlogproof.ts';

/*
 * A log entry commits to a record through a salted hash instead of holding
 * it, so the record can be erased later (the salt with it) without breaking
 * any leaf hash, proof or signed checkpoint.
 */
export const RECEIPT_FORMAT = 'parley-receipt/v1';

export type Envelope = { commitment: string } & { [key: string]: JsonValue };

export interface Receipt {
  format: typeof RECEIPT_FORMAT;
  envelope: Envelope;
  /** Decimal string so indices beyond 2^53 survive JSON. */
  index: string;
  proof: string[];
  /** The signed checkpoint note, cosignatures included. */
  checkpoint: string;
  body?: JsonValue;
  /** base64url, no padding. */
  salt?: string;
}

export interface ReceiptVerification extends VerifiedCheckpoint {
  index: bigint;
  leafHash: Uint8Array;
  /** False when the body was erased or not supplied: only the envelope was proven. */
  bodyVerified: boolean;
}

export function computeCommitment(body: JsonValue, salt: Uint8Array): string {
  return toBase64Url(sha256(salt, canonicalBytes(body)));
}

/** The leaf data of an entry: the canonical JSON of its envelope. */
export function envelopeLeafData(envelope: Envelope): Uint8Array {
  return canonicalBytes(envelope);
}

export function envelopeLeafHash(envelope: Envelope): Uint8Array {
  return leafHash(envelopeLeafData(envelope));
}

export function createReceipt(args: {
  envelope: Envelope;
  index: bigint | number;
  proof: readonly Uint8Array[];
  checkpoint: string;
  body?: JsonValue;
  salt?: Uint8Array;
}): Receipt {
  const r: Receipt = {
    format: RECEIPT_FORMAT,
    envelope: args.envelope,
    index: BigInt(args.index).toString(),
    proof: args.proof.map(toBase64),
    checkpoint: args.checkpoint,
  };
  if (args.body !== undefined) {
    if (args.salt === undefined) throw new TlogError('bad_receipt', 'A receipt with a body needs its salt.');
    r.body = args.body;
    r.salt = toBase64Url(args.salt);
  }
  return r;
}

function fail(msg: string, cause?: unknown): never {
  throw new TlogError('bad_receipt', msg, { cause });
}

export function parseReceipt(input: string | unknown): Receipt {
  let j = input;
  if (typeof input === 'string') {
    try {
      j = JSON.parse(input);
    } catch (e) {
      fail('The receipt is not valid JSON.', e);
    }
  }
  const r = j as Partial<Receipt> | null;
  if (typeof r !== 'object' || r === null) fail('The receipt must be a JSON object.');
  if (r.format !== RECEIPT_FORMAT) fail(`The receipt format is not ${RECEIPT_FORMAT}.`);
  if (typeof r.envelope !== 'object' || r.envelope === null || Array.isArray(r.envelope)) {
    fail('The receipt envelope must be an object.');
  }
  if (typeof r.envelope.commitment !== 'string') fail('The receipt envelope has no commitment.');
  if (typeof r.index !== 'string') fail('The receipt index must be a decimal string.');
  if (!Array.isArray(r.proof) || r.proof.some((p) => typeof p !== 'string')) fail('The receipt proof must be a list.');
  if (typeof r.checkpoint !== 'string') fail('The receipt has no checkpoint note.');
  if (r.salt !== undefined && typeof r.salt !== 'string') fail('The receipt salt must be a string.');
  if (r.body !== undefined && r.salt === undefined) fail('The receipt has a body but no salt.');
  return r as Receipt;
}

/**
 * Walks the whole chain: body+salt -> commitment, envelope -> leaf hash,
 * proof -> checkpoint root, checkpoint -> log signature and witness quorum.
 */
export function verifyReceipt(input: Receipt | string, policy: Policy): ReceiptVerification {
  const r = parseReceipt(input);
  let bodyVerified = false;
  if (r.body !== undefined) {
    const salt = decodeBase64UrlStrict(r.salt!, 'salt');
    const want = computeCommitment(r.body, salt);
    if (want !== r.envelope.commitment) fail('The record body and salt do not match the envelope commitment.');
    bodyVerified = true;
  }
  const index = parseDecimal(r.index, 'receipt index');
  const proof = r.proof.map((p, i) => {
    try {
      return decodeBase64Strict(p, `proof hash ${i}`);
    } catch (e) {
      return fail(`Proof hash ${i} is not valid base64.`, e);
    }
  });
  const leaf = envelopeLeafHash(r.envelope);
  const v = verifyCheckpoint(r.checkpoint, policy);
  verifyInclusion(index, v.checkpoint.size, leaf, proof, v.checkpoint.rootHash);
  return { ...v, index, leafHash: leaf, bodyVerified };
}

/** The receipt as a c2sp.org/tlog-proof, with the envelope bytes as the extra data. */
export function receiptToTlogProof(input: Receipt): string {
  const r = parseReceipt(input);
  return formatTlogProof({
    index: parseDecimal(r.index, 'receipt index'),
    proof: r.proof.map((p) => decodeBase64Strict(p, 'proof hash')),
    checkpoint: r.checkpoint,
    extra: envelopeLeafData(r.envelope),
  });
}
