import { createHmac, randomBytes } from 'node:crypto';
import type { Visibility } from '../domain/shared/actor.ts';
import { notFound } from '../domain/shared/app-error.ts';
import type { RecordReader, Store, StoredRecord } from './ports.ts';
import type { Ref, Resource } from './resources.ts';
import { processArea } from '../domain/lines/process-area.ts';

export interface Deps {
  store: Store;
}

export const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`;
/**
 * The id a record is stored under. Ids are in the public log, so a record that is not
 * public never keeps one its writer chose (a client's "st-secret-talks-with-x" would say
 * what the body hides): it gets a keyed hash of it instead, the same for the same client
 * id, so a resent submission still finds the record it made. Public records keep theirs.
 */
export async function recordId(reader: RecordReader, processId: string, kind: string, v: Visibility, clientId: string | undefined): Promise<string> {
  if (clientId === undefined) return newId(kind.slice(0, 3));
  if (v.audience === 'public') return clientId;
  return opaqueId(await reader.idKey(processId), kind, clientId);
}

export const opaqueId = (key: Uint8Array, kind: string, clientId: string) =>
  `${kind.slice(0, 3)}-${createHmac('sha256', key).update(`${kind}\0${clientId}`).digest('hex').slice(0, 24)}`;

export const today = (now = new Date()) => now.toISOString().slice(0, 10);

export async function assertProcess(reader: RecordReader, processId: string): Promise<void> {
  if (!(await reader.processExists(processId))) throw notFound('process', processId);
}

/** A body checked against its process's area of interest, for the kinds that have such a check (lines). */
export async function assertWithinArea(
  reader: RecordReader,
  processId: string,
  res: Resource,
  input: Record<string, unknown>,
  before?: Record<string, unknown>,
) {
  if (!res.within) return;
  const area = await reader.processArea(processId);
  if (area) res.within(input, processArea(processId, area), before);
}

/** Splits the audience fields from the body, which is stored as given. */
export function bodyOf(input: Record<string, unknown>): Record<string, unknown> {
  const { id: _id, audience: _a, audienceParty: _p, version: _v, ...body } = input;
  return body;
}

/** The stored fields of a record, to write a new version that changes only some of them. */
export function sameAs(r: StoredRecord) {
  return { audience: r.audience, audienceParty: r.audienceParty, parentId: r.parentId, status: r.status, sortOn: r.sortOn, partyIds: r.partyIds, body: r.body };
}

export const sourceRefsOf = (list: { sourceId: string }[], field: string): Ref[] =>
  list.map((s, i) => ({ table: 'sources', id: s.sourceId, field: `${field}/${i}/sourceId` }));
