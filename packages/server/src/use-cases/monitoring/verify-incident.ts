import type { Actor } from '../../domain/shared/actor.ts';
import { verify, type VerificationStatus } from '../../domain/monitoring/verification.ts';
import { assertCanWrite } from '../../policies/access.ts';
import { resource } from '../resources.ts';
import type { StoredRecord } from '../ports.ts';
import { assertProcess, sameAs, sourceRefsOf, type Deps } from '../support.ts';
import { reading } from '../reading.ts';

export interface VerificationInput {
  to: VerificationStatus;
  reason: string;
  version: number;
  sources: { sourceId: string; locator?: string }[];
}

/**
 * Moves an incident's verification status one step, and appends the step (who, why, on
 * what sources) to its history in the same unit of work. The incident keeps the status as
 * a projection; the steps are the record and are never rewritten.
 */
export async function verifyIncident(
  deps: Deps,
  actor: Actor,
  processId: string,
  incidentId: string,
  input: VerificationInput,
): Promise<{ incident: StoredRecord; step: StoredRecord }> {
  await assertProcess(deps.store.reader, processId);
  const incidents = resource('incident');
  const steps = resource('verification');
  return deps.store.write(processId, actor, async (uow) => {
    const read = reading(uow, actor, processId, 'edit');
    const current = await read.one(incidents.table, incidentId, incidents.label);
    // The step is as visible as the incident it verifies.
    const owner = assertCanWrite(actor, processId, steps.kind, current);
    const from = (current.status ?? 'reported') as VerificationStatus;
    const step = verify(from, input.to, input.reason);
    await read.assertRefs(sourceRefsOf(input.sources, 'sources'));
    // Steps are numbered across every audience, so the count includes any the reader cannot see.
    const seq = (await read.rules().list(steps.table, { parent: incidentId, limit: 10_000 })).length + 1;
    const body = { incidentId, seq, from: step.from, to: step.to, reason: step.reason, sources: input.sources };
    const written = await uow.insert(steps.table, steps.kind, {
      id: `${incidentId}-v${seq}`.slice(0, 64),
      audience: current.audience,
      audienceParty: current.audienceParty,
      ...steps.index(body, uow.now.toISOString().slice(0, 10)),
      body,
      owner,
    });
    const revised = await uow.revise(incidents.table, incidents.kind, current, input.version, {
      ...sameAs(current),
      status: step.to,
      body: { ...current.body, verification: step.to },
    });
    return { incident: revised, step: written };
  });
}
