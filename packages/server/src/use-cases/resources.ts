import {
  AgreementInput,
  AttendanceInput,
  ClaimInput,
  FigureInput,
  ForumInput,
  InvitationInput,
  MandateInput,
  MeetingInput,
  PartyInput,
  PersonInput,
  SourceInput,
  StatementInput,
  ProvisionInput,
  AssessmentInput,
  AttributionInput,
  IncidentInput,
  ObservationInput,
  VerificationInput,
  LineInput,
  RestrictionInput,
} from '@parley/contracts';
import type { Static, TSchema } from '@sinclair/typebox';
import type { Audience } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { assertOrdered, parsePreciseDate } from '../domain/shared/precise-date.ts';
import { assertFigureBounds } from '../domain/sources/figure.ts';
import { assertWordsInLanguage } from '../domain/sources/words.ts';
import { assertAttribution } from '../domain/monitoring/attribution.ts';
import { assertIncident } from '../domain/monitoring/incident.ts';
import { assertObservation } from '../domain/monitoring/observation.ts';
import { assertLine } from '../domain/lines/line.ts';
import type { AreaOfInterest } from '../domain/lines/area-of-interest.ts';
import { assertCrossesArea } from '../domain/lines/process-area.ts';
import { sameValue } from '../domain/monitoring/ucdp.ts';
import type { RecordKind } from '../policies/access.ts';
import type { RecordTable, StoredRecord } from './ports.ts';

/** A record body as the generic use cases carry it: validated against its kind's schema, not yet typed. */
export type Body = Record<string, unknown>;

export interface Ref {
  table: RecordTable;
  id: string;
  field: string;
}

export interface Index {
  parentId: string | null;
  status: string | null;
  sortOn: string;
  partyIds: string[];
}

/**
 * What the generic record use cases need to know about one kind of record, typed by its
 * schema: `I` is the body the schema admits. Kinds with their own verbs (meeting
 * transitions, invitation responses, assessments) still use these for reading,
 * validation and indexing.
 */
export interface KindSpec<I> {
  kind: RecordKind;
  table: RecordTable;
  /** The collection's path segment in the API. */
  collection: string;
  label: string;
  defaultAudience: Audience;
  /** Whether records are created through the generic create verb, or only through a verb of their own. */
  genericCreate: boolean;
  /** Whether a record can be rewritten with PUT and PATCH; by default, when it is created generically. */
  edits?: boolean;
  index(input: I, today: string): Index;
  refs(input: I): Ref[];
  /** Domain checks a schema cannot express. */
  check(input: I): void;
  /** Checks against the process's area of interest, when it has one; `before` is the version an edit replaces. */
  within?(input: I, area: AreaOfInterest, before?: I): void;
  actingFor?(input: I): string | null;
  /** The policy kind a body is written under, when it differs from the record's own (an attribution that is an assessment). */
  writeAs?(input: I): RecordKind;
  /** Fields derived from the records referred to (a statement's speaker's party), after the references are checked. */
  complete?(input: I, get: (table: RecordTable, id: string) => Promise<StoredRecord | undefined>): Promise<I>;
  /** Whether the status column belongs to a verb of its own (a life cycle), so edits keep it and reads show it. */
  statusByVerb?: boolean;
  /** Body fields a verb of its own maintains (an incident's verification), which an edit keeps. */
  keptByVerb?: string[];
  /** The field naming the parent record, which the route's path supplies rather than the body (an invitation's meeting). */
  parentField?: string;
}

/** A registry entry: the kind's spec with its body type erased, so every kind fits one list. */
export type Resource = KindSpec<Body> & { schema: TSchema };

/**
 * Declares a kind. The descriptor's functions are typed from the schema; the generic use
 * cases call them only with bodies the schema has already admitted (routes validate the
 * body, and edits validate the merged result), which is what makes the narrowing sound.
 */
export function defineKind<S extends TSchema, P extends string = never, K extends string = never>(
  spec: KindSpec<Static<S> & Record<P, string> & Partial<Record<K, string>>> & { schema: S; parentField?: P; keptByVerb?: K[] },
): Resource {
  return spec as unknown as Resource;
}

const day = (value: string | undefined, field: string, fallback: string) => (value ? parsePreciseDate(value, field).firstDay : fallback);
const sourceRefs = (list: { sourceId: string }[] | undefined, field = 'sources'): Ref[] =>
  (list ?? []).map((s, i) => ({ table: 'sources', id: s.sourceId, field: `${field}/${i}/sourceId` }));
const opt = (table: RecordTable, id: string | undefined, field: string): Ref[] => (id ? [{ table, id, field }] : []);
const many = (table: RecordTable, ids: string[] | undefined, field: string): Ref[] => (ids ?? []).map((id, i) => ({ table, id, field: `${field}/${i}` }));
const noop = () => {};
const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const base = { defaultAudience: 'forum' as Audience, genericCreate: true, check: noop as (input: unknown) => void };

export const RESOURCES: Resource[] = [
  defineKind({
    ...base,
    kind: 'party',
    table: 'parties',
    collection: 'parties',
    label: 'party',
    schema: PartyInput,
    defaultAudience: 'public',
    index: (i, today) => ({ parentId: null, status: i.kind, sortOn: today, partyIds: i.id ? [i.id] : [] }),
    refs: () => [],
  }),
  defineKind({
    ...base,
    kind: 'person',
    table: 'people',
    collection: 'people',
    label: 'person',
    schema: PersonInput,
    defaultAudience: 'public',
    index: (i, today) => ({ parentId: null, status: null, sortOn: today, partyIds: i.partyId ? [i.partyId] : [] }),
    refs: (i) => opt('parties', i.partyId, 'partyId'),
  }),
  defineKind({
    ...base,
    kind: 'mandate',
    table: 'mandates',
    collection: 'mandates',
    label: 'mandate',
    schema: MandateInput,
    defaultAudience: 'public',
    index: (i) => ({ parentId: i.personId, status: i.standing, sortOn: day(i.from, 'from', ''), partyIds: i.partyId ? [i.partyId] : [] }),
    refs: (i) => [{ table: 'people', id: i.personId, field: 'personId' }, ...opt('parties', i.partyId, 'partyId'), ...sourceRefs(i.sources)],
    check: (i) => assertOrdered(i.from, i.to, 'to'),
  }),
  defineKind({
    ...base,
    kind: 'forum',
    table: 'forums',
    collection: 'forums',
    label: 'forum',
    schema: ForumInput,
    defaultAudience: 'public',
    index: (i, today) => ({ parentId: null, status: null, sortOn: today, partyIds: [...i.members, ...i.participants].map((m) => m.partyId) }),
    refs: (i) => [
      ...many(
        'parties',
        i.members.map((m) => m.partyId),
        'members',
      ),
      ...many(
        'parties',
        i.participants.map((m) => m.partyId),
        'participants',
      ),
    ],
  }),
  defineKind({
    ...base,
    kind: 'meeting',
    table: 'meetings',
    collection: 'meetings',
    label: 'meeting',
    schema: MeetingInput,
    statusByVerb: true,
    index: (i, today) => ({
      parentId: i.forumId,
      status: 'proposed',
      sortOn: day(i.plannedStart ?? i.actualStart, 'plannedStart', today),
      partyIds: [...new Set([i.hostPartyId, ...i.agenda.map((a) => a.proposedBy)].filter(Boolean))] as string[],
    }),
    refs: (i) => [
      { table: 'forums', id: i.forumId, field: 'forumId' },
      ...opt('parties', i.hostPartyId, 'hostPartyId'),
      ...many('agreements', i.outcome?.agreementIds, 'outcome/agreementIds'),
      ...sourceRefs(i.sources),
      ...sourceRefs(i.outcome?.sources, 'outcome/sources'),
      ...i.agenda.flatMap((a, n) => opt('parties', a.proposedBy, `agenda/${n}/proposedBy`)),
    ],
    check: (i) => {
      assertOrdered(i.plannedStart, i.plannedEnd, 'plannedEnd');
      assertOrdered(i.actualStart, i.actualEnd, 'actualEnd');
      if (!isTimeZone(i.timeZone)) throw invalid('timeZone', 'unknown_time_zone', `"${i.timeZone}" is not an IANA time zone such as Europe/Minsk.`);
    },
  }),
  defineKind({
    ...base,
    kind: 'invitation',
    table: 'invitations',
    collection: 'invitations',
    label: 'invitation',
    schema: InvitationInput,
    parentField: 'meetingId',
    genericCreate: false,
    statusByVerb: true,
    index: (i, today) => ({ parentId: i.meetingId, status: 'invited', sortOn: today, partyIds: [i.partyId] }),
    refs: (i) => [{ table: 'parties', id: i.partyId, field: 'partyId' }],
  }),
  defineKind({
    ...base,
    kind: 'attendance',
    table: 'attendance',
    collection: 'attendance',
    label: 'attendance record',
    schema: AttendanceInput,
    parentField: 'meetingId',
    genericCreate: false,
    index: (i, today) => ({ parentId: i.meetingId, status: i.status, sortOn: today, partyIds: [i.partyId] }),
    refs: (i) => [{ table: 'parties', id: i.partyId, field: 'partyId' }, ...opt('people', i.personId, 'personId'), ...sourceRefs(i.sources)],
  }),
  defineKind({
    ...base,
    kind: 'agreement',
    table: 'agreements',
    collection: 'agreements',
    label: 'agreement',
    schema: AgreementInput,
    defaultAudience: 'public',
    index: (i) => ({
      parentId: null,
      status: i.stage ?? null,
      sortOn: day(i.date, 'date', ''),
      partyIds: [...new Set([...i.signatories.map((s) => s.onBehalfOf).filter(Boolean), ...i.thirdParties])] as string[],
    }),
    refs: (i) => [
      ...i.signatories.flatMap((s, n) => [
        { table: 'people' as const, id: s.personId, field: `signatories/${n}/personId` },
        ...opt('parties', s.onBehalfOf, `signatories/${n}/onBehalfOf`),
      ]),
      ...many('parties', i.thirdParties, 'thirdParties'),
      ...i.relations.map((r, n) => ({ table: 'agreements' as const, id: r.agreementId, field: `relations/${n}/agreementId` })),
      ...sourceRefs(i.sources),
    ],
    check: (i) => void parsePreciseDate(i.date, 'date'),
  }),
  defineKind({
    ...base,
    kind: 'provision',
    table: 'provisions',
    collection: 'provisions',
    label: 'provision',
    schema: ProvisionInput,
    parentField: 'agreementId',
    genericCreate: false,
    defaultAudience: 'public',
    index: (i) => ({ parentId: i.agreementId, status: null, sortOn: '2000-01-01', partyIds: i.obligated }),
    refs: (i) => many('parties', i.obligated, 'obligated'),
    check: (i) => void (i.deadline?.kind === 'absolute' && parsePreciseDate(i.deadline.at, 'deadline/at')),
  }),
  defineKind({
    ...base,
    kind: 'assessment',
    table: 'assessments',
    collection: 'assessments',
    label: 'assessment',
    schema: AssessmentInput,
    parentField: 'provisionId',
    genericCreate: false,
    index: (i) => ({
      parentId: i.provisionId,
      status: String(i.level),
      sortOn: day(i.asOf, 'asOf', ''),
      partyIds: i.perspective === 'neutral' ? [] : [i.perspective],
    }),
    refs: (i) => [
      ...(i.perspective === 'neutral' ? [] : [{ table: 'parties' as const, id: i.perspective, field: 'perspective' }]),
      ...i.evidence.flatMap((e, n) => {
        const table = ({ source: 'sources', statement: 'statements', meeting: 'meetings', figure: 'figures' } as const)[e.kind as 'source'];
        return table ? [{ table, id: e.id, field: `evidence/${n}/id` }] : [];
      }),
    ],
  }),
  defineKind({
    ...base,
    kind: 'source',
    table: 'sources',
    collection: 'sources',
    label: 'source',
    schema: SourceInput,
    defaultAudience: 'public',
    // The document a source was read from is the ingestion's to name (use-cases/sources): an edit keeps it, and no
    // create or edit can claim one.
    keptByVerb: ['document', 'nearDuplicateOf'],
    index: (i) => ({ parentId: null, status: i.kind, sortOn: day(i.date, 'date', ''), partyIds: [] }),
    refs: () => [],
    check: (i) => void parsePreciseDate(i.date, 'date'),
  }),
  defineKind({
    ...base,
    kind: 'statement',
    table: 'statements',
    collection: 'statements',
    label: 'statement',
    schema: StatementInput,
    defaultAudience: 'public',
    index: (i) => ({
      parentId: i.sourceId,
      status: i.stance,
      sortOn: day(i.date, 'date', ''),
      partyIds: [...new Set([i.speakerPartyId, ...i.partyIds].filter(Boolean))] as string[],
    }),
    refs: (i) => [
      { table: 'sources', id: i.sourceId, field: 'sourceId' },
      ...opt('people', i.speakerId, 'speakerId'),
      ...opt('parties', i.speakerPartyId, 'speakerPartyId'),
      ...many('parties', i.partyIds, 'partyIds'),
      ...many('meetings', i.meetingIds, 'meetingIds'),
    ],
    check: (i) => {
      parsePreciseDate(i.date, 'date');
      assertWordsInLanguage(i);
    },
    // Whoever records a statement names its speaker; a party that records another party's
    // words is shown as having reported them (its owner), never as their speaker.
    complete: async (i, get) => {
      if (!i.speakerId) return i;
      const party = (await get('people', i.speakerId))?.body.partyId as string | undefined;
      if (!party) return i;
      if (i.speakerPartyId && i.speakerPartyId !== party)
        throw invalid('speakerPartyId', 'speaker_party_mismatch', `The speaker "${i.speakerId}" is of the party "${party}", not "${i.speakerPartyId}".`);
      return { ...i, speakerPartyId: party };
    },
  }),
  defineKind({
    ...base,
    kind: 'claim',
    table: 'claims',
    collection: 'claims',
    label: 'claim',
    schema: ClaimInput,
    defaultAudience: 'public',
    index: (i, today) => ({
      parentId: i.statementId ?? null,
      status: i.subject ?? null,
      sortOn: today,
      partyIds: i.claimantPartyId ? [i.claimantPartyId] : [],
    }),
    refs: (i) => [
      { table: 'sources', id: i.sourceId, field: 'sourceId' },
      ...opt('statements', i.statementId, 'statementId'),
      ...opt('parties', i.claimantPartyId, 'claimantPartyId'),
      ...many('claims', i.counters, 'counters'),
    ],
    check: (i) => assertWordsInLanguage(i),
    actingFor: (i) => i.claimantPartyId ?? null,
  }),
  defineKind({
    ...base,
    kind: 'figure',
    table: 'figures',
    collection: 'figures',
    label: 'figure',
    schema: FigureInput,
    defaultAudience: 'public',
    index: (i) => ({ parentId: i.sourceId, status: i.measure, sortOn: day(i.asOf, 'asOf', ''), partyIds: [] }),
    refs: (i) => [{ table: 'sources', id: i.sourceId, field: 'sourceId' }, ...opt('statements', i.statementId, 'statementId')],
    check: (i) => {
      parsePreciseDate(i.asOf, 'asOf');
      assertOrdered(i.periodFrom, i.periodTo, 'periodTo');
      assertFigureBounds(i);
    },
  }),
  // Ceasefire monitoring. An incident's verification status lives in its body (kept across
  // edits, set only by the verification verb) and is indexed as its status.
  defineKind({
    ...base,
    kind: 'incident',
    table: 'incidents',
    collection: 'incidents',
    label: 'incident',
    schema: IncidentInput,
    genericCreate: false,
    edits: true,
    statusByVerb: true,
    keptByVerb: ['verification'],
    index: (i) => ({
      parentId: null,
      status: i.verification ?? 'reported',
      sortOn: i.date.start,
      partyIds: [...new Set(i.actors.map((a) => a.partyId).filter(Boolean))] as string[],
    }),
    refs: (i) => [
      ...i.actors.flatMap((a, n) => opt('parties', a.partyId, `actors/${n}/partyId`)),
      ...i.sources.flatMap((s, n) => opt('sources', s.sourceId, `sources/${n}/sourceId`)),
    ],
    check: (i) => assertIncident(i),
  }),
  defineKind({
    ...base,
    kind: 'observation',
    table: 'observations',
    collection: 'observations',
    label: 'observation',
    schema: ObservationInput,
    index: (i) => ({ parentId: i.incidentIds[0] ?? null, status: i.kind, sortOn: new Date(i.time.from).toISOString().slice(0, 10), partyIds: [] }),
    refs: (i) => [...many('incidents', i.incidentIds, 'incidentIds'), ...opt('parties', i.weaponPartyId, 'weaponPartyId'), ...sourceRefs(i.sources)],
    check: (i) => assertObservation(i),
  }),
  defineKind({
    ...base,
    kind: 'verification',
    table: 'verifications',
    collection: 'verifications',
    label: 'verification step',
    schema: VerificationInput,
    parentField: 'incidentId',
    genericCreate: false,
    index: (i, today) => ({ parentId: i.incidentId, status: i.to, sortOn: today, partyIds: [] }),
    refs: (i) => sourceRefs(i.sources),
  }),
  defineKind({
    ...base,
    kind: 'attribution',
    table: 'attributions',
    collection: 'attributions',
    label: 'attribution',
    schema: AttributionInput,
    parentField: 'incidentId',
    genericCreate: false,
    index: (i, today) => ({
      parentId: i.incidentId,
      status: i.kind,
      sortOn: today,
      partyIds: [...new Set([i.responsiblePartyId, i.byPartyId].filter(Boolean))] as string[],
    }),
    refs: (i) => [
      ...opt('parties', i.responsiblePartyId, 'responsiblePartyId'),
      ...opt('parties', i.byPartyId, 'byPartyId'),
      ...opt('attributions', i.disputes, 'disputes'),
      ...sourceRefs(i.sources),
    ],
    check: (i) => assertAttribution(i),
    actingFor: (i) => i.byPartyId ?? null,
    // An analyst's assessed attribution is an assessment in the policy's eyes; a party's is its own claim.
    writeAs: (i) => (i.kind === 'assessed' ? 'assessment' : 'attribution'),
  }),
  // Lines: a contact line's date is its sort key and its kind its status, so the line in force on a day is an index lookup.
  defineKind({
    ...base,
    kind: 'line',
    table: 'lines',
    collection: 'lines',
    label: 'line',
    schema: LineInput,
    defaultAudience: 'public',
    index: (i) => ({ parentId: null, status: i.kind, sortOn: i.date, partyIds: i.claimantPartyId ? [i.claimantPartyId] : [] }),
    refs: (i) => [
      ...opt('agreements', i.basisAgreementId, 'basisAgreementId'),
      ...opt('meetings', i.basisMeetingId, 'basisMeetingId'),
      ...opt('parties', i.claimantPartyId, 'claimantPartyId'),
      ...sourceRefs(i.sources),
    ],
    check: (i) => {
      parsePreciseDate(i.date, 'date');
      assertLine(i);
    },
    // Only a new geometry is checked: a line drawn before the area was set can still be withdrawn.
    within: (i, area, before) => {
      if (!before || !sameValue(before.geometry, i.geometry)) assertCrossesArea(i.geometry.coordinates, area);
    },
    actingFor: (i) => i.claimantPartyId ?? null,
    // An agreed line binds every side: in the policy's eyes it is an agreement, which the mediator records.
    writeAs: (i) => (i.standing === 'agreed' ? 'agreement' : 'line'),
  }),
  defineKind({
    ...base,
    kind: 'restriction',
    table: 'restrictions',
    collection: 'restrictions',
    label: 'restriction of movement',
    schema: RestrictionInput,
    index: (i) => ({ parentId: null, status: null, sortOn: i.date, partyIds: i.byPartyId ? [i.byPartyId] : [] }),
    refs: (i) => [...opt('parties', i.byPartyId, 'byPartyId'), ...sourceRefs(i.sources)],
    check: (i) => void parsePreciseDate(i.date, 'date'),
  }),
];

export const resourceByKind = new Map(RESOURCES.map((r) => [r.kind, r]));
export const editable = (res: Resource) => res.edits ?? res.genericCreate;

export function resource(kind: RecordKind): Resource {
  const r = resourceByKind.get(kind);
  if (!r) throw new Error(`no resource for ${kind}`);
  return r;
}
