import { Type, type Static } from '@sinclair/typebox';
import { AudienceFields, Id, Strict } from './common.ts';
import { SourceInput, Stance, TextSpan } from './sources.ts';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const { title, publisher, date, language, url, kind, note } = SourceInput.properties;
/** What a person says about a document they hand in: a source's own fields, where the reader fills in a title and language left out. */
export const IngestMeta = {
  title: Type.Optional(title),
  publisher,
  date,
  language: Type.Optional(language),
  url,
  kind,
  note,
  fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '^[^\\u0000-\\u001f/\\\\]+$' })),
  ...AudienceFields,
};
export const IngestQuery = Type.Object(IngestMeta, Strict);
export type IngestQuery = Static<typeof IngestQuery>;

/** Pasted text or HTML, as the browser's paste form sends it. */
export const PastedDocument = Type.Object({ ...IngestMeta, format: lit('text', 'html'), content: Type.String({ minLength: 1, maxLength: 5_000_000 }) }, Strict);
export type PastedDocument = Static<typeof PastedDocument>;

export const JobId = Type.String({ pattern: '^ij_[a-z2-7]{26}$' });

export const IngestJobView = Type.Object(
  {
    id: JobId,
    state: lit('queued', 'running', 'done', 'failed'),
    stage: lit('queued', 'decoding', 'extracting', 'reading', 'saving', 'done', 'failed'),
    fileName: Type.Optional(Type.String()),
    title: Type.Optional(Type.String()),
    sha256: Type.String(),
    sourceId: Nullable(Id),
    outcome: Nullable(lit('created', 'duplicate')),
    error: Nullable(Type.Object({ code: Type.String(), reason: Type.String(), message: Type.String() })),
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { additionalProperties: false, description: 'a document being read: its stage, and the source it made or the error that ended it' },
);
export type IngestJobView = Static<typeof IngestJobView>;

const Words = Type.Object({ text: Type.String(), span: TextSpan });
const Mention = Type.Object({ mention: Type.String(), span: TextSpan });
const DateRange = Type.Object({ from: Type.String(), to: Type.String(), precision: Type.String(), text: Type.String(), span: TextSpan });

const CandidateBase = {
  n: Type.Integer({ minimum: 0 }),
  span: TextSpan,
  state: lit('pending', 'confirmed', 'rejected'),
  /** The record a confirmation made. */
  record: Type.Optional(Type.Object({ kind: Type.String(), id: Id })),
  decidedBy: Type.Optional(Type.String()),
};

export const StatementCandidateView = Type.Object({
  ...CandidateBase,
  kind: Type.Literal('statement'),
  content: TextSpan,
  speech: lit('direct', 'reported', 'mixed'),
  cue: Nullable(Words),
  speaker: Nullable(
    Type.Object({
      mention: Type.String(),
      span: TextSpan,
      resolved: Nullable(Type.Object({ kind: lit('person', 'party'), id: Type.String(), confidence: Type.Number(), how: Type.String() })),
    }),
  ),
  stance: Stance,
  trigger: Nullable(Words),
});
export const FigureCandidateView = Type.Object({
  ...CandidateBase,
  kind: Type.Literal('figure'),
  qualifier: lit('exactly', 'more_than', 'at_least', 'about', 'fewer_than', 'up_to'),
  value: Type.Number(),
  low: Type.Optional(Type.Number()),
  high: Type.Optional(Type.Number()),
  unit: Type.String(),
  measure: Type.String(),
  attributedTo: Nullable(Mention),
  period: Nullable(DateRange),
  asOf: Type.String(),
});
export const EventCandidateView = Type.Object({
  ...CandidateBase,
  kind: Type.Literal('event'),
  type: Type.String({ description: 'a PLOVER event type: consult, agree, accuse, reject, request, protest, assault…' }),
  mode: Type.String({ description: 'occurred, planned, cancelled, postponed, denied, proposed or failed' }),
  trigger: Words,
  actors: Type.Array(Type.Object({ mention: Type.String(), span: TextSpan, partyId: Nullable(Type.String()), role: lit('source', 'target') })),
  date: Nullable(DateRange),
  place: Nullable(Mention),
  match: Nullable(Type.Object({ kind: lit('meeting', 'incident'), id: Type.String(), confidence: Type.Number(), why: Type.String() })),
});
export const CandidateView = Type.Union([StatementCandidateView, FigureCandidateView, EventCandidateView]);
export type CandidateView = Static<typeof CandidateView>;

export const ReadingView = Type.Object(
  {
    sourceId: Id,
    reader: Type.String(),
    documentKind: lit('html', 'text', 'pdf'),
    encoding: Type.String(),
    pages: Type.Optional(Type.Integer()),
    title: Nullable(Type.String()),
    language: Nullable(Type.String()),
    text: Type.String({ description: 'the body without boilerplate; every span points into it' }),
    setAside: Type.Array(Type.String(), { description: 'what the boilerplate filter took out, kept for the reviewer' }),
    candidates: Type.Array(CandidateView),
    recordedAt: Type.String(),
  },
  { description: 'what Parley read in a source: nothing in it is in the record until a person confirms it' },
);
export type ReadingView = Static<typeof ReadingView>;

/**
 * A reviewer's decision on a candidate. A confirmation may correct what the reader proposed: `record` holds fields of
 * the record it makes (a statement, a figure, or for an event a claim), over the proposal.
 */
export const CandidateDecision = Type.Union([
  Type.Object(
    {
      decision: Type.Literal('confirm'),
      record: Type.Optional(Type.Object({}, { additionalProperties: true })),
      moveMeeting: Type.Optional(
        Type.Boolean({ description: 'for an event matched to a meeting: also move the meeting to the status the event reports (cancelled, postponed, held)' }),
      ),
    },
    Strict,
  ),
  Type.Object({ decision: Type.Literal('reject') }, Strict),
]);
export type CandidateDecision = Static<typeof CandidateDecision>;

/** What a source read from a document carries beside its own fields; only the ingestion writes them. */
export const IngestedDocument = Type.Object({
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  mediaType: Type.String(),
  byteSize: Type.Integer({ minimum: 1 }),
  fileName: Type.Optional(Type.String()),
});
export const NearCopy = Type.Object({ sourceId: Id, resemblance: Type.Number({ minimum: 0, maximum: 1 }) });
export type SourceDocumentFields = { document?: Static<typeof IngestedDocument>; nearDuplicateOf?: Static<typeof NearCopy> };
