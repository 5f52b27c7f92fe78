import type { Actor } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { SYSTEM_SCOPE } from '../policies/access.ts';
import { createRecord } from './create-record.ts';
import { resource } from './resources.ts';
import type { RecordReader, StoredRecord } from './ports.ts';
import { readable, type Deps } from './support.ts';

export const provisionId = (agreementId: string, number: string) => `${agreementId}-p${number.replace(/\./g, '_')}`;

export async function provisionsOf(reader: RecordReader, processId: string, agreementId: string): Promise<StoredRecord[]> {
  return reader.list('provisions', processId, SYSTEM_SCOPE, { parent: agreementId, limit: 10_000 });
}

/** Adds a numbered provision; a dependency must name a provision of the same agreement. */
export async function addProvision(
  deps: Deps,
  actor: Actor,
  processId: string,
  agreementId: string,
  input: Record<string, unknown> & { number: string; dependsOn?: string[] },
): Promise<StoredRecord> {
  await readable(deps.store.reader, actor, processId, 'agreements', agreementId, 'agreement');
  const known = new Set((await provisionsOf(deps.store.reader, processId, agreementId)).map((p) => String(p.body.number)));
  for (const [n, dep] of (input.dependsOn ?? []).entries())
    if (!known.has(dep))
      throw invalid(`dependsOn/${n}`, 'unknown_provision', `The agreement has no provision ${dep} for provision ${input.number} to depend on.`);
  return createRecord(deps, actor, processId, resource('provision'), { ...input, id: provisionId(agreementId, input.number) }, { agreementId });
}
