import { TlogError } from './errors.ts';
import { KEY_TYPE_COSIGNATURE_V1, KEY_TYPE_ED25519, parseVerifierKeyText } from './keys.ts';
import { ed25519Verifier, type NoteVerifier } from './note.ts';
import { cosignatureVerifier } from './cosignature.ts';

/** Which log key and which witnesses a relying party trusts, and how many witnesses must agree. */
export interface Policy {
  origin: string;
  log: NoteVerifier;
  witnesses: NoteVerifier[];
  quorum: number;
}

export interface PolicyJson {
  log: string;
  witnesses?: string[];
  quorum?: number;
  /** Defaults to the log key name, the usual tlog-checkpoint convention. */
  origin?: string;
}

/** Witnesses may sign with cosignature/v1 keys or, as older witnesses do, plain Ed25519 note keys. */
export function witnessVerifier(vkey: string): NoteVerifier {
  const { type } = parseVerifierKeyText(vkey);
  if (type === KEY_TYPE_COSIGNATURE_V1) return cosignatureVerifier(vkey);
  if (type === KEY_TYPE_ED25519) return ed25519Verifier(vkey);
  throw new TlogError('bad_key', `Witness key type 0x${type.toString(16)} is not supported.`);
}

export function parsePolicy(input: string | unknown): Policy {
  let j: unknown = input;
  if (typeof input === 'string') {
    try {
      j = JSON.parse(input);
    } catch {
      throw new TlogError('bad_policy', 'The policy is not valid JSON.');
    }
  }
  if (typeof j !== 'object' || j === null || Array.isArray(j)) {
    throw new TlogError('bad_policy', 'The policy must be a JSON object.');
  }
  const p = j as Record<string, unknown>;
  if (typeof p.log !== 'string') throw new TlogError('bad_policy', 'The policy needs a "log" verifier key.');
  const witnessKeys = p.witnesses ?? [];
  if (!Array.isArray(witnessKeys) || witnessKeys.some((w) => typeof w !== 'string')) {
    throw new TlogError('bad_policy', 'The policy "witnesses" must be a list of verifier keys.');
  }
  const quorum = p.quorum ?? 0;
  if (typeof quorum !== 'number' || !Number.isInteger(quorum) || quorum < 0 || quorum > witnessKeys.length) {
    throw new TlogError('bad_policy', `The policy quorum must be an integer between 0 and ${witnessKeys.length}.`);
  }
  const log = ed25519Verifier(p.log);
  const witnesses = (witnessKeys as string[]).map(witnessVerifier);
  if (new Set(witnesses.map((w) => w.name)).size !== witnesses.length) {
    throw new TlogError('bad_policy', 'Two witness keys share a name, so quorum could double count.');
  }
  if (p.origin !== undefined && typeof p.origin !== 'string') {
    throw new TlogError('bad_policy', 'The policy "origin" must be a string.');
  }
  return { origin: (p.origin as string | undefined) ?? log.name, log, witnesses, quorum };
}
