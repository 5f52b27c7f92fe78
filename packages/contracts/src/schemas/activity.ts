import { Type, type Static } from '@sinclair/typebox';
import { Audience, Id, STORED_KINDS, Strict } from './common.ts';

/** What an activity entry can be about: every stored kind, the histories beside them, and the process's own entries. */
export const ACTIVITY_KINDS = [
  ...STORED_KINDS,
  'meeting_transition',
  'cause_claim',
  'invitation_response',
  'process',
  'witness',
  'role_grant',
  'redaction',
  'checkpoint',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ActivityKindSchema = Type.Union(
  ACTIVITY_KINDS.map((k) => Type.Literal(k)),
  { description: 'a kind of journal entry' },
);

/** What a change did, as the journal tells it. */
export const ACTIVITY_VERBS = ['created', 'revised', 'audience_changed', 'transition', 'cause_claim', 'answered', 'redacted', 'recorded'] as const;
export type ActivityVerb = (typeof ACTIVITY_VERBS)[number];

export const ACTIVITY_LIMIT_MAX = 200;

export const ActivityQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: ACTIVITY_LIMIT_MAX, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 100, description: 'the `next` of the previous page' })),
    kind: Type.Optional(ActivityKindSchema),
    party: Type.Optional(Id),
    from: Type.Optional(Type.String({ format: 'date', description: 'changes on or after this day (UTC)' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'changes on or before this day (UTC)' })),
  },
  Strict,
);
export type ActivityQuery = Static<typeof ActivityQuery>;

const Visibility = Type.Object({ audience: Audience, audienceParty: Type.Union([Id, Type.Null()]) }, { additionalProperties: false });
const Text = Type.String({ maxLength: 500 });

export const ActivityEntry = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    kind: ActivityKindSchema,
    recordId: Type.String(),
    version: Type.Integer({ minimum: 0 }),
    verb: Type.Union(ACTIVITY_VERBS.map((v) => Type.Literal(v))),
    by: Type.Object(
      {
        username: Type.String(),
        side: Type.Union([Type.Literal('mediator'), Type.Literal('party'), Type.Literal('author')]),
        partyId: Type.Optional(Id),
      },
      { additionalProperties: false, description: 'who wrote it, and for which side they write in this process' },
    ),
    subject: Type.Union([Type.Object({ kind: ActivityKindSchema, id: Type.String() }, { additionalProperties: false }), Type.Null()], {
      description: 'the record the entry is about (a history row’s meeting or invitation, a redaction’s record)',
    }),
    title: Type.Union([
      Type.Object({ en: Type.Optional(Text), uk: Type.Optional(Text), ru: Type.Optional(Text) }, { additionalProperties: true }),
      Type.Null(),
    ]),
    audience: Type.Union([Visibility, Type.Null()], { description: 'who may read the record now' }),
    previousAudience: Type.Optional(Visibility),
    status: Type.Optional(Type.String({ description: 'a meeting’s new status, an invitation’s answer' })),
  },
  { additionalProperties: true, description: 'one change in the process, which the reader may see' },
);
export type ActivityEntry = Static<typeof ActivityEntry>;

export const ActivityPage = Type.Object({ items: Type.Array(ActivityEntry), next: Type.Union([Type.String(), Type.Null()]) });
export type ActivityPage = Static<typeof ActivityPage>;
