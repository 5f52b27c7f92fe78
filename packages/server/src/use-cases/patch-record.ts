import type { Actor } from '../domain/shared/actor.ts';
import { mergePatch } from '../domain/shared/merge-patch.ts';
import type { Resource } from './resources.ts';
import type { StoredRecord } from './ports.ts';
import { replaceRecord } from './replace-record.ts';
import { reading } from './reading.ts';
import type { Deps } from './support.ts';

/**
 * A partial edit: the JSON Merge Patch (RFC 7396) is applied to the record as a read shows
 * it, and the result is a replace like any other (same policy, checks and version rule).
 * A patch that names no version applies to the version just read.
 */
export async function patchRecord(
  deps: Deps,
  actor: Actor,
  processId: string,
  res: Resource,
  id: string,
  patch: Record<string, unknown>,
  read: { show: (r: StoredRecord) => Record<string, unknown>; validate: (body: unknown) => void },
): Promise<StoredRecord> {
  const current = await reading(deps.store.reader, actor, processId, 'edit').one(res.table, id, res.label);
  const next = mergePatch(read.show(current), patch) as Record<string, unknown> & { version: number };
  read.validate(next);
  return replaceRecord(deps, actor, processId, res, id, next);
}
