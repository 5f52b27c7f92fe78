import { Type, type Static } from '@sinclair/typebox';
import { Id, PreciseDate, Strict, Version } from './common.ts';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/**
 * Detainee records carry ids with no meaning (random, 26 base32 letters after a prefix), so an id seen in a
 * log, a URL or a screenshot says nothing about the person; the database refuses any other form.
 */
export const DetaineeId = Type.String({ pattern: '^dt_[a-z2-7]{26}$', description: 'random: carries no meaning' });
export const ExchangeId = Type.String({ pattern: '^(dl|rc|xb)_[a-z2-7]{26}$', description: 'random: carries no meaning' });

export const DetaineeStatusValue = lit('held', 'listed', 'verified', 'exchanged', 'released', 'deceased', 'missing');

/** One person as one side's list writes them: names exactly as written, in whatever script. */
export const DetaineeEntry = Type.Object(
  {
    surname: Text(100),
    given: Text(100),
    patronymic: Type.Optional(Text(100)),
    /** YYYY, YYYY-MM or YYYY-MM-DD: the precision the list gives; left out when it gives none. */
    birthDate: Type.Optional(PreciseDate),
    birthPlace: Type.Optional(Text(200)),
    category: lit('military', 'civilian', 'unknown'),
    unit: Type.Optional(Text(200)),
    capturedOn: Type.Optional(PreciseDate),
    capturedAt: Type.Optional(Text(200)),
    note: Type.Optional(Text(1000)),
  },
  Strict,
);
export type DetaineeEntry = Static<typeof DetaineeEntry>;

/**
 * A party's list: the people it holds ("held_by_us"), or the people it says another party holds
 * ("held_by_them"). A list is that party's record; submitting it again under its id is its next version.
 */
export const ListSide = lit('held_by_us', 'held_by_them');
export const DetaineeListInput = Type.Object(
  {
    partyId: Id,
    side: ListSide,
    /** The party holding the people listed: the submitting party for "held_by_us". */
    heldBy: Id,
    title: Text(200),
    entries: Type.Array(DetaineeEntry, { maxItems: 100_000 }),
    /** Set to write the next version of a list; the version it replaces. */
    replaces: Type.Optional(Type.Object({ listId: ExchangeId, version: Version() }, Strict)),
  },
  Strict,
);
export type DetaineeListInput = Static<typeof DetaineeListInput>;

/** Every read of detainee data states why; the reason is kept in the access log. */
export const Purpose = Type.String({ minLength: 3, maxLength: 300, description: 'why the data is read; kept in the access log' });

export const ReconcileInput = Type.Object({ lists: Type.Tuple([ExchangeId, ExchangeId]) }, Strict);

export const Decision = lit('accept', 'reject', 'skip', 'split', 'merge');
export const DecisionInput = Type.Object(
  {
    a: DetaineeId,
    b: DetaineeId,
    decision: Decision,
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  Strict,
);
export type DecisionInput = Static<typeof DecisionInput>;

export const StatusInput = Type.Object(
  {
    status: DetaineeStatusValue,
    at: PreciseDate,
    source: Text(500),
  },
  Strict,
);

export const BatchInput = Type.Object(
  {
    title: Text(200),
    terms: lit('all_for_all', 'n_for_m'),
    /** What was agreed, as numbers: "306 for 74" is { a: 306, b: 74 }. */
    agreed: Type.Object({ a: Type.Integer({ minimum: 0, maximum: 100_000 }), b: Type.Integer({ minimum: 0, maximum: 100_000 }) }, Strict),
    sides: Type.Tuple([Id, Id]),
    agreedOn: PreciseDate,
    people: Type.Array(DetaineeId, { maxItems: 100_000, uniqueItems: true }),
  },
  Strict,
);
export type BatchInput = Static<typeof BatchInput>;

export const DeliveryInput = Type.Object(
  {
    version: Version(),
    deliveredOn: PreciseDate,
    delivered: Type.Array(DetaineeId, { maxItems: 100_000, uniqueItems: true }),
    refused: Type.Array(Type.Object({ id: DetaineeId, reason: Text(500) }, Strict), { maxItems: 100_000 }),
  },
  Strict,
);
export type DeliveryInput = Static<typeof DeliveryInput>;

export const ReviewerInput = Type.Object({ accountId: Id }, Strict);
export const ErasureInput = Type.Object({ reason: Text(500) }, Strict);
