import { Type } from '@sinclair/typebox';
import { AudienceFields, Id, SourceRef, Strict } from './common.ts';
import { VerificationStatus, WeaponCategory } from './monitoring.ts';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** In bodies the calendar is checked by the server, so the demo loader can validate them without ajv's formats. */
const BodyDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
/** A GeoJSON position, longitude first (RFC 7946), on the WGS84 globe. */
const Position = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]);

/** The withdrawal-rule sets, one per agreement that set distances. */
export const RuleSetId = lit('memorandum-2014-09-19', 'package-2015-02-12', 'addendum-2015-09-29');

export const LineInput = Type.Object(
  {
    id: Type.Optional(Id),
    kind: lit('contact', 'demarcation_proposal'),
    /** The day the line describes; a later line of the same kind is its next version on the ground. */
    date: BodyDay,
    basisAgreementId: Type.Optional(Id),
    claimantPartyId: Type.Optional(Id),
    approximate: Type.Boolean(),
    geometry: Type.Object({ type: Type.Literal('LineString'), coordinates: Type.Array(Position, { minItems: 2, maxItems: 20_000 }) }, Strict),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    sources: Type.Array(SourceRef, { default: [] }),
    ...AudienceFields,
  },
  Strict,
);

/** A restriction of the monitors' freedom of movement, as a mission's daily report lists them. */
export const RestrictionInput = Type.Object(
  {
    id: Type.Optional(Id),
    date: BodyDay,
    place: Type.Object(
      {
        name: Type.String({ minLength: 1, maxLength: 300 }),
        admin1: Type.Optional(Type.String({ maxLength: 200 })),
        lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
        lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
      },
      Strict,
    ),
    byPartyId: Type.Optional(Id),
    byLabel: Type.Optional(
      Type.String({ maxLength: 300, description: 'who restricted, when it is no party of the process (e.g. "armed men at a checkpoint")' }),
    ),
    description: Type.String({ minLength: 1, maxLength: 4000 }),
    sources: Type.Array(SourceRef, { default: [] }),
    ...AudienceFields,
  },
  Strict,
);

export const ViolationsQuery = Type.Object({ date: Day, agreement: Type.Optional(RuleSetId), category: Type.Optional(WeaponCategory) }, Strict);

export const DailyReportQuery = Type.Object({ date: Day, format: Type.Optional(lit('json', 'csv', 'html')) }, Strict);

export const ClustersQuery = Type.Object(
  {
    bbox: Type.String({ maxLength: 200, description: 'west,south,east,north in WGS84 degrees' }),
    zoom: Type.Integer({ minimum: 0, maximum: 22 }),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    kind: Type.Optional(lit('state_based', 'non_state', 'one_sided')),
    status: Type.Optional(VerificationStatus),
    party: Type.Optional(Id),
  },
  Strict,
);

export const LinesQuery = Type.Object({ date: Type.Optional(Day) }, Strict);
export const ZonesQuery = Type.Object({ date: Day, agreement: Type.Optional(RuleSetId) }, Strict);
export const ExportQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, Strict);
