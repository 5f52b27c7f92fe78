import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  KEY_TYPE_ED25519, ed25519PublicFromSeed, ed25519Signer, formatSignerKeyText, formatVerifierKeyText,
  generateNoteKey, parseSignerKeyText,
} from '@parley/tlog';
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
