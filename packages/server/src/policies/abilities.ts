import type { AbilityAction, Abilities, MeetingStatus } from '@parley/contracts';
import type { Actor, Audience, Visibility } from '../domain/shared/actor.ts';
import { allowedNext } from '../domain/talks/meeting-lifecycle.ts';
import { changeRefusal, grantsIn, ownerParty, readScope, writeDecision, WRITERS, RECORD_KINDS, type Owner, type RecordKind } from './access.ts';
import { AppError } from '../domain/shared/app-error.ts';

/** The record fields abilities depend on. */
export interface AbilityRecord extends Visibility {
  processId: string;
  owner: Owner;
  status: string | null;
  body: Record<string, unknown>;
}

/** The verbs a kind has beside edits, each writing a record of another kind. */
interface Verb {
  action: AbilityAction;
  writes: RecordKind;
  /** The party the verb speaks for, when the record names it (an invitation's invited party). */
  actingFor?: (r: AbilityRecord) => string | null;
  /** The visibility the written record gets, when it is not the record's own. */
  visibility?: Visibility;
}

const PUBLIC: Visibility = { audience: 'public', audienceParty: null };

const VERBS: Partial<Record<RecordKind, Verb[]>> = {
  meeting: [
    { action: 'transition', writes: 'meeting_transition' },
    { action: 'invite', writes: 'invitation' },
    { action: 'attend', writes: 'attendance' },
    { action: 'claim_cause', writes: 'cause_claim' },
  ],
  invitation: [{ action: 'answer', writes: 'invitation_response', actingFor: (r) => (typeof r.body.partyId === 'string' ? r.body.partyId : null) }],
  incident: [
    { action: 'verify', writes: 'verification' },
    { action: 'attribute', writes: 'attribution' },
  ],
  agreement: [{ action: 'add_provision', writes: 'provision' }],
  provision: [{ action: 'assess', writes: 'assessment' }],
  statement: [{ action: 'counter', writes: 'claim', visibility: PUBLIC }],
  claim: [{ action: 'counter', writes: 'claim', visibility: PUBLIC }],
};

const allowed = (decision: Owner | AppError) => !(decision instanceof AppError);

/** The audiences narrower than a record's present one that its author side could give it. */
function narrower(r: AbilityRecord): Visibility[] {
  const party = ownerParty(r.owner);
  const own: Visibility[] = party ? [{ audience: 'party', audienceParty: party }] : [];
  const order: Audience[] = ['public', 'forum', 'party', 'mediator'];
  const rank = order.indexOf(r.audience);
  const candidates: Visibility[] = [{ audience: 'forum', audienceParty: null }, ...own, { audience: 'mediator', audienceParty: null }];
  return candidates.filter((v) => order.indexOf(v.audience) > rank);
}

/**
 * What the actor may do with a record they can read, decided by the same functions that
 * refuse the writes, so the interface never offers what the server would refuse.
 * `editable` says whether the kind has edits at all (some are written only by their verbs).
 */
export function recordAbilities(actor: Actor, kind: RecordKind, r: AbilityRecord, editable: boolean): Abilities {
  const actions: AbilityAction[] = [];
  const mayChange = (next: Visibility) => changeRefusal(actor, r.processId, kind, r, next) === null;
  if (editable && mayChange(r)) {
    actions.push('edit');
    if (r.audience !== 'public' && mayChange(PUBLIC)) actions.push('publish');
    if (narrower(r).some(mayChange)) actions.push('restrict');
  }
  if (allowed(writeDecision(actor, r.processId, 'redaction', r))) actions.push('redact');
  let transitions: MeetingStatus[] | undefined;
  for (const verb of VERBS[kind] ?? []) {
    if (!allowed(writeDecision(actor, r.processId, verb.writes, verb.visibility ?? r, verb.actingFor?.(r)))) continue;
    if (verb.action === 'transition') {
      transitions = [...allowedNext((r.status ?? 'proposed') as MeetingStatus)];
      if (transitions.length === 0) continue;
    }
    actions.push(verb.action);
  }
  return transitions && actions.includes('transition') ? { actions, transitions } : { actions };
}

/** What the actor may do in a process: its roles, the parties it speaks for, the kinds it may record. */
export function processAbilities(actor: Actor, processId: string) {
  const grants = grantsIn(actor, processId);
  const roles = new Set(grants.map((g) => g.role));
  return {
    processId,
    username: actor.username,
    roles: grants,
    mediator: readScope(actor, processId).all && grants.length > 0,
    speaksFor: [...new Set(grants.flatMap((g) => (g.partyId ? [g.partyId] : [])))],
    create: actor.accountId ? RECORD_KINDS.filter((k) => WRITERS[k].some((role) => roles.has(role))) : [],
  };
}
