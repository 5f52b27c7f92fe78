import type { Actor } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { createRecord } from './create-record.ts';
import { resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { reading } from './reading.ts';
import type { Deps } from './support.ts';

export const provisionId = (agreementId: string, number: string) => `${agreementId}-p${number.replace(/\./g, '_')}`;

/** Adds a numbered provision; a dependency must name a provision of the same agreement. */
export async function addProvision(
  deps: Deps,
  actor: Actor,
  processId: string,
  agreementId: string,
  input: Record<string, unknown> & { number: string; dependsOn?: string[] },
): Promise<StoredRecord> {
  const read = reading(deps.store.reader, actor, processId, 'edit');
  await read.one('agreements', agreementId, 'agreement');
  // Numbers are unique across every audience, so the rule counts provisions the writer cannot see.
  const known = new Set((await read.rules().list('provisions', { parent: agreementId, limit: 10_000 })).map((p) => String(p.body.number)));
  for (const [n, dep] of (input.dependsOn ?? []).entries())
    if (!known.has(dep))
      throw invalid(`dependsOn/${n}`, 'unknown_provision', `The agreement has no provision ${dep} for provision ${input.number} to depend on.`);
  return createRecord(deps, actor, processId, resource('provision'), { ...input, id: provisionId(agreementId, input.number) }, { agreementId });
}
