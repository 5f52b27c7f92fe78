/*
 * Verifies a Parley receipt in the browser, with WebCrypto only (SHA-256 and Ed25519 from
 * crypto.subtle): nothing here trusts the server beyond the log key the reader compares.
 *
 *   body + salt   → commitment   SHA-256(salt || JCS(body)), base64url, equals envelope.commitment
 *   envelope      → leaf hash    SHA-256(0x00 || JCS(envelope))                      (RFC 6962)
 *   leaf + proof  → root         the RFC 9162 §2.1.3.2 algorithm, equals the checkpoint's root
 *   checkpoint    → signature    C2SP signed note, Ed25519 by the log key from GET /log/key
 *
 * The canonical JSON (RFC 8785) is @parley/tlog's own jcs.ts, which imports nothing from Node;
 * the rest of tlog hashes with node:crypto synchronously, so the hashing and proof steps are
 * written here again against the asynchronous crypto.subtle.
 */
import { canonicalize } from '@parley/tlog/jcs';

type Bytes = Uint8Array<ArrayBuffer>;

export const RECEIPT_FORMAT = 'parley-receipt/v1';

export interface Receipt {
  format: string;
  envelope: { commitment: string } & Record<string, unknown>;
  /** Decimal string. */
  index: string;
  /** Base64 hashes, leaf side first. */
  proof: string[];
  /** The signed checkpoint note, cosignatures included. */
  checkpoint: string;
  body?: unknown;
  /** base64url without padding. */
  salt?: string;
}

/** A malformed input (not a failed check): bad base64, a note without signatures, and so on. */
export class FormatError extends Error {}

const KEY_TYPE_ED25519 = 0x01;
const KEY_TYPE_COSIGNATURE_V1 = 0x04;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  // Browsers offer crypto.subtle only to secure contexts (HTTPS or the loopback host).
  if (!s) throw new FormatError('no-webcrypto');
  return s;
}

// ------------------------------------------------------------------ bytes

const encoder = new TextEncoder();
export const utf8 = (s: string): Bytes => encoder.encode(s) as Bytes;

export function concat(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function toBase64(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return btoa(s);
}

export const toBase64Url = (b: Uint8Array) => toBase64(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export const toHex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** Standard base64, refused unless it re-encodes to the same text (as tlog's decoder does). */
export function fromBase64(s: string, what: string): Bytes {
  let raw: string;
  try {
    raw = atob(s);
  } catch {
    throw new FormatError(`The ${what} is not base64.`);
  }
  const b = Uint8Array.from(raw, (c) => c.charCodeAt(0));
  if (toBase64(b) !== s) throw new FormatError(`The ${what} is not canonical base64.`);
  return b;
}

export function fromBase64Url(s: string, what: string): Bytes {
  if (!/^[A-Za-z0-9_-]*$/.test(s)) throw new FormatError(`The ${what} is not base64url.`);
  const std = s.replace(/-/g, '+').replace(/_/g, '/');
  const b = fromBase64(std + '='.repeat((4 - (std.length % 4)) % 4), what);
  if (toBase64Url(b) !== s) throw new FormatError(`The ${what} is not canonical base64url.`);
  return b;
}

export async function sha256(...parts: Uint8Array[]): Promise<Bytes> {
  return new Uint8Array(await subtle().digest('SHA-256', concat(...parts)));
}

const LEAF = new Uint8Array([0x00]);
const NODE = new Uint8Array([0x01]);
export const leafHash = (data: Uint8Array) => sha256(LEAF, data);
export const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(NODE, left, right);

// ------------------------------------------------------------------ receipt parts

/** base64url(SHA-256(salt || canonical JSON of the body)). */
export async function commitmentOf(body: unknown, salt: Uint8Array): Promise<string> {
  return toBase64Url(await sha256(salt, utf8(canonicalize(body))));
}

/** The leaf is the canonical JSON of the envelope; its hash has the RFC 6962 0x00 prefix. */
export const envelopeLeafHash = (envelope: unknown) => leafHash(utf8(canonicalize(envelope)));

/** RFC 9162 §2.1.3.2: the root an inclusion proof leads to (the caller compares it). */
export async function rootFromInclusionProof(index: bigint, size: bigint, leaf: Uint8Array, proof: readonly Uint8Array[]): Promise<Uint8Array> {
  if (index < 0n || index >= size) throw new FormatError(`Leaf index ${index} is not inside a tree of size ${size}.`);
  if (proof.some((p) => p.length !== 32)) throw new FormatError('A proof hash is not 32 bytes.');
  let fn = index;
  let sn = size - 1n;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) throw new FormatError('The inclusion proof is longer than the tree is deep.');
    if ((fn & 1n) === 1n || fn === sn) {
      r = await nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = await nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  if (sn !== 0n) throw new FormatError('The inclusion proof is shorter than the tree is deep.');
  return r;
}

// ------------------------------------------------------------------ signed notes (c2sp.org/signed-note)

export interface NoteSignature {
  name: string;
  keyHash: number;
  /** After the 4-byte key hash. */
  sig: Bytes;
  line: string;
}

export interface SignedNote {
  /** The signed text: everything up to and including the newline before the blank line. */
  text: string;
  signatures: NoteSignature[];
}

export function parseNote(note: string): SignedNote {
  const split = note.indexOf('\n\n');
  if (split < 0) throw new FormatError('The note has no blank line before its signatures.');
  const text = note.slice(0, split + 1);
  const rest = note.slice(split + 2);
  if (!rest.endsWith('\n')) throw new FormatError('The note signatures must end with a newline.');
  const signatures = rest
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
      if (!m) throw new FormatError(`Malformed signature line "${line.slice(0, 60)}".`);
      const raw = fromBase64(m[2]!, 'signature');
      if (raw.length < 5) throw new FormatError('A note signature is too short.');
      return { name: m[1]!, keyHash: readU32(raw), sig: raw.slice(4), line };
    });
  return { text, signatures };
}

const readU32 = (b: Uint8Array) => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;

export interface Checkpoint {
  origin: string;
  size: bigint;
  root: Bytes;
  extensions: string[];
}

/** The text of a c2sp.org/tlog-checkpoint: origin, decimal size, base64 root, extension lines. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new FormatError('The checkpoint must end with a newline.');
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin || root === undefined || size === undefined) throw new FormatError('The checkpoint needs origin, size and root lines.');
  if (!/^(0|[1-9][0-9]*)$/.test(size)) throw new FormatError(`The checkpoint size "${size.slice(0, 40)}" is not a decimal number.`);
  const hash = fromBase64(root, 'checkpoint root');
  if (hash.length !== 32) throw new FormatError('The checkpoint root is not 32 bytes.');
  return { origin, size: BigInt(size), root: hash, extensions };
}

export interface VerifierKey {
  name: string;
  keyHash: number;
  type: number;
  key: Bytes;
  text: string;
}

/** `name+hash+base64(type || key)`; the hash (first 4 bytes of SHA-256(name "\n" type key)) is checked. */
export async function parseVerifierKey(text: string): Promise<VerifierKey> {
  const parts = text.trim().split('+');
  const [name, hex] = parts;
  if (!name || !hex || parts.length < 3 || !/^[0-9a-f]{8}$/.test(hex)) throw new FormatError('The key does not have the form name+hash+base64.');
  const raw = fromBase64(parts.slice(2).join('+'), 'key');
  if (raw.length < 2) throw new FormatError('The key is too short.');
  const type = raw[0]!;
  const key = raw.slice(1);
  const keyHash = parseInt(hex, 16);
  if (readU32(await sha256(utf8(`${name}\n`), raw.subarray(0, 1), key)) !== keyHash)
    throw new FormatError(`The key hash of "${name}" does not match its name and key.`);
  return { name, keyHash, type, key, text: text.trim() };
}

async function ed25519Verify(publicKey: Uint8Array, msg: Uint8Array, sig: Uint8Array): Promise<boolean> {
  if (publicKey.length !== 32 || sig.length !== 64) return false;
  try {
    const key = await subtle().importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify']);
    return await subtle().verify({ name: 'Ed25519' }, key, new Uint8Array(sig), new Uint8Array(msg));
  } catch (e) {
    if (e instanceof FormatError) throw e;
    return false; // a key the browser will not import verifies nothing
  }
}

/** The signature line of `key` in the note, if any. */
export const signatureBy = (note: SignedNote, key: VerifierKey) => note.signatures.find((s) => s.name === key.name && s.keyHash === key.keyHash);

/** An Ed25519 note signature (type 0x01) over the note text. */
export async function verifyNoteSignature(note: SignedNote, key: VerifierKey): Promise<boolean> {
  const s = signatureBy(note, key);
  if (!s || key.type !== KEY_TYPE_ED25519) return false;
  return ed25519Verify(key.key, utf8(note.text), s.sig);
}

/** The Unix time a cosignature/v1 line carries in front of its signature (null when it is not one). */
export function cosignatureTime(s: NoteSignature): bigint | null {
  if (s.sig.length !== 72) return null;
  return new DataView(s.sig.buffer, s.sig.byteOffset, 8).getBigUint64(0, false);
}

/** A witness's c2sp.org/tlog-cosignature v1 over "cosignature/v1\ntime T\n" and the checkpoint text. */
export async function verifyCosignature(note: SignedNote, key: VerifierKey): Promise<boolean> {
  const s = signatureBy(note, key);
  const time = s && cosignatureTime(s);
  if (!s || time == null || key.type !== KEY_TYPE_COSIGNATURE_V1) return false;
  return ed25519Verify(key.key, concat(utf8(`cosignature/v1\ntime ${time}\n`), utf8(note.text)), s.sig.subarray(8));
}

// ------------------------------------------------------------------ the whole chain

export type StepId = 'commitment' | 'leaf' | 'inclusion' | 'signature';
export type StepStatus = 'pass' | 'fail' | 'skip';

/**
 * One link of the chain. `outcome` names the sentence the page shows (with `values` filled in);
 * `problem` is a technical detail for a malformed input.
 */
export interface Step {
  id: StepId;
  status: StepStatus;
  outcome: string;
  values: Record<string, string>;
  problem?: string;
}

export interface ReceiptVerification {
  ok: boolean;
  /** False when the receipt had no body (erased, or not readable by this reader): only the envelope is proven. */
  bodyVerified: boolean;
  steps: Step[];
  checkpoint: Checkpoint | null;
}

const problemOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs every step it can, so a reader sees which link holds and which breaks. */
export async function verifyReceipt(receipt: Receipt, logKeyText: string, expectedOrigin?: string): Promise<ReceiptVerification> {
  subtle();
  const steps: Step[] = [];
  if (receipt.format !== RECEIPT_FORMAT) throw new FormatError(`The receipt format is not ${RECEIPT_FORMAT}.`);

  // 1. body + salt → commitment
  if (receipt.body === undefined || receipt.salt === undefined) {
    steps.push({ id: 'commitment', status: 'skip', outcome: 'absent', values: {} });
  } else {
    try {
      const got = await commitmentOf(receipt.body, fromBase64Url(receipt.salt, 'salt'));
      const want = receipt.envelope.commitment;
      steps.push({ id: 'commitment', status: got === want ? 'pass' : 'fail', outcome: got === want ? 'match' : 'mismatch', values: { got, want } });
    } catch (e) {
      steps.push({ id: 'commitment', status: 'fail', outcome: 'malformed', values: {}, problem: problemOf(e) });
    }
  }

  // 2. envelope → leaf hash
  let leaf: Uint8Array | null = null;
  try {
    leaf = await envelopeLeafHash(receipt.envelope);
    steps.push({ id: 'leaf', status: 'pass', outcome: 'computed', values: { leaf: toHex(leaf) } });
  } catch (e) {
    steps.push({ id: 'leaf', status: 'fail', outcome: 'malformed', values: {}, problem: problemOf(e) });
  }

  // 3. inclusion proof → the checkpoint's root
  let note: SignedNote | null = null;
  let checkpoint: Checkpoint | null = null;
  try {
    note = parseNote(receipt.checkpoint);
    checkpoint = parseCheckpoint(note.text);
    if (!/^(0|[1-9][0-9]*)$/.test(receipt.index)) throw new FormatError('The receipt index is not a decimal number.');
    if (!leaf) throw new FormatError('There is no leaf hash to start from.');
    const index = BigInt(receipt.index);
    const proof = receipt.proof.map((p, i) => fromBase64(p, `proof hash ${i}`));
    const got = await rootFromInclusionProof(index, checkpoint.size, leaf, proof);
    const ok = bytesEqual(got, checkpoint.root);
    steps.push({
      id: 'inclusion',
      status: ok ? 'pass' : 'fail',
      outcome: ok ? 'match' : 'mismatch',
      values: { index: receipt.index, size: String(checkpoint.size), hashes: String(proof.length), got: toBase64(got), want: toBase64(checkpoint.root) },
    });
  } catch (e) {
    steps.push({ id: 'inclusion', status: 'fail', outcome: 'malformed', values: {}, problem: problemOf(e) });
  }

  // 4. checkpoint → the log's signature
  try {
    if (!note || !checkpoint) throw new FormatError('The checkpoint note could not be read.');
    const key = await parseVerifierKey(logKeyText);
    const values = { key: key.name, origin: checkpoint.origin, keyHash: key.keyHash.toString(16).padStart(8, '0') };
    if (expectedOrigin !== undefined && checkpoint.origin !== expectedOrigin) {
      steps.push({ id: 'signature', status: 'fail', outcome: 'origin', values: { ...values, expected: expectedOrigin } });
    } else if (!signatureBy(note, key)) {
      steps.push({ id: 'signature', status: 'fail', outcome: 'missing', values });
    } else {
      const ok = await verifyNoteSignature(note, key);
      steps.push({ id: 'signature', status: ok ? 'pass' : 'fail', outcome: ok ? 'valid' : 'invalid', values });
    }
  } catch (e) {
    steps.push({ id: 'signature', status: 'fail', outcome: 'malformed', values: {}, problem: problemOf(e) });
  }

  const ok = steps.every((s) => s.status !== 'fail');
  return { ok, bodyVerified: ok && steps[0]!.status === 'pass', steps, checkpoint };
}

/**
 * The demonstration: the same receipt with one field of its body changed. A field a reader
 * would recognise is preferred (an English name or a text); failing that, the first string
 * gets a word appended, a number is bumped or a flag flipped. Null when there is no body.
 */
export function tamperBody(receipt: Receipt): { receipt: Receipt; path: string } | null {
  if (receipt.body === undefined) return null;
  const body = structuredClone(receipt.body) as unknown;
  const leaves = leavesOf(body, '');
  const pick =
    leaves.filter((l) => typeof l.parent[l.key] === 'string' && PREFERRED.test(String(l.key))).sort((a, b) => depth(a.path) - depth(b.path))[0] ??
    leaves.find((l) => typeof l.parent[l.key] === 'string' && !/^(id|audience|audienceParty|processId)$/.test(String(l.key))) ??
    leaves.find((l) => ['string', 'number', 'boolean'].includes(typeof l.parent[l.key]));
  if (!pick) return null;
  const v = pick.parent[pick.key];
  pick.parent[pick.key] = typeof v === 'string' ? `${v} (altered)` : typeof v === 'number' ? v + 1 : !v;
  return { receipt: { ...receipt, body }, path: pick.path };
}

const PREFERRED = /^(en|text|title|name|summary|paraphrase|reason|rationale|speech)$/;
const depth = (path: string) => path.split(/[.[]/).length;
type Holder = Record<string | number, unknown>;
type Leaf = { parent: Holder; key: string | number; path: string };

/** Every scalar in the body, depth first, keys in order. */
function leavesOf(v: unknown, path: string): Leaf[] {
  if (v === null || typeof v !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Leaf[] = [];
  for (const [k, x] of entries) {
    const p = typeof k === 'number' ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    if (x !== null && typeof x === 'object') out.push(...leavesOf(x, p));
    else out.push({ parent: v as Holder, key: k, path: p });
  }
  return out;
}

// ------------------------------------------------------------------ the checkpoint as served

export interface CheckpointView {
  note: SignedNote;
  checkpoint: Checkpoint;
  /** The log's own signature verifies under the key from GET /log/key. */
  logSignature: boolean;
  logKey: VerifierKey;
  /** Every other signature line: witnesses' cosignatures. */
  cosignatures: NoteSignature[];
}

export async function readCheckpoint(noteText: string, logKeyText: string): Promise<CheckpointView> {
  const note = parseNote(noteText);
  const checkpoint = parseCheckpoint(note.text);
  const logKey = await parseVerifierKey(logKeyText);
  const logSignature = await verifyNoteSignature(note, logKey);
  const cosignatures = note.signatures.filter((s) => !(s.name === logKey.name && s.keyHash === logKey.keyHash));
  return { note, checkpoint, logSignature, logKey, cosignatures };
}

export interface WitnessCheck {
  name: string;
  /** The party that registered the witness, from its public registration entry in the log. */
  partyId: string | null;
  /** Unix seconds the witness put in its cosignature. */
  time: bigint | null;
  /** The registration entry's receipt verified (body included), so its key is the one on record. */
  registered: boolean;
  /** The cosignature verifies under the registered key. */
  cosigned: boolean;
}

/**
 * A witness's cosignature, checked against the key its party registered: the registration is a
 * public `witness` entry of the same log, so its receipt (body: name, partyId, vkey, url) is
 * verified first, and only then is its key trusted for the cosignature.
 */
export async function checkWitness(
  note: SignedNote,
  line: NoteSignature,
  registration: Receipt | null,
  logKeyText: string,
  expectedOrigin?: string,
): Promise<WitnessCheck> {
  const base = { name: line.name, partyId: null, time: cosignatureTime(line), registered: false, cosigned: false };
  if (!registration) return base;
  const body = registration.body as { name?: unknown; partyId?: unknown; vkey?: unknown } | undefined;
  const v = await verifyReceipt(registration, logKeyText, expectedOrigin);
  if (!v.bodyVerified || typeof body?.vkey !== 'string' || body.name !== line.name)
    return { ...base, partyId: typeof body?.partyId === 'string' ? body.partyId : null };
  let cosigned = false;
  try {
    const key = await parseVerifierKey(body.vkey);
    cosigned = key.keyHash === line.keyHash && (await verifyCosignature(note, key));
  } catch {
    cosigned = false;
  }
  return { ...base, partyId: typeof body.partyId === 'string' ? body.partyId : null, registered: true, cosigned };
}
