import { consistencyProof, openNote, parseNote, witnessVerifier } from '@parley/tlog';
import type { LogDeps, StoredCheckpoint, WitnessRecord } from '../ports.ts';

/**
 * Asks every active witness to cosign, each on its own: one refusing or slow witness
 * holds up no other and never the checkpoint itself (the client bounds each exchange in
 * time and size). Pending and removed witnesses are never called: a URL is only reached
 * once the mediator has approved it. A witness that knows another size (409) is answered
 * once more from that size.
 */
export async function pushCheckpoint(deps: LogDeps, processId: string, cp: StoredCheckpoint): Promise<void> {
  const witnesses = await deps.log.witnesses(processId, 'active');
  await Promise.allSettled(witnesses.map((w) => pushTo(deps, processId, cp, w)));
}

async function pushTo(deps: LogDeps, processId: string, cp: StoredCheckpoint, w: WitnessRecord): Promise<boolean> {
  let old = await deps.log.lastCosignedSize(processId, w.name);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (old > cp.size) return false;
    const proof = old > 0 && old < cp.size ? await consistencyProof(deps.log.servedNodes(processId), old, cp.size) : [];
    const r = await deps.witnessClient.addCheckpoint(w.url, old, proof, cp.note);
    if (r.status === 'conflict') {
      old = r.size;
      continue;
    }
    if (r.status !== 'cosigned') return false;
    // Keep only a line that verifies under the registered key: a witness cannot plant junk in our notes.
    const verifier = witnessVerifier(w.vkey);
    for (const line of r.body
      .split('\n')
      .filter(Boolean)
      .map((l) => `${l}\n`)) {
      try {
        const sig = parseNote(cp.note + line).signatures.at(-1);
        if (sig?.name !== verifier.name) continue;
        openNote(cp.note + line, [verifier]);
        await deps.log.saveCosignature(processId, cp.size, w.name, line);
        return true;
      } catch {
        /* a bad line is ignored; the checkpoint stands without it */
      }
    }
    return false;
  }
  return false;
}
