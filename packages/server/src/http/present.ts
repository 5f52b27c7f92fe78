import type { Actor } from '../domain/shared/actor.ts';
import { recordAbilities } from '../policies/abilities.ts';
import { ownerParty, type Owner, type RecordKind } from '../policies/access.ts';
import type { StoredRecord } from '../use-cases/ports.ts';
import { editable, RESOURCES } from '../use-cases/resources.ts';

/**
 * The API shape of a record as one reader sees it: its own fields with the meta beside them,
 * and what this reader may do with it. The index columns stay inside, except `status` for
 * kinds whose status is a life cycle.
 */
export function present(r: StoredRecord, kind: RecordKind, actor: Actor) {
  const lifecycle = LIFECYCLE_KINDS.has(kind);
  return {
    id: r.id,
    ...r.body,
    ...(lifecycle ? { status: r.status } : {}),
    processId: r.processId,
    version: r.version,
    audience: r.audience,
    audienceParty: r.audienceParty,
    owner: ownerView(r.owner),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
    abilities: recordAbilities(actor, kind, r, EDITABLE.has(kind)),
  };
}

/** Kinds whose status is a life cycle moved by a verb of its own, so reads show it. */
export const LIFECYCLE_KINDS: ReadonlySet<RecordKind> = new Set(RESOURCES.filter((r) => r.statusByVerb).map((r) => r.kind));
const EDITABLE: ReadonlySet<RecordKind> = new Set(RESOURCES.filter(editable).map((r) => r.kind));

/** Who may correct the record, with the mediator: its author side. An individual author's account stays internal. */
export function ownerView(owner: Owner): { side: 'mediator' | 'party' | 'author'; partyId?: string } {
  const party = ownerParty(owner);
  if (party) return { side: 'party', partyId: party };
  return { side: owner === 'mediator' ? 'mediator' : 'author' };
}
