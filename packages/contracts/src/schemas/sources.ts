import { Type, type Static } from '@sinclair/typebox';
import { AudienceFields, Id, PreciseDate, RecordText, Strict, TextLanguage } from './common.ts';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const SourceKind = lit('article', 'official_statement', 'monitoring_report', 'agreement_text', 'dataset', 'minutes');

export const SourceInput = Type.Object(
  {
    id: Type.Optional(Id),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    publisher: Type.String({ minLength: 1, maxLength: 200 }),
    date: PreciseDate,
    language: Type.String({ pattern: '^[a-z]{2,3}$' }),
    url: Type.Optional(Type.String({ format: 'uri', maxLength: 2000 })),
    kind: SourceKind,
    note: Type.Optional(Type.String({ maxLength: 1000, description: 'e.g. state or partisan media' })),
    ...AudienceFields,
  },
  Strict,
);

/** A half-open range of UTF-16 code units into a source's reading: what `text.slice(start, end)` gives. */
export const TextSpan = Type.Object({ start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 0 }) }, Strict);
export type TextSpan = Static<typeof TextSpan>;
/** Where in its source's reading a record was confirmed from (see the source's reading). */
const SourceSpan = Type.Optional(
  Type.Object(
    { start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }) },
    { ...Strict, description: 'where in the source’s reading the words are' },
  ),
);

export const Stance = lit('appeal', 'condition', 'accusation', 'denial', 'rejection', 'commitment', 'claim', 'report');

export const StatementInput = Type.Object(
  {
    id: Type.Optional(Id),
    speakerId: Type.Optional(Id),
    speakerPartyId: Type.Optional(Id),
    speakerLabel: Type.Optional(Type.String({ maxLength: 300, description: 'when the speaker is not a known person, e.g. "Western governments"' })),
    date: PreciseDate,
    venue: Type.Optional(Type.String({ maxLength: 300 })),
    speech: lit('direct', 'reported', 'mixed'),
    text: RecordText(4000),
    language: TextLanguage,
    stance: Stance,
    topic: Type.Optional(Type.String({ maxLength: 200 })),
    partyIds: Type.Array(Id, { default: [] }),
    meetingIds: Type.Array(Id, { default: [] }),
    sourceId: Id,
    sourceSpan: SourceSpan,
    ...AudienceFields,
  },
  Strict,
);

export const ClaimInput = Type.Object(
  {
    id: Type.Optional(Id),
    text: RecordText(2000),
    language: TextLanguage,
    claimantPartyId: Type.Optional(Id),
    statementId: Type.Optional(Id),
    sourceId: Id,
    counters: Type.Array(Id, { default: [], description: 'claims this one contradicts' }),
    subject: Type.Optional(Type.String({ maxLength: 200 })),
    sourceSpan: SourceSpan,
    ...AudienceFields,
  },
  Strict,
);

export const FigureInput = Type.Object(
  {
    id: Type.Optional(Id),
    qualifier: lit('exactly', 'more_than', 'at_least', 'about', 'fewer_than', 'up_to'),
    value: Type.Number({ minimum: 0 }),
    low: Type.Optional(Type.Number({ minimum: 0 })),
    high: Type.Optional(Type.Number({ minimum: 0 })),
    unit: Type.String({ minLength: 1, maxLength: 40 }),
    measure: Type.String({ minLength: 1, maxLength: 80, description: 'e.g. killed, wounded, detainees released' }),
    periodFrom: Type.Optional(PreciseDate),
    periodTo: Type.Optional(PreciseDate),
    asOf: PreciseDate,
    place: Type.Optional(Type.String({ maxLength: 200 })),
    sourceId: Id,
    statementId: Type.Optional(Id),
    sourceSpan: SourceSpan,
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    ...AudienceFields,
  },
  Strict,
);
