import { MemoryTree } from '../src/tree.ts';
import { generateNoteKey, ed25519Signer, signNote } from '../src/note.ts';
import { cosignatureSigner, cosignCheckpoint, generateCosignatureKey } from '../src/cosignature.ts';
import { formatCheckpoint } from '../src/checkpoint.ts';
import { parsePolicy, type Policy } from '../src/policy.ts';

export const ORIGIN = 'example.com/parley-test';

/** A log with its own key and two witnesses, producing cosigned checkpoints on demand. */
export function makeLog(origin = ORIGIN) {
  const logKey = generateNoteKey(origin);
  const w1 = generateCosignatureKey('witness1.example');
  const w2 = generateCosignatureKey('witness2.example');
  const tree = new MemoryTree();
  const logSigner = ed25519Signer(logKey.signerKey);
  const witnessSigners = [cosignatureSigner(w1.signerKey), cosignatureSigner(w2.signerKey)];

  function checkpointText(size = tree.size, root = tree.root(size), o = origin): string {
    return formatCheckpoint({ origin: o, size, rootHash: root, extensions: [] });
  }

  function signed(size = tree.size, opts: { witnesses?: number; root?: Uint8Array } = {}): string {
    const text = checkpointText(size, opts.root ?? tree.root(size));
    const note = signNote(text, [logSigner]);
    const cosigs = witnessSigners.slice(0, opts.witnesses ?? 2).map((s) => cosignCheckpoint(text, s));
    return note + cosigs.join('');
  }

  const policyJson = { log: logKey.verifierKey, witnesses: [w1.verifierKey, w2.verifierKey], quorum: 1 };
  const policy: Policy = parsePolicy(policyJson);
  return { origin, logKey, w1, w2, tree, logSigner, witnessSigners, checkpointText, signed, policy, policyJson };
}
