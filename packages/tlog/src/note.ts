import { TlogError } from './errors.ts';
import {
  KEY_TYPE_ED25519,
  ed25519PrivateKey,
  ed25519PublicFromSeed,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  formatSignerKeyText,
  formatVerifierKeyText,
  generateEd25519Seed,
  isValidKeyName,
  parseSignerKeyText,
  parseVerifierKeyText,
} from './keys.ts';
import { concatBytes, decodeBase64Strict, decodeUtf8, toBase64, utf8 } from './encoding.ts';

/** Same cap as the Go implementation: bounds work an attacker can force per note. */
export const MAX_SIGNATURES = 100;
const EM_DASH = '\u2014';

export interface NoteVerifier {
  readonly name: string;
  readonly keyHash: number;
  /** `msg` is the note text exactly as signed; `sig` excludes the 4-byte key hash. */
  verify(msg: Uint8Array, sig: Uint8Array): boolean;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyHash: number;
  sign(msg: Uint8Array): Uint8Array;
}

export interface NoteSignature {
  name: string;
  keyHash: number;
  /** Signature bytes after the key hash. */
  sig: Uint8Array;
}

export interface Note {
  text: string;
  signatures: NoteSignature[];
}

export interface VerifiedNote extends Note {
  /** Signatures that matched a supplied verifier and verified, in note order. */
  verified: Array<NoteSignature & { verifier: NoteVerifier }>;
}

export function ed25519Verifier(vkey: string): NoteVerifier {
  const p = parseVerifierKeyText(vkey);
  if (p.type !== KEY_TYPE_ED25519 || p.key.length !== 32) {
    throw new TlogError('bad_key', `The key "${p.name}" is not an Ed25519 note key.`);
  }
  const pub = ed25519PublicKey(p.key);
  return { name: p.name, keyHash: p.keyHash, verify: (msg, sig) => ed25519Verify(pub, msg, sig) };
}

export function ed25519Signer(skey: string): NoteSigner {
  const p = parseSignerKeyText(skey);
  if (p.type !== KEY_TYPE_ED25519) throw new TlogError('bad_key', `The key "${p.name}" is not an Ed25519 note key.`);
  const priv = ed25519PrivateKey(p.key);
  return { name: p.name, keyHash: p.keyHash, sign: (msg) => ed25519Sign(priv, msg) };
}

export function generateNoteKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new TlogError('bad_key', `The key name "${name}" is not valid.`);
  const seed = generateEd25519Seed();
  return {
    signerKey: formatSignerKeyText(name, KEY_TYPE_ED25519, seed),
    verifierKey: formatVerifierKeyText(name, KEY_TYPE_ED25519, ed25519PublicFromSeed(seed)),
  };
}

/** Text rules shared by signing and parsing: non-empty lines, final newline, no control characters. */
function checkText(text: string): void {
  if (text.length === 0 || !text.endsWith('\n')) throw new TlogError('bad_note', 'The note text must end with a newline.');
  if (text.startsWith('\n') || text.includes('\n\n')) {
    throw new TlogError('bad_note', 'The note text must not contain empty lines.');
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what the spec forbids here
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(text)) {
    throw new TlogError('bad_note', 'The note text contains a control character.');
  }
}

export function formatSignatureLine(name: string, keyHash: number, sig: Uint8Array): string {
  const prefix = new Uint8Array([keyHash >>> 24, (keyHash >>> 16) & 0xff, (keyHash >>> 8) & 0xff, keyHash & 0xff]);
  return `${EM_DASH} ${name} ${toBase64(concatBytes(prefix, sig))}\n`;
}

export function signNote(text: string, signers: readonly NoteSigner[]): string {
  checkText(text);
  if (signers.length === 0) throw new TlogError('bad_note', 'A note needs at least one signer.');
  const msg = utf8(text);
  return text + '\n' + signers.map((s) => formatSignatureLine(s.name, s.keyHash, s.sign(msg))).join('');
}

/** Splits a note into text and signature lines without checking any signature. */
export function parseNote(input: string | Uint8Array): Note {
  const msg = typeof input === 'string' ? input : decodeUtf8(input, 'note');
  const split = msg.indexOf('\n\n');
  if (split < 0) throw new TlogError('bad_note', 'The note has no blank line before its signatures.');
  const text = msg.slice(0, split + 1);
  checkText(text);
  const rest = msg.slice(split + 2);
  if (rest.length === 0 || !rest.endsWith('\n')) {
    throw new TlogError('bad_note', 'The note signatures must be non-empty and end with a newline.');
  }
  const lines = rest.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw new TlogError('bad_note', `The note has more than ${MAX_SIGNATURES} signatures.`);
  const signatures = lines.map((line): NoteSignature => {
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (m === null || !isValidKeyName(m[1]!)) {
      throw new TlogError('bad_note', `The note has a malformed signature line "${line.slice(0, 60)}".`);
    }
    const raw = decodeBase64Strict(m[2]!, 'signature');
    if (raw.length < 5) throw new TlogError('bad_note', 'A note signature is too short.');
    const keyHash = ((raw[0]! << 24) | (raw[1]! << 16) | (raw[2]! << 8) | raw[3]!) >>> 0;
    return { name: m[1]!, keyHash, sig: raw.subarray(4) };
  });
  return { text, signatures };
}

/**
 * Verifies a note against known keys. Unknown signers are ignored (others may
 * cosign), but a known key with a bad or repeated signature rejects the note,
 * and at least one known signature is required.
 */
export function openNote(input: string | Uint8Array, verifiers: readonly NoteVerifier[]): VerifiedNote {
  const note = parseNote(input);
  const msg = utf8(note.text);
  const seen = new Set<NoteVerifier>();
  const verified: VerifiedNote['verified'] = [];
  for (const s of note.signatures) {
    const v = verifiers.find((k) => k.name === s.name && k.keyHash === s.keyHash);
    if (v === undefined) continue;
    if (seen.has(v)) throw new TlogError('bad_note', `The note carries two signatures from ${s.name}.`);
    seen.add(v);
    if (!v.verify(msg, s.sig)) throw new TlogError('bad_signature', `The signature from ${s.name} does not verify.`);
    verified.push({ ...s, verifier: v });
  }
  if (verified.length === 0) throw new TlogError('bad_signature', 'The note has no signature from a known key.');
  return { ...note, verified };
}
