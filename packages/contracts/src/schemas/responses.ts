import { Type, type Static, type TObject, type TProperties, type TSchema } from '@sinclair/typebox';
import { ErrorBody } from '../errors.ts';
import { Audience, Id, Names, RecordText, SourceRef, TextLanguage } from './common.ts';
import { RoleGrant } from './access.ts';
import { AreaOfInterestInput } from './lines.ts';
import { IncidentInput, VerificationInput } from './monitoring.ts';
import { AttendanceInput, InvitationInput, InvitationStatus, MeetingInput, MeetingStatus, ReasonLanguage } from './talks.ts';
import { Witness } from './witnesses.ts';

/**
 * What the API answers. Bodies the server may grow stay open (`additionalProperties`), because
 * Fastify serialises with these schemas and a closed one would silently drop a new field.
 * Fields a stored body may lack (an erased record, an older version) are optional for the same
 * reason: a required field that is absent makes the serialiser fail instead of answering.
 */
const open = <T extends TProperties>(properties: T, description: string) => Type.Object(properties, { additionalProperties: true, description });
const Stamp = Type.String();

export const Owner = Type.Object(
  { side: Type.Union([Type.Literal('mediator'), Type.Literal('party'), Type.Literal('author')]), partyId: Type.Optional(Id) },
  { additionalProperties: false, description: 'the author side, fixed at the first version' },
);

/**
 * What a reader may do with a record, as the server's policy decides it: `edit` (a new version),
 * `publish` (make it public), `restrict` (narrow its audience), `redact` (erase its bodies), and the
 * verbs of its kind: a meeting's `transition` (to `transitions`), `invite`, `attend` and
 * `claim_cause`; an invitation's `answer`; an incident's `verify` and `attribute`; an agreement's
 * `add_provision`; a provision's `assess`; a statement's or claim's `counter` (a claim beside it).
 */
export const ABILITY_ACTIONS = [
  'edit',
  'publish',
  'restrict',
  'redact',
  'transition',
  'invite',
  'attend',
  'claim_cause',
  'answer',
  'verify',
  'attribute',
  'add_provision',
  'assess',
  'counter',
] as const;
export type AbilityAction = (typeof ABILITY_ACTIONS)[number];

export const Abilities = Type.Object(
  {
    actions: Type.Array(Type.Union(ABILITY_ACTIONS.map((a) => Type.Literal(a)))),
    transitions: Type.Optional(Type.Array(MeetingStatus)),
  },
  { additionalProperties: false, description: 'what the reader may do with this record' },
);
export type Abilities = Static<typeof Abilities>;

/** The meta a read shows beside a record's own fields. */
export const RecordMetaFields = {
  id: Type.String(),
  processId: Type.String(),
  version: Type.Integer({ minimum: 1 }),
  audience: Audience,
  audienceParty: Type.Union([Type.String(), Type.Null()]),
  owner: Owner,
  createdAt: Stamp,
  createdBy: Stamp,
  updatedAt: Stamp,
  updatedBy: Stamp,
  abilities: Abilities,
};

const reads = { plain: new WeakMap<TSchema, TObject>(), lifecycle: new WeakMap<TSchema, TObject>() };
/** A record as read: its kind's input fields, the meta, and `status` for kinds whose status is a life cycle. */
export function RecordRead(input: TSchema, lifecycle = false): TObject {
  const cache = lifecycle ? reads.lifecycle : reads.plain;
  const cached = cache.get(input);
  if (cached) return cached;
  const own = Object.fromEntries(Object.entries((input as TObject).properties ?? {}).map(([k, v]) => [k, Type.Optional(v as TSchema)]));
  const status: TProperties = lifecycle ? { status: Type.Union([Type.String(), Type.Null()]) } : {};
  const schema = Type.Object({ ...own, ...RecordMetaFields, ...status }, { additionalProperties: true });
  cache.set(input, schema);
  return schema;
}

export const ListOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item), next: Type.Union([Type.String(), Type.Null()]) });
export const ItemsOf = <T extends TSchema>(item: T) => Type.Object({ items: Type.Array(item) }, { additionalProperties: true });

export const JournalEntryView = open(
  {
    idx: Type.Integer(),
    recordType: Type.String(),
    recordId: Type.String(),
    version: Type.Integer(),
    supersedes: Type.Union([Type.Integer(), Type.Null()]),
    author: Type.String(),
    at: Type.String(),
    body: Type.Unknown(),
  },
  'one version of a record as the journal keeps it',
);

export const SignedIn = Type.Object({ username: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
export const MeView = open(
  {
    username: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(RoleGrant),
    admin: Type.Optional(Type.Boolean({ description: 'a deployment administrator' })),
  },
  'who you are and your roles',
);
/** What the reader may do in one process: their roles, the parties they speak for, the kinds they may record. */
export const ProcessAbilities = Type.Object(
  {
    processId: Type.String(),
    username: Type.Union([Type.String(), Type.Null()]),
    roles: Type.Array(RoleGrant),
    mediator: Type.Boolean(),
    speaksFor: Type.Array(Type.String(), { description: 'the parties whose records this reader writes' }),
    create: Type.Array(Type.String(), { description: 'the kinds of record this reader may record' }),
  },
  { additionalProperties: false, description: 'what the reader may do in this process' },
);
export const TokenView = open({ id: Type.String(), name: Type.String() }, 'an API token, never its secret');
export const TokenCreated = open(
  { id: Type.String(), name: Type.String(), token: Type.String({ description: 'shown once' }) },
  'a new API token with its secret',
);

export const CalendarFeedView = open(
  { id: Type.String(), processId: Type.String(), createdAt: Type.String(), lastUsedAt: Type.Union([Type.String(), Type.Null()]) },
  'a secret calendar address, never its secret',
);
export const CalendarFeedCreated = open(
  {
    id: Type.String(),
    processId: Type.String(),
    createdAt: Type.String(),
    lastUsedAt: Type.Null(),
    token: Type.String({ description: 'shown once' }),
    url: Type.String({ description: 'the path a calendar client subscribes to (shown once)' }),
  },
  'a new secret calendar address',
);

export const Health = open(
  { status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]), database: Type.String(), integrity: Type.Unknown() },
  'liveness and integrity',
);
export const ProcessView = open(
  {
    id: Type.String(),
    names: Type.Object(Names.properties, { additionalProperties: true }),
    description: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    areaOfInterest: Type.Optional(Type.Union([AreaOfInterestInput, Type.Null()])),
  },
  'a process on this server',
);
export const Integrity = open({}, 'the last integrity check of a process log');
export const ProcessExport = open({}, 'everything the reader may read in a process');

const Transition = open(
  {
    seq: Type.Integer(),
    from: Type.Union([MeetingStatus, Type.Null()]),
    to: MeetingStatus,
    at: Type.String(),
    reason: RecordText(2000),
    reasonLanguage: ReasonLanguage,
    sources: Type.Array(SourceRef),
    recordedBy: Type.String(),
    recordedAt: Type.String(),
    claims: Type.Array(
      open(
        {
          seq: Type.Integer(),
          partyId: Type.String(),
          text: RecordText(2000),
          language: TextLanguage,
          sources: Type.Array(SourceRef),
          recordedBy: Type.String(),
        },
        "a side's account of the change",
      ),
    ),
  },
  "a change of the meeting status, with each side's claims about its cause",
);
const InvitationAnswer = open(
  {
    seq: Type.Integer(),
    status: InvitationStatus,
    at: Type.String(),
    conditions: Type.Array(open({ text: RecordText(1000), language: TextLanguage, sources: Type.Array(SourceRef) }, 'a condition of the answer')),
    sources: Type.Array(SourceRef),
    recordedBy: Type.String(),
  },
  "a party's answer to an invitation",
);
export const Dossier = open(
  {
    meeting: RecordRead(MeetingInput, true),
    history: Type.Array(Transition),
    invitations: Type.Array(
      Type.Object({ ...RecordRead(InvitationInput, true).properties, responses: Type.Array(InvitationAnswer) }, { additionalProperties: true }),
    ),
    attendance: Type.Array(RecordRead(AttendanceInput)),
  },
  'a meeting with its history, claims, invitations (with their answers) and attendance',
);
export const CauseClaimAdded = Type.Object({ transition: Type.Integer(), seq: Type.Integer() });
export const Matrix = open(
  {
    agreementId: Type.String(),
    dates: Type.Array(Type.String()),
    provisions: Type.Array(
      open(
        { number: Type.String(), paraphrase: Type.Object(Names.properties, { additionalProperties: true }), categories: Type.Array(Type.String()) },
        'a provision',
      ),
    ),
    rows: Type.Array(
      Type.Object({
        provisionNumber: Type.String(),
        cells: Type.Array(
          Type.Record(
            Type.String(),
            open({ level: Type.Integer(), assessmentId: Type.String(), assessor: Type.String() }, 'the latest assessment of a perspective'),
          ),
          {
            description: 'one per date; per perspective, the latest assessment on or before it',
          },
        ),
      }),
    ),
  },
  'the implementation matrix: provision × date',
);
export const VerificationDone = Type.Object({ incident: RecordRead(IncidentInput, true), step: RecordRead(VerificationInput) });
export const ImportReport = open({}, 'the outcome of an import, with a report per row');

export const LogKey = Type.Object({ origin: Type.String(), key: Type.String() });
export const InclusionProof = open(
  { index: Type.Integer(), size: Type.Integer(), proof: Type.Array(Type.String({ contentEncoding: 'base64' })) },
  'an RFC 6962 inclusion proof',
);
export const ConsistencyProof = open(
  { from: Type.Integer(), to: Type.Integer(), proof: Type.Array(Type.String({ contentEncoding: 'base64' })) },
  'an RFC 6962 consistency proof',
);
export const Receipt = open(
  {
    format: Type.String(),
    envelope: open({ commitment: Type.String() }, 'the log leaf: what the log commits to'),
    index: Type.String({ description: 'decimal, so indices beyond 2^53 survive JSON' }),
    proof: Type.Array(Type.String({ contentEncoding: 'base64' })),
    checkpoint: Type.String({ description: 'the signed checkpoint note, cosignatures included' }),
    body: Type.Optional(Type.Unknown()),
    salt: Type.Optional(Type.String({ description: 'base64url without padding' })),
  },
  "a record's receipt: its leaf, the inclusion proof and the checkpoint",
);
export const WitnessView = Type.Object(Witness.properties, { additionalProperties: true });
export const Redacted = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  redacted: Type.Literal(true),
  erasedEntries: Type.Array(Type.Unknown(), { description: 'the journal entries whose bodies were erased' }),
});

const Feature = open(
  { type: Type.Literal('Feature'), geometry: Type.Unknown(), properties: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]) },
  'a GeoJSON Feature',
);
export const FeatureCollection = open({ type: Type.Literal('FeatureCollection'), features: Type.Array(Feature) }, 'a GeoJSON FeatureCollection (RFC 7946)');
export const ClusterCollection = open(
  {
    type: Type.Literal('FeatureCollection'),
    features: Type.Array(
      open(
        {
          type: Type.Literal('Feature'),
          geometry: Type.Object({ type: Type.Literal('Point'), coordinates: Type.Tuple([Type.Number(), Type.Number()]) }),
          properties: open({ count: Type.Integer(), killedBest: Type.Number(), incidentId: Type.Optional(Type.String()) }, 'a cluster, or one incident'),
        },
        'a cluster of incidents as a point',
      ),
    ),
  },
  'incident clusters as a GeoJSON FeatureCollection (RFC 7946)',
);
export const Series = open(
  {
    interval: Type.Union([Type.Literal('day'), Type.Literal('week')]),
    from: Type.Union([Type.String(), Type.Null()]),
    to: Type.Union([Type.String(), Type.Null()]),
    points: Type.Array(
      Type.Object(
        {
          start: Type.String({
            description: 'the first day of the interval (a Monday for weeks; the first week may begin before `from`, but counts only from it)',
          }),
          incidents: Type.Integer(),
          killedBest: Type.Number(),
          killedLow: Type.Number(),
          killedHigh: Type.Number(),
        },
        { additionalProperties: true },
      ),
    ),
  },
  'incidents and killed per day or ISO week',
);
const Bounds = Type.Object({ low: Type.Number(), best: Type.Number(), high: Type.Number() }, { additionalProperties: true });
const Change = Type.Object({ today: Type.Number(), previous: Type.Number(), change: Type.Number() }, { additionalProperties: true });
const InViolation = open(
  {
    observationId: Type.String(),
    date: Type.String(),
    weapon: Type.String(),
    weaponPartyId: Type.Union([Type.String(), Type.Null()]),
    distanceKm: Type.Number(),
    rule: open(
      { agreement: Type.String(), category: Type.String(), requiredKm: Type.Number(), inForce: Type.Boolean(), text: Type.String() },
      'the withdrawal rule broken',
    ),
    line: open({ id: Type.String(), date: Type.String(), approximate: Type.Boolean() }, 'the reference line'),
  },
  'a weapon sighted closer to its reference line than its category must keep',
);
export const Violations = ItemsOf(InViolation);
const RestrictionSeen = open(
  {
    id: Type.String(),
    date: Type.String(),
    place: Type.Object({ name: Type.String(), admin1: Type.Optional(Type.String()) }, { additionalProperties: true }),
    byPartyId: Type.Optional(Type.String()),
    byLabel: Type.Optional(Type.String()),
    description: Type.String(),
  },
  'a restriction of the monitors',
);
export const DailyReport = open(
  {
    date: Type.String(),
    previousDate: Type.String(),
    ceasefire: Type.Union([
      Type.Null(),
      open(
        {
          agreementId: Type.String(),
          agreementTitles: Names,
          agreementShortName: Type.Union([Type.String(), Type.Null()]),
          provisionId: Type.String(),
          provisionNumber: Type.String(),
          since: Type.String(),
        },
        'the ceasefire in force on the day; null before one begins, when incidents are not its violations',
      ),
    ]),
    regions: Type.Array(
      open(
        {
          region: Type.String(),
          incidents: Change,
          explosions: Change,
          killed: Bounds,
          injured: Bounds,
          weaponsInViolation: Type.Array(InViolation),
          restrictions: Type.Array(RestrictionSeen),
        },
        "one region's day",
      ),
    ),
    totals: open(
      { incidents: Change, explosions: Change, killed: Bounds, injured: Bounds, weaponsInViolation: Type.Integer(), restrictions: Type.Integer() },
      'the sums over the regions',
    ),
  },
  'the daily monitoring report',
);

/** A body that is not JSON: CSV, iCalendar, a signed note, tile bytes. */
export const Text = (mediaType: string, description: string) => ({ description, content: { [mediaType]: { schema: Type.String() } } });
export const NoContent = { description: 'done; no body', type: 'null' } as const;

export const ERROR_STATUS_DESCRIPTIONS = {
  400: 'the request is malformed or breaks a rule',
  401: 'no valid session or token',
  403: 'not allowed for this account or origin',
  404: 'no such record or process, or it is not visible to you',
  409: 'conflict: stale version, already exists or concurrent write',
  410: 'the one-time link has expired, was used or was revoked',
  413: 'the body is too large',
  415: 'unsupported Content-Type',
  422: 'the change is not possible from the current state',
  429: 'too many attempts; see Retry-After',
  503: 'the process log fails its integrity check; it is not served or written until repaired',
} as const;
export type ErrorStatus = keyof typeof ERROR_STATUS_DESCRIPTIONS;

/** The error shape as a shared schema: the server registers it once and every error status refers to it. */
export const ERROR_BODY_ID = 'ErrorBody';
export const ErrorBodySchema = Type.Object(ErrorBody.properties, {
  $id: ERROR_BODY_ID,
  description: 'every refusal: a stable code and reason, a message for people, and details',
});
export const ErrorResponse = (status: ErrorStatus) => ({ description: ERROR_STATUS_DESCRIPTIONS[status], $ref: `${ERROR_BODY_ID}#` });

/** A route's responses: its success bodies by status and the error statuses it can give, each in the error shape. */
export function Responses(success: Record<number, unknown>, errors: readonly ErrorStatus[]): Record<number, unknown> {
  return { ...success, ...Object.fromEntries(errors.map((s) => [s, ErrorResponse(s)])) };
}

/** Error statuses by kind of operation. Any request can be malformed (400), carry a bad token (401) or name a missing process (404). */
export const READ_ERRORS = [400, 401, 404] as const satisfies readonly ErrorStatus[];
/**
 * A write may also be refused by the policy or the origin check (403), conflict (409), be too large (413), not be JSON (415),
 * be impossible now (422), or find the process log failing its integrity check, which stops every write until repaired (503).
 */
export const WRITE_ERRORS = [400, 401, 403, 404, 409, 413, 415, 422, 503] as const satisfies readonly ErrorStatus[];

/** OpenAPI security requirements: a session cookie or a bearer token; public reads also take neither. */
type Requirement = Record<string, string[]>;
export const SECURITY: Record<'signedIn' | 'optional' | 'sessionOnly' | 'none', Requirement[]> = {
  signedIn: [{ session: [] }, { token: [] }],
  optional: [{}, { session: [] }, { token: [] }],
  sessionOnly: [{ session: [] }],
  none: [],
};
