import { TlogError } from './errors.ts';

/*
 * Node's Buffer base64 decoder silently skips invalid characters and missing
 * padding; signatures and hashes must round-trip exactly, so every decode is
 * checked by re-encoding.
 */
export function decodeBase64Strict(s: string, what = 'value'): Uint8Array {
  const buf = Buffer.from(s, 'base64');
  if (buf.toString('base64') !== s) {
    throw new TlogError('bad_note', `The ${what} is not canonical standard base64.`);
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function decodeBase64UrlStrict(s: string, what = 'value'): Uint8Array {
  const buf = Buffer.from(s, 'base64url');
  if (buf.toString('base64url') !== s) {
    throw new TlogError('bad_json', `The ${what} is not canonical unpadded base64url.`);
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export function toBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

export function toBase64Url(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64url');
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

const encoder = new TextEncoder();
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
export function decodeUtf8(b: Uint8Array, what = 'text'): string {
  try {
    return strictDecoder.decode(b);
  } catch {
    throw new TlogError('bad_note', `The ${what} is not valid UTF-8.`);
  }
}

/** Decimal without sign or leading zeros; the formats forbid anything looser. */
export function parseDecimal(s: string, what: string, max: bigint = (1n << 64n) - 1n): bigint {
  if (!/^(0|[1-9][0-9]*)$/.test(s)) {
    throw new TlogError('bad_size', `The ${what} "${s.slice(0, 40)}" is not a canonical decimal number.`);
  }
  const v = BigInt(s);
  if (v > max) throw new TlogError('bad_size', `The ${what} ${s.slice(0, 40)} is too large.`);
  return v;
}

export function toBigInt(v: bigint | number, what = 'value'): bigint {
  if (typeof v === 'bigint') return v;
  if (!Number.isSafeInteger(v)) {
    throw new TlogError('bad_size', `The ${what} ${v} is not a safe integer; pass a bigint.`);
  }
  return BigInt(v);
}
