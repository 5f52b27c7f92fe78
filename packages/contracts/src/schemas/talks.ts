import { Type, type Static } from '@sinclair/typebox';
import { AudienceFields, Id, INT4_MAX, Names, PreciseDate, RecordText, SourceRef, Strict, TextLanguage, Version } from './common.ts';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const ProcessInput = Type.Object({ id: Id, names: Names, description: Type.Optional(Type.String({ maxLength: 4000 })) }, Strict);

export const PartyKind = lit('state', 'intergovernmental_organisation', 'entity', 'other');
export const PartyInput = Type.Object(
  {
    id: Type.Optional(Id),
    names: Names,
    aliases: Type.Array(
      Type.Object(
        {
          text: Type.String({ minLength: 1, maxLength: 300 }),
          lang: Type.Optional(lit('en', 'uk', 'ru')),
          note: Type.Optional(Type.String({ maxLength: 300 })),
        },
        Strict,
      ),
      { default: [] },
    ),
    kind: PartyKind,
    paxActorId: Type.Optional(Type.String({ maxLength: 40 })),
    ...AudienceFields,
  },
  Strict,
);

export const PersonInput = Type.Object(
  { id: Type.Optional(Id), names: Names, partyId: Type.Optional(Id), note: Type.Optional(Type.String({ maxLength: 1000 })), ...AudienceFields },
  Strict,
);

export const MandateInput = Type.Object(
  {
    id: Type.Optional(Id),
    personId: Id,
    partyId: Type.Optional(Id),
    role: lit('envoy', 'signatory', 'spokesperson', 'mediator', 'delegate', 'head_of_delegation'),
    from: PreciseDate,
    to: Type.Optional(PreciseDate),
    standing: lit('official', 'disputed'),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    sources: Type.Array(SourceRef, { default: [] }),
    ...AudienceFields,
  },
  Strict,
);

export const ForumInput = Type.Object(
  {
    id: Type.Optional(Id),
    names: Names,
    shortName: Type.Optional(Type.String({ maxLength: 40 })),
    members: Type.Array(Type.Object({ partyId: Id, role: lit('party', 'mediator', 'host', 'observer') }, Strict), { minItems: 1 }),
    participants: Type.Array(Type.Object({ partyId: Id, note: Type.Optional(Type.String({ maxLength: 500 })) }, Strict), { default: [] }),
    ...AudienceFields,
  },
  Strict,
);

export const MeetingStatus = lit('proposed', 'scheduled', 'in_progress', 'held', 'postponed', 'cancelled', 'lapsed');
export type MeetingStatus = Static<typeof MeetingStatus>;

export const Place = Type.Object(
  {
    names: Names,
    lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
  },
  Strict,
);

export const AgendaItem = Type.Object({ number: Type.Integer({ minimum: 1, maximum: INT4_MAX }), title: Names, proposedBy: Type.Optional(Id) }, Strict);

export const MeetingInput = Type.Object(
  {
    id: Type.Optional(Id),
    forumId: Id,
    title: Names,
    kind: lit('round', 'working_group', 'preparatory_teleconference', 'summit', 'consultation'),
    modality: lit('in_person', 'video', 'phone', 'hybrid'),
    place: Type.Optional(Place),
    timeZone: Type.String({ minLength: 1, maxLength: 60, description: 'IANA time zone, e.g. Europe/Minsk' }),
    plannedStart: Type.Optional(PreciseDate),
    plannedEnd: Type.Optional(PreciseDate),
    actualStart: Type.Optional(PreciseDate),
    actualEnd: Type.Optional(PreciseDate),
    hostPartyId: Type.Optional(Id),
    hostRequiresConfirmation: Type.Boolean({ default: false }),
    agenda: Type.Array(AgendaItem, { default: [] }),
    outcome: Type.Optional(
      Type.Object({ summary: Names, agreementIds: Type.Array(Id, { default: [] }), sources: Type.Array(SourceRef, { default: [] }) }, Strict),
    ),
    minutes: Type.Optional(Type.String({ maxLength: 20000 })),
    sources: Type.Array(SourceRef, { default: [] }),
    ...AudienceFields,
  },
  Strict,
);
export type MeetingInput = Static<typeof MeetingInput>;

/**
 * A side's account of why a change happened; a disputed change holds several. Its words are the side's own,
 * as a statement's are: one string in `language`, or the variants its source gives.
 */
export const CauseClaim = Type.Object({ partyId: Id, text: RecordText(2000), language: TextLanguage, sources: Type.Array(SourceRef, { minItems: 1 }) }, Strict);

/** The language of a status change's `reason`, as `language` is of a claim's `text`. */
export const ReasonLanguage = Type.Optional(
  Type.String({ pattern: '^[a-z]{2,3}$', description: 'the language of `reason` as the source gave it; en when not said' }),
);

export const TransitionInput = Type.Object(
  {
    to: MeetingStatus,
    at: PreciseDate,
    reason: RecordText(2000),
    reasonLanguage: ReasonLanguage,
    sources: Type.Array(SourceRef, { default: [] }),
    claims: Type.Array(CauseClaim, { default: [] }),
    version: Version({ description: 'the meeting version this change was made against' }),
  },
  Strict,
);

export const CauseClaimInput = Type.Object({ transition: Version(), claim: CauseClaim }, Strict);

export const InvitationStatus = lit('invited', 'confirmed', 'declined', 'declined_with_conditions', 'tentative');
/** A condition in the answering side's own words: one string in its language, or the variants its source gives. */
export const Condition = Type.Object({ text: RecordText(1000), language: TextLanguage, sources: Type.Array(SourceRef, { default: [] }) }, Strict);

export const InvitationInput = Type.Object({ partyId: Id, note: Type.Optional(Type.String({ maxLength: 1000 })), ...AudienceFields }, Strict);

export const InvitationResponseInput = Type.Object(
  {
    status: InvitationStatus,
    at: PreciseDate,
    conditions: Type.Array(Condition, { default: [] }),
    sources: Type.Array(SourceRef, { default: [] }),
    version: Version(),
  },
  Strict,
);

export const AttendanceInput = Type.Object(
  {
    partyId: Id,
    personId: Type.Optional(Id),
    status: lit('attended', 'no_show', 'left_early', 'substitute'),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    sources: Type.Array(SourceRef, { default: [] }),
  },
  Strict,
);
