import { Type, type Static } from '@sinclair/typebox';
import { Audience, Id, STORED_KINDS, Strict } from './common.ts';

/** The kinds of record a search looks through: every kind stored as a record. */
export const SEARCH_KINDS = STORED_KINDS;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const SearchKindSchema = Type.Union(
  SEARCH_KINDS.map((k) => Type.Literal(k)),
  { description: 'a kind of record' },
);

export const SEARCH_QUERY_MAX = 200;

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: SEARCH_QUERY_MAX,
      description:
        'words to find, each as the start of a word (“Донец” finds “Донецк”), all of them, in any language of the process; case and Latin accents do not matter, ё is е',
    }),
    kind: Type.Optional(SearchKindSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    cursor: Type.Optional(Type.String({ maxLength: 400, description: 'the `next` of the previous page' })),
  },
  Strict,
);
export type SearchQuery = Static<typeof SearchQuery>;

const Text = Type.String({ maxLength: 500 });
export const SearchTitle = Type.Object(
  { en: Type.Optional(Text), uk: Type.Optional(Text), ru: Type.Optional(Text) },
  { additionalProperties: true, description: 'the record’s name or title in the languages it has' },
);

export const SearchHit = Type.Object(
  {
    kind: SearchKindSchema,
    id: Id,
    title: Type.Union([SearchTitle, Type.Null()]),
    label: Type.String({ description: 'one line to show: the first name or title, else the start of the text, else the id' }),
    snippet: Type.String({ description: 'the passage that matched, at most about 200 characters' }),
    audience: Audience,
    audienceParty: Type.Union([Id, Type.Null()]),
    updatedAt: Type.String({ format: 'date-time' }),
    rank: Type.Number({ description: 'relevance (ts_rank; names and titles weigh more than other text)' }),
  },
  { additionalProperties: true, description: 'a record that matched, which the reader may see' },
);
export type SearchHit = Static<typeof SearchHit>;

export const SearchResults = Type.Object(
  { items: Type.Array(SearchHit), next: Type.Union([Type.String(), Type.Null()]) },
  { additionalProperties: true, description: 'hits by relevance, then the most recently changed first' },
);
export type SearchResults = Static<typeof SearchResults>;
