import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { TlogError } from './errors.ts';
import { sha256 } from './hash.ts';
import { concatBytes, decodeBase64Strict, toBase64, utf8 } from './encoding.ts';

/** Signature type bytes from the C2SP signed-note registry. */
export const KEY_TYPE_ED25519 = 0x01;
export const KEY_TYPE_COSIGNATURE_V1 = 0x04;

export interface ParsedKeyText {
  name: string;
  keyHash: number;
  type: number;
  /** Key material after the type byte (public key, or seed for private keys). */
  key: Uint8Array;
}

/** Key names end up in signature lines, so they may hold neither spaces nor '+'. */
export function isValidKeyName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what the spec forbids here
  return name.length > 0 && !/[\s+]/u.test(name) && !/[\u0000-\u001f\u007f]/.test(name);
}

export function computeKeyHash(name: string, type: number, publicKey: Uint8Array): number {
  const h = sha256(utf8(`${name}\n`), new Uint8Array([type]), publicKey);
  return ((h[0]! << 24) | (h[1]! << 16) | (h[2]! << 8) | h[3]!) >>> 0;
}

export function keyHashHex(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}

/** Base64 may itself contain '+', so only the first two separators split fields. */
function parseKeyParts(parts: string[], text: string): ParsedKeyText {
  const [name, hashHex] = parts;
  const b64 = parts.length >= 3 ? parts.slice(2).join('+') : undefined;
  if (name === undefined || hashHex === undefined || b64 === undefined) {
    throw new TlogError('bad_key', `The key "${text.slice(0, 60)}" does not have the form name+hash+base64.`);
  }
  if (!isValidKeyName(name)) throw new TlogError('bad_key', `The key name "${name}" is not valid.`);
  if (!/^[0-9a-f]{8}$/.test(hashHex)) {
    throw new TlogError('bad_key', `The key hash "${hashHex}" is not eight lowercase hex digits.`);
  }
  let raw: Uint8Array;
  try {
    raw = decodeBase64Strict(b64, 'key');
  } catch {
    throw new TlogError('bad_key', `The key material of "${name}" is not valid base64.`);
  }
  if (raw.length < 2) throw new TlogError('bad_key', `The key material of "${name}" is too short.`);
  return { name, keyHash: parseInt(hashHex, 16), type: raw[0]!, key: raw.subarray(1) };
}

/** Parses `name+hash+base64(type||key)` and checks the hash so a mistyped name cannot slip through. */
export function parseVerifierKeyText(text: string): ParsedKeyText {
  const p = parseKeyParts(text.trim().split('+'), text);
  if (computeKeyHash(p.name, p.type, p.key) !== p.keyHash) {
    throw new TlogError('bad_key', `The key hash of "${p.name}" does not match its name and key.`);
  }
  return p;
}

/** Parses `PRIVATE+KEY+name+hash+base64(type||seed)`. The hash check needs the derived public key. */
export function parseSignerKeyText(text: string): ParsedKeyText {
  const parts = text.trim().split('+');
  if (parts[0] !== 'PRIVATE' || parts[1] !== 'KEY') {
    throw new TlogError('bad_key', 'A signer key must start with PRIVATE+KEY+.');
  }
  const p = parseKeyParts(parts.slice(2), 'PRIVATE+KEY+…');
  if (p.key.length !== 32) throw new TlogError('bad_key', `The private key of "${p.name}" is not 32 bytes.`);
  const pub = ed25519PublicFromSeed(p.key);
  if (computeKeyHash(p.name, p.type, pub) !== p.keyHash) {
    throw new TlogError('bad_key', `The key hash of "${p.name}" does not match its private key.`);
  }
  return p;
}

export function formatVerifierKeyText(name: string, type: number, publicKey: Uint8Array): string {
  const hash = computeKeyHash(name, type, publicKey);
  return `${name}+${keyHashHex(hash)}+${toBase64(concatBytes(new Uint8Array([type]), publicKey))}`;
}

export function formatSignerKeyText(name: string, type: number, seed: Uint8Array): string {
  const hash = computeKeyHash(name, type, ed25519PublicFromSeed(seed));
  return `PRIVATE+KEY+${name}+${keyHashHex(hash)}+${toBase64(concatBytes(new Uint8Array([type]), seed))}`;
}

// ------------------------------------------------------------------ Ed25519

// Fixed DER headers let node:crypto import raw 32-byte keys.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function ed25519PrivateKey(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new TlogError('bad_key', 'An Ed25519 seed must be 32 bytes.');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** Returns undefined for encodings OpenSSL will not import, so callers treat them as failed verification. */
export function ed25519PublicKey(pub: Uint8Array): KeyObject | undefined {
  if (pub.length !== 32) return undefined;
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, pub]), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

export function ed25519PublicFromSeed(seed: Uint8Array): Uint8Array {
  const der = createPublicKey(ed25519PrivateKey(seed)).export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - 32));
}

export function ed25519Sign(key: KeyObject, msg: Uint8Array): Uint8Array {
  return new Uint8Array(sign(null, msg, key));
}

export function ed25519Verify(key: KeyObject | undefined, msg: Uint8Array, sig: Uint8Array): boolean {
  if (key === undefined || sig.length !== 64) return false;
  try {
    return verify(null, msg, key, sig);
  } catch {
    return false;
  }
}

export function generateEd25519Seed(): Uint8Array {
  const { privateKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return new Uint8Array(der.subarray(der.length - 32));
}
