import { Type, type TProperties, type Static } from '@sinclair/typebox';
import { DetaineeEntry, DetaineeStatusValue, ListSide } from './exchanges.ts';

const view = <T extends TProperties>(properties: T, description: string) => Type.Object(properties, { additionalProperties: false, description });
const Recorded = { recordedBy: Type.String(), recordedAt: Type.String() };
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DetaineeListView = view(
  {
    listId: Type.String(),
    version: Type.Integer(),
    versions: Type.Optional(Type.Integer()),
    partyId: Type.String(),
    side: ListSide,
    heldBy: Type.String(),
    title: Type.String(),
    entries: Type.Integer(),
    ...Recorded,
  },
  'one version of a party’s list, without its people',
);

export const ListsView = view(
  {
    lists: Type.Array(DetaineeListView),
    role: Type.Union([Type.Literal('mediator'), Type.Literal('reviewer'), Type.Literal('party')]),
    parties: Nullable(Type.Array(Type.String())),
  },
  'the lists the reader may see, and as whom',
);

export const StatusView = view(
  { detaineeId: Type.String(), seq: Type.Integer(), status: DetaineeStatusValue, at: Type.String(), source: Type.String(), ...Recorded },
  'a status of a person from a date, with its source',
);

export const DetaineeView = view(
  {
    id: Type.String(),
    listId: Type.String(),
    listVersion: Type.Integer(),
    line: Type.Integer(),
    entry: Nullable(DetaineeEntry),
    erased: Type.Boolean(),
    partyId: Type.String(),
    heldBy: Type.String(),
    side: ListSide,
    statuses: Type.Array(StatusView),
    ...Recorded,
  },
  'a person as one list writes them; entry is null once erased',
);
export type DetaineeView = Static<typeof DetaineeView>;

export const ListView = view({ list: DetaineeListView, versions: Type.Integer(), people: Type.Array(DetaineeView) }, 'a list with its people');
export const SubmittedListView = view({ listId: Type.String(), version: Type.Integer(), entries: Type.Integer() }, 'the list as stored');

const PersonRef = view({ id: Type.String(), line: Type.Integer(), entry: Nullable(DetaineeEntry), erased: Type.Boolean() }, 'a person of one of the two lists');
const FieldView = view({ field: Type.String(), level: Type.String(), weight: Type.Number() }, 'how one field agreed, and the bits it added to the score');
const DecisionView = view(
  { seq: Type.Integer(), a: Type.String(), b: Type.String(), decision: Type.String(), reason: Nullable(Type.String()), ...Recorded },
  'a decision on a pair',
);
export const PairView = view(
  {
    a: PersonRef,
    b: PersonRef,
    band: Type.Union([Type.Literal('auto'), Type.Literal('review'), Type.Literal('manual')]),
    state: Type.Union([Type.Literal('matched'), Type.Literal('pending'), Type.Literal('rejected')]),
    match: Nullable(
      view(
        {
          a: Type.String(),
          b: Type.String(),
          band: Type.String(),
          weight: Type.Number(),
          probability: Type.Number(),
          swapped: Type.Boolean(),
          fields: Type.Array(FieldView),
          closeCompetitor: Type.Optional(view({ a: Type.String(), b: Type.String(), weight: Type.Number() }, 'another candidate that scored close')),
        },
        'the engine’s proposal and its explanation',
      ),
    ),
    decisions: Type.Array(DecisionView),
    conflicts: Type.Array(Type.String()),
  },
  'a pair of people as reviewed',
);
export type PairView = Static<typeof PairView>;

const Summary = view(
  {
    auto: Type.Integer(),
    review: Type.Integer(),
    onlyA: Type.Integer(),
    onlyB: Type.Integer(),
    candidatePairs: Type.Integer(),
    matched: Type.Optional(Type.Integer()),
    pending: Type.Optional(Type.Integer()),
  },
  'counts',
);
const ListVersionRef = view({ listId: Type.String(), version: Type.Integer() }, 'a version of a list');
export const ReconciliationSummary = view({ id: Type.String(), ...Summary.properties }, 'what the engine proposed, in counts');
export const ReconciliationItem = view(
  { id: Type.String(), lists: Type.Array(ListVersionRef), ...Recorded, ...Summary.properties },
  'a reconciliation of two lists',
);
export const ReconciliationReport = view(
  {
    id: Type.String(),
    lists: Type.Array(DetaineeListView),
    ...Recorded,
    summary: Summary,
    matched: Type.Array(PairView),
    review: Type.Array(PairView),
    rejected: Type.Array(PairView),
    onlyA: Type.Array(PersonRef),
    onlyB: Type.Array(PersonRef),
    conflicts: Type.Array(PairView),
  },
  'matched, to review, on one list only, and matched people whose details disagree',
);
export type ReconciliationReport = Static<typeof ReconciliationReport>;

const SideCount = view(
  {
    side: Type.String(),
    agreed: Type.Integer(),
    named: Type.Integer(),
    delivered: Nullable(Type.Integer()),
    refused: Nullable(Type.Integer()),
    notDelivered: Nullable(Type.Integer()),
    deliveredNotAgreed: Nullable(Type.Integer()),
  },
  'one side of a batch: agreed, named, delivered, refused',
);
export const BatchItem = view(
  { id: Type.String(), version: Type.Integer(), title: Type.String(), terms: Type.String(), agreedOn: Type.String(), sides: Type.Array(SideCount) },
  'an exchange batch in numbers',
);
export const BatchView = view(
  {
    id: Type.String(),
    version: Type.Integer(),
    batch: Type.Unsafe<Record<string, unknown>>(Type.Object({}, { additionalProperties: true })),
    sides: Type.Array(SideCount),
    people: Type.Array(
      view({ id: Type.String(), heldBy: Type.String(), listId: Type.String(), line: Type.Integer(), entry: Nullable(DetaineeEntry) }, 'a person of the batch'),
    ),
    ...Recorded,
  },
  'an exchange batch with its people',
);
export const ReviewerView = view({ accountId: Type.String(), version: Type.Integer(), active: Type.Boolean(), ...Recorded }, 'a reviewer of detainee data');
export const AccessView = view(
  { id: Type.String(), action: Type.String(), purpose: Type.String(), subjects: Type.Array(Type.String()), ...Recorded },
  'one read of detainee data',
);
