import type { Actor, Audience, Role, RoleGrant, Visibility } from '../domain/shared/actor.ts';
import { SYSTEM } from '../domain/shared/actor.ts';
import { AppError, notFound } from '../domain/shared/app-error.ts';

/**
 * Every kind of record a use case can write; the policy table below is keyed by it. The
 * kinds stored as records are listed with their schema in use-cases/resources.ts, and
 * test/record-kinds.test.ts holds the two lists (and the database's tables) together.
 */
export const RECORD_KINDS = [
  'process',
  'party',
  'person',
  'mandate',
  'forum',
  'meeting',
  'meeting_transition',
  'cause_claim',
  'invitation',
  'invitation_response',
  'attendance',
  'agreement',
  'provision',
  'assessment',
  'source',
  'statement',
  'claim',
  'figure',
  'role_grant',
  'incident',
  'observation',
  'verification',
  'attribution',
  'line',
  'restriction',
  'witness',
  'checkpoint',
  'redaction',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

const M: Role = 'mediator';
/**
 * Who may write what. The mediator convenes and records; parties speak for themselves
 * (responses, statements, claims); analysts assess and attribute; monitors report.
 */
export const WRITERS: Readonly<Record<RecordKind, readonly Role[]>> = {
  process: [],
  role_grant: [],
  party: [M],
  person: [M],
  mandate: [M],
  forum: [M],
  meeting: [M],
  meeting_transition: [M],
  invitation: [M],
  attendance: [M],
  agreement: [M],
  provision: [M],
  cause_claim: [M, 'delegate'],
  invitation_response: [M, 'delegate'],
  assessment: [M, 'analyst'],
  source: [M, 'analyst', 'delegate', 'monitor'],
  statement: [M, 'analyst', 'delegate'],
  claim: [M, 'analyst', 'delegate'],
  figure: [M, 'analyst', 'monitor'],
  // A witness speaks for a party; signing and erasure act on every party's record.
  witness: [M, 'delegate'],
  checkpoint: [M],
  redaction: [M],
  incident: [M, 'analyst'],
  observation: [M, 'monitor', 'analyst'],
  verification: [M, 'analyst'],
  attribution: [M, 'analyst', 'delegate'],
  // A party may put its own claimed line on record; monitors report who stopped them.
  line: [M, 'analyst', 'delegate'],
  restriction: [M, 'monitor', 'analyst'],
};

export function grantsIn(actor: Actor, processId: string): RoleGrant[] {
  return actor.roles.filter((r) => r.processId === processId);
}

/** The set-based form of canRead, for lists: repositories turn it into a WHERE clause. */
export type ReadScope = { all: true } | { all: false; audiences: Audience[]; parties: string[] };

export function readScope(actor: Actor, processId: string): ReadScope {
  if (actor === SYSTEM) return { all: true };
  const grants = grantsIn(actor, processId);
  if (grants.some((g) => g.role === 'mediator')) return { all: true };
  if (grants.length === 0) return { all: false, audiences: ['public'], parties: [] };
  const parties = grants.flatMap((g) => (g.partyId ? [g.partyId] : []));
  return { all: false, audiences: ['public', 'forum'], parties };
}

export function canRead(actor: Actor, processId: string, v: Visibility): boolean {
  const scope = readScope(actor, processId);
  if (scope.all) return true;
  if (scope.audiences.includes(v.audience)) return true;
  return v.audience === 'party' && v.audienceParty !== null && scope.parties.includes(v.audienceParty);
}

/** A denied read answers exactly like a missing record. */
export function assertCanRead(actor: Actor, processId: string, v: Visibility, what: string, id: string): void {
  if (!canRead(actor, processId, v)) throw notFound(what, id);
}

/**
 * A record's author side: the mediator's (staff and the system), a party's (all of its
 * people may correct it), or one account's (a monitor or analyst who writes for no party).
 */
export type Owner = 'mediator' | `party:${string}` | `account:${string}`;

export const ownerParty = (owner: Owner): string | null => (owner.startsWith('party:') ? owner.slice(6) : null);

/** The grants of the actor that may write this kind, or the refusal. */
function writingGrants(actor: Actor, processId: string, kind: RecordKind): RoleGrant[] | AppError {
  if (!actor.accountId) return new AppError('unauthenticated', 'sign_in_required', 'Sign in to make changes.');
  const allowed = grantsIn(actor, processId).filter((g) => WRITERS[kind].includes(g.role));
  if (allowed.length === 0)
    return new AppError('forbidden', 'role_may_not_write', `Your role in this process may not record ${article(kind)} ${kind.replace(/_/g, ' ')}.`);
  return allowed;
}

const article = (kind: string) => (/^[aeiou]/.test(kind) ? 'an' : 'a');
const isMediator = (actor: Actor, grants: RoleGrant[]) => actor === SYSTEM || grants.some((g) => g.role === 'mediator');

/**
 * May the actor write this kind of record with this visibility, speaking for `actingFor`?
 * A writer may only give a record an audience it can read itself, so nobody can
 * plant a record in another party's confidential space. Answers the author side the
 * new record will belong to.
 */
export function assertCanWrite(actor: Actor, processId: string, kind: RecordKind, v: Visibility, actingFor?: string | null): Owner {
  const decision = writeDecision(actor, processId, kind, v, actingFor);
  if (decision instanceof AppError) throw decision;
  return decision;
}

/** assertCanWrite as a value: the owner the record would get, or the refusal (abilities ask without throwing). */
export function writeDecision(actor: Actor, processId: string, kind: RecordKind, v: Visibility, actingFor?: string | null): Owner | AppError {
  if (actor === SYSTEM) return 'mediator';
  const allowed = writingGrants(actor, processId, kind);
  if (allowed instanceof AppError) return allowed;
  if (isMediator(actor, allowed)) return 'mediator';
  if (actingFor && !allowed.some((g) => g.partyId === actingFor)) return notYourParty(actingFor);
  if (v.audience === 'mediator' || (v.audience === 'party' && !allowed.some((g) => g.partyId === v.audienceParty))) return audienceNotAllowed();
  const party = actingFor ?? (v.audience === 'party' ? v.audienceParty : null) ?? allowed.find((g) => g.partyId)?.partyId;
  return party ? `party:${party}` : `account:${actor.accountId}`;
}

const notYourParty = (partyId: string) =>
  new AppError('forbidden', 'not_your_party', `You may only speak for your own party, not for "${partyId}".`, { field: 'partyId' });
const audienceNotAllowed = () =>
  new AppError('forbidden', 'audience_not_allowed', 'You may not give a record an audience you cannot read yourself.', { field: 'audience' });

/**
 * May the actor write a new version of a record (or change its audience)? Only its
 * author side and the mediator may: everyone else records their own competing claim
 * beside it, so a contested fact is never overwritten and nobody can hide another's
 * record. The record's owner never changes.
 */
export function assertCanChange(
  actor: Actor,
  processId: string,
  kind: RecordKind,
  record: { owner: Owner },
  next: Visibility,
  actingFor?: string | null,
): void {
  const refusal = changeRefusal(actor, processId, kind, record, next, actingFor);
  if (refusal) throw refusal;
}

/** assertCanChange as a value: the refusal, or null when the change is allowed. */
export function changeRefusal(
  actor: Actor,
  processId: string,
  kind: RecordKind,
  record: { owner: Owner },
  next: Visibility,
  actingFor?: string | null,
): AppError | null {
  if (actor === SYSTEM) return null;
  const allowed = writingGrants(actor, processId, kind);
  if (allowed instanceof AppError) return allowed;
  if (isMediator(actor, allowed)) return null;
  const own = record.owner.startsWith('account:')
    ? record.owner === `account:${actor.accountId}`
    : allowed.some((g) => g.partyId !== null && record.owner === `party:${g.partyId}`);
  if (!own)
    return new AppError(
      'forbidden',
      'not_your_record',
      `Only those who wrote this ${kind.replace(/_/g, ' ')} (or the mediator) may change it; record your own ${kind === 'statement' || kind === 'claim' ? 'claim or counter-claim' : 'record'} beside it instead.`,
    );
  const party = ownerParty(record.owner);
  if (actingFor && actingFor !== party && !allowed.some((g) => g.partyId === actingFor)) return notYourParty(actingFor);
  if (next.audience === 'mediator' || (next.audience === 'party' && !allowed.some((g) => g.partyId === next.audienceParty))) return audienceNotAllowed();
  return null;
}

/** Normalises the audience fields of an input; party-confidential needs its party. */
export function visibilityOf(input: { audience?: Audience; audienceParty?: string | null }, fallback: Audience = 'forum'): Visibility {
  const audience = input.audience ?? fallback;
  if (audience === 'party' && !input.audienceParty)
    throw new AppError('validation', 'audience_party_required', 'A party-confidential record must name its party in audienceParty.', {
      field: 'audienceParty',
    });
  if (audience !== 'party' && input.audienceParty)
    throw new AppError('validation', 'audience_party_unexpected', 'audienceParty is only used with the audience "party".', { field: 'audienceParty' });
  return { audience, audienceParty: audience === 'party' ? (input.audienceParty ?? null) : null };
}

/** For rules that must count every record whoever asks (the host rule counts all invitations). */
export const SYSTEM_SCOPE: ReadScope = { all: true };
