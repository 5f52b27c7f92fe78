import { TlogError } from './errors.ts';
import {
  KEY_TYPE_COSIGNATURE_V1,
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
import { concatBytes, utf8 } from './encoding.ts';
import { formatSignatureLine, type NoteSigner, type NoteVerifier } from './note.ts';

/*
 * c2sp.org/tlog-cosignature v1: the witness signs a header binding a
 * timestamp to the checkpoint text, and ships the timestamp in front of the
 * signature so verifiers can rebuild the message.
 */
const SIG_LEN = 8 + 64;

export function cosignedMessage(checkpointText: Uint8Array, time: bigint): Uint8Array {
  return concatBytes(utf8(`cosignature/v1\ntime ${time}\n`), checkpointText);
}

export function cosignatureTimestamp(sig: Uint8Array): bigint {
  if (sig.length !== SIG_LEN) throw new TlogError('bad_signature', 'A cosignature/v1 signature must be 72 bytes.');
  return new DataView(sig.buffer, sig.byteOffset, 8).getBigUint64(0, false);
}

export interface CosignatureSigner extends NoteSigner {
  readonly verifierKey: string;
}

export function cosignatureSigner(skey: string, clock: () => number = Date.now): CosignatureSigner {
  const p = parseSignerKeyText(skey);
  if (p.type !== KEY_TYPE_COSIGNATURE_V1) {
    throw new TlogError('bad_key', `The key "${p.name}" is not a cosignature/v1 key.`);
  }
  const priv = ed25519PrivateKey(p.key);
  const verifierKey = formatVerifierKeyText(p.name, KEY_TYPE_COSIGNATURE_V1, ed25519PublicFromSeed(p.key));
  return {
    name: p.name,
    keyHash: p.keyHash,
    verifierKey,
    sign(msg: Uint8Array): Uint8Array {
      const time = BigInt(Math.floor(clock() / 1000));
      const out = new Uint8Array(SIG_LEN);
      new DataView(out.buffer).setBigUint64(0, time, false);
      out.set(ed25519Sign(priv, cosignedMessage(msg, time)), 8);
      return out;
    },
  };
}

export function cosignatureVerifier(vkey: string): NoteVerifier {
  const p = parseVerifierKeyText(vkey);
  if (p.type !== KEY_TYPE_COSIGNATURE_V1 || p.key.length !== 32) {
    throw new TlogError('bad_key', `The key "${p.name}" is not a cosignature/v1 key.`);
  }
  const pub = ed25519PublicKey(p.key);
  return {
    name: p.name,
    keyHash: p.keyHash,
    verify(msg, sig) {
      if (sig.length !== SIG_LEN) return false;
      return ed25519Verify(pub, cosignedMessage(msg, cosignatureTimestamp(sig)), sig.subarray(8));
    },
  };
}

/** The signature line a witness returns from add-checkpoint. */
export function cosignCheckpoint(checkpointText: string, signer: NoteSigner): string {
  return formatSignatureLine(signer.name, signer.keyHash, signer.sign(utf8(checkpointText)));
}

export function generateCosignatureKey(name: string): { signerKey: string; verifierKey: string } {
  if (!isValidKeyName(name)) throw new TlogError('bad_key', `The key name "${name}" is not valid.`);
  const seed = generateEd25519Seed();
  return {
    signerKey: formatSignerKeyText(name, KEY_TYPE_COSIGNATURE_V1, seed),
    verifierKey: formatVerifierKeyText(name, KEY_TYPE_COSIGNATURE_V1, ed25519PublicFromSeed(seed)),
  };
}
