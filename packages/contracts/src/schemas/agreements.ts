import { Type } from '@sinclair/typebox';
import { AudienceFields, Id, Names, PreciseDate, SourceRef, Strict } from './common.ts';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const AgreementInput = Type.Object(
  {
    id: Type.Optional(Id),
    titles: Names,
    shortNames: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { default: [] }),
    date: PreciseDate,
    place: Type.Optional(Names),
    stage: Type.Optional(Type.String({ maxLength: 40, description: 'PA-X stage, e.g. Cea/Ceas' })),
    external: Type.Array(
      Type.Object(
        {
          scheme: lit('pax'),
          id: Type.String({ maxLength: 40 }),
          release: Type.Optional(Type.String({ maxLength: 20 })),
          note: Type.Optional(Type.String({ maxLength: 300 })),
        },
        Strict,
      ),
      { default: [] },
    ),
    signatories: Type.Array(
      Type.Object(
        {
          personId: Id,
          onBehalfOf: Type.Optional(Id),
          capacity: Type.String({ minLength: 1, maxLength: 300 }),
          disputed: Type.Optional(Type.String({ maxLength: 500 })),
        },
        Strict,
      ),
      { default: [] },
    ),
    thirdParties: Type.Array(Id, { default: [] }),
    relations: Type.Array(Type.Object({ type: lit('implements', 'supersedes', 'endorses', 'amends'), agreementId: Id }, Strict), { default: [] }),
    sources: Type.Array(SourceRef, { default: [] }),
    ...AudienceFields,
  },
  Strict,
);

export const Deadline = Type.Union([
  Type.Object({ kind: Type.Literal('absolute'), at: PreciseDate }, Strict),
  Type.Object(
    { kind: Type.Literal('relative'), anchor: Type.String({ minLength: 1, maxLength: 200 }), days: Type.Integer({ minimum: 0, maximum: 3650 }) },
    Strict,
  ),
]);

export const ProvisionInput = Type.Object(
  {
    number: Type.String({ pattern: '^[0-9]{1,3}(\\.[0-9]{1,3})*$' }),
    paraphrase: Names,
    categories: Type.Array(Type.String({ pattern: '^[A-Za-z][A-Za-z/]{1,40}$' }), { default: [] }),
    obligated: Type.Array(Id, { default: [] }),
    deadline: Type.Optional(Deadline),
    dependsOn: Type.Array(Type.String({ pattern: '^[0-9]{1,3}(\\.[0-9]{1,3})*$' }), { default: [] }),
    ...AudienceFields,
  },
  Strict,
);

export const AssessmentInput = Type.Object(
  {
    level: Type.Integer({ minimum: 0, maximum: 3, description: 'Peace Accords Matrix: 0 not initiated, 1 minimal, 2 intermediate, 3 complete' }),
    asOf: PreciseDate,
    assessor: Type.String({ minLength: 1, maxLength: 200 }),
    perspective: Type.Union([Type.Literal('neutral'), Id], { description: "'neutral' or the id of the party whose view this is" }),
    rationale: Type.String({ minLength: 1, maxLength: 4000 }),
    evidence: Type.Array(
      Type.Object({ kind: lit('source', 'statement', 'incident', 'meeting', 'figure'), id: Id, note: Type.Optional(Type.String({ maxLength: 500 })) }, Strict),
      { minItems: 1 },
    ),
    ...AudienceFields,
  },
  Strict,
);
