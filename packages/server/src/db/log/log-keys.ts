import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  KEY_TYPE_ED25519,
  ed25519PublicFromSeed,
  ed25519Signer,
  formatSignerKeyText,
  formatVerifierKeyText,
  generateNoteKey,
  parseCheckpoint,
  parseNote,
  parsePolicy,
  parseSignerKeyText,
  verifyCheckpoint,
  writeFileAtomic,
} from '@parley/tlog';
import type { CheckpointMirror } from '../../use-cases/log/integrity-state.ts';
import type { LogKeys } from '../../use-cases/ports.ts';

/**
 * The log key lives outside the database: whoever can write the database must not
 * also be able to sign for it. Created on first start (tlog note key format, mode 0600).
 * One seed serves every process; each process signs under its own origin as key name,
 * the tlog-checkpoint convention, so a verifier policy names exactly one log.
 */
export function openLogKeys(path: string, hostName: string): LogKeys {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, `${generateNoteKey(hostName).signerKey}\n`, { mode: 0o600, flag: 'wx' });
  }
  const parsed = parseSignerKeyText(readFileSync(path, 'utf8'));
  if (parsed.type !== KEY_TYPE_ED25519) throw new Error(`The log key in ${path} is not an Ed25519 note key.`);
  const seed = parsed.key;
  const pub = ed25519PublicFromSeed(seed);
  const signers = new Map<string, ReturnType<typeof ed25519Signer>>();
  const origin = (processId: string) => `${hostName}/${processId}`;
  return {
    origin,
    signer(processId) {
      const name = origin(processId);
      let s = signers.get(name);
      if (!s) signers.set(name, (s = ed25519Signer(formatSignerKeyText(name, KEY_TYPE_ED25519, seed))));
      return s;
    },
    verifierKey: (processId) => formatVerifierKeyText(origin(processId), KEY_TYPE_ED25519, pub),
  };
}

/**
 * The last signed checkpoint of each process, kept beside the log key in
 * `<key>.checkpoints/<process>` as the signed note itself: whoever rolls the database
 * back (later checkpoints included) must also reach this directory to hide it.
 */
export function openCheckpointMirror(keyPath: string, keys: LogKeys): CheckpointMirror {
  const dir = `${keyPath}.checkpoints`;
  const file = (processId: string) => join(dir, encodeURIComponent(processId));
  const read = (processId: string) => {
    if (!existsSync(file(processId))) return undefined;
    const note = readFileSync(file(processId), 'utf8');
    const { checkpoint } = verifyCheckpoint(note, parsePolicy({ log: keys.verifierKey(processId) }));
    return { size: Number(checkpoint.size), root: checkpoint.rootHash, note };
  };
  return {
    read,
    path: file,
    keep(processId, note) {
      const size = Number(parseCheckpoint(parseNote(note).text).size);
      let kept: number | undefined;
      try {
        kept = read(processId)?.size;
      } catch {
        // An unreadable file is evidence; the check reports it and nothing is signed over it.
        return;
      }
      if (kept === undefined || size > kept) writeFileAtomic(file(processId), note);
    },
  };
}
