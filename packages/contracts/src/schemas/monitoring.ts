import { Type } from '@sinclair/typebox';
import { AudienceFields, Id, INT4_MAX, SourceRef, Strict, Version } from './common.ts';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const DateTime = Type.String({ format: 'date-time', description: 'ISO 8601 date-time with offset' });
const Lat = Type.Number({ minimum: -90, maximum: 90 });
const Lon = Type.Number({ minimum: -180, maximum: 180 });
const People = Type.Integer({ minimum: 0, maximum: INT4_MAX });
const Bounds = Type.Object({ low: People, best: People, high: People }, Strict);

/** Weapon categories as the withdrawal rules of the Minsk documents name them. */
export const WeaponCategory = lit(
  'small_arms',
  'heavy_machine_gun',
  'grenade_launcher',
  'mortar_under_120mm',
  'mortar_120mm',
  'artillery_under_100mm',
  'artillery_100mm_plus',
  'anti_tank_gun',
  'tank',
  'armoured_vehicle',
  'mlrs',
  'heavy_mlrs',
  'tactical_missile',
  'aircraft',
  'drone',
  'unknown',
);

export const IncidentInput = Type.Object(
  {
    id: Type.Optional(Id),
    date: Type.Object({ start: Day, end: Day, precision: lit('day', 'span', 'week', 'month', 'year') }, Strict),
    place: Type.Object(
      {
        lat: Lat,
        lon: Lon,
        precision: lit('exact', 'near', 'admin2', 'admin1', 'estimated', 'country', 'water_or_air'),
        name: Type.Optional(Type.String({ maxLength: 300 })),
        description: Type.Optional(Type.String({ maxLength: 1000 })),
        admin1: Type.Optional(Type.String({ maxLength: 200 })),
        admin2: Type.Optional(Type.String({ maxLength: 200 })),
        country: Type.Optional(Type.String({ maxLength: 100 })),
      },
      Strict,
    ),
    violence: Type.Optional(lit('state_based', 'non_state', 'one_sided')),
    actors: Type.Array(
      Type.Object({ role: lit('side_a', 'side_b'), name: Type.String({ minLength: 1, maxLength: 300 }), partyId: Type.Optional(Id) }, Strict),
      { default: [] },
    ),
    casualties: Type.Object(
      {
        killed: Bounds,
        killedBy: Type.Optional(Type.Object({ sideA: People, sideB: People, civilians: People, unknown: People }, Strict)),
        injured: Type.Optional(Bounds),
      },
      Strict,
    ),
    sources: Type.Array(
      Type.Object(
        {
          publisher: Type.String({ minLength: 1, maxLength: 300 }),
          date: Type.Optional(Type.String({ maxLength: 40 })),
          headline: Type.Optional(Type.String({ maxLength: 1000 })),
          sourceId: Type.Optional(Id),
        },
        Strict,
      ),
      { default: [] },
    ),
    originalSources: Type.Optional(Type.String({ maxLength: 2000 })),
    notes: Type.Optional(Type.String({ maxLength: 4000 })),
    external: Type.Optional(
      Type.Object(
        { dataset: lit('ucdp-ged', 'acled'), id: Type.String({ maxLength: 40 }), row: Type.Record(Type.String(), Type.String({ maxLength: 20000 })) },
        Strict,
      ),
    ),
    ...AudienceFields,
  },
  Strict,
);

export const ObservationInput = Type.Object(
  {
    id: Type.Optional(Id),
    incidentIds: Type.Array(Id, { default: [], description: 'the incidents this observation supports' }),
    method: lit('heard', 'seen', 'camera', 'drone', 'satellite', 'reported'),
    kind: lit('explosion', 'projectile', 'muzzle_flash', 'flare', 'burst', 'shot', 'illumination', 'weapon_sighting', 'other'),
    count: Type.Integer({ minimum: 1, maximum: INT4_MAX }),
    approximate: Type.Boolean(),
    weapon: Type.Optional(WeaponCategory),
    /** For a weapon sighting: the party whose weapon it is, which decides the line its distance is measured from. */
    weaponPartyId: Type.Optional(Id),
    /** Where the thing observed was, when known; the observer's position otherwise stands for it. */
    position: Type.Optional(Type.Object({ lat: Lat, lon: Lon }, Strict)),
    direction: Type.Optional(Type.Object({ bearing: Type.Number({ minimum: 0, maximum: 360 }), label: Type.Optional(Type.String({ maxLength: 40 })) }, Strict)),
    distanceKm: Type.Optional(Type.Object({ min: Type.Number({ minimum: 0 }), max: Type.Number({ minimum: 0 }) }, Strict)),
    observer: Type.Object({ lat: Lat, lon: Lon, name: Type.Optional(Type.String({ maxLength: 300 })) }, Strict),
    time: Type.Object({ from: DateTime, to: Type.Optional(DateTime) }, Strict),
    note: Type.Optional(Type.String({ maxLength: 4000 })),
    sources: Type.Array(SourceRef, { default: [] }),
    ...AudienceFields,
  },
  Strict,
);

export const VerificationStatus = lit('reported', 'corroborated', 'verified', 'disputed', 'retracted');
export const VerificationInput = Type.Object(
  { to: VerificationStatus, reason: Type.String({ minLength: 1, maxLength: 2000 }), version: Version(), sources: Type.Array(SourceRef, { default: [] }) },
  Strict,
);

export const AttributionInput = Type.Object(
  {
    kind: lit('claimed', 'assessed', 'disputed'),
    /** Who is said to be responsible: a party of the process, or a label when it is none. */
    responsiblePartyId: Type.Optional(Id),
    responsibleLabel: Type.Optional(Type.String({ maxLength: 300 })),
    /** For a claim or a dispute: the party that makes it. */
    byPartyId: Type.Optional(Id),
    /** For a dispute: the attribution disputed. */
    disputes: Type.Optional(Id),
    text: Type.String({ minLength: 1, maxLength: 2000 }),
    sources: Type.Array(SourceRef, { default: [] }),
    ...AudienceFields,
  },
  Strict,
);

export const ImportFormat = lit('ucdp', 'acled', 'hxl', 'geojson');
export const ImportQuery = Type.Object(
  {
    audience: Type.Optional(lit('public', 'forum', 'mediator')),
    /** Detected from the file's first lines when absent. */
    format: Type.Optional(ImportFormat),
  },
  Strict,
);

/** ACLED's column layout: the current one, or the older one with data_id and iso3. */
export const AcledExportQuery = Type.Object(
  { from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })), layout: Type.Optional(lit('current', 'legacy')) },
  Strict,
);

/** Incidents and killed per day or per week (weeks start on Monday, ISO 8601); without from/to, the span of the incidents one may see. */
export const IncidentSeriesQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, first day counted' })),
    to: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD, last day counted' })),
    interval: Type.Optional(lit('day', 'week')),
  },
  Strict,
);
