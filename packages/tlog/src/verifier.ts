import { TlogError } from './errors.ts';
import { openNote } from './note.ts';
import { parseCheckpoint, type Checkpoint } from './checkpoint.ts';
import type { Policy } from './policy.ts';

export interface VerifiedCheckpoint {
  checkpoint: Checkpoint;
  /** The full signed note, kept as evidence and for later consistency checks. */
  note: string;
  /** Names of witnesses whose cosignature verified. */
  witnesses: string[];
}

/** A checkpoint is trusted only if the log signed it and at least `quorum` known witnesses cosigned it. */
export function verifyCheckpoint(noteText: string | Uint8Array, policy: Policy): VerifiedCheckpoint {
  const note = openNote(noteText, [policy.log, ...policy.witnesses]);
  if (!note.verified.some((s) => s.verifier === policy.log)) {
    throw new TlogError('bad_signature', `The checkpoint is not signed by the log key ${policy.log.name}.`);
  }
  const checkpoint = parseCheckpoint(note.text);
  if (checkpoint.origin !== policy.origin) {
    throw new TlogError('origin', `The checkpoint origin "${checkpoint.origin}" is not the expected "${policy.origin}".`);
  }
  const witnesses = note.verified.filter((s) => policy.witnesses.includes(s.verifier)).map((s) => s.name);
  if (witnesses.length < policy.quorum) {
    throw new TlogError('quorum', `Only ${witnesses.length} of the required ${policy.quorum} witness cosignatures verified.`);
  }
  const text = typeof noteText === 'string' ? noteText : Buffer.from(noteText).toString('utf8');
  return { checkpoint, note: text, witnesses };
}
