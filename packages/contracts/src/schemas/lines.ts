import { Type } from '@sinclair/typebox';
import { AudienceFields, Id, SourceRef, Strict } from './common.ts';
import { VerificationStatus, WeaponCategory } from './monitoring.ts';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
/** In bodies the calendar is checked by the server, so the demo loader can validate them without ajv's formats. */
const BodyDay = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
/** A GeoJSON position, longitude first (RFC 7946), on the WGS84 globe. */
const Position = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })]);

/**
 * The part of the world a process's lines are compared in: one closed ring, longitude first. A comparison
 * extends both lines to its edge and cuts them there; a line that never enters it is refused. At most 1,000
 * positions: every line written is tested against it, and a 20,000-vertex line beside a concave ring tests
 * each of its segments against each edge.
 */
export const AreaOfInterestInput = Type.Object(
  {
    ring: Type.Array(Position, { minItems: 4, maxItems: 1_000, description: 'a closed ring: the last position equals the first' }),
    along: Type.Optional(
      Type.Tuple([Type.Number(), Type.Number()], {
        description: 'the direction lines are read in (east, north), which names their sides; across the longer side of the area when left out',
      }),
    ),
    approximate: Type.Boolean(),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  Strict,
);

/** The withdrawal-rule sets, one per agreement that set distances. */
export const RuleSetId = lit('memorandum-2014-09-19', 'package-2015-02-12', 'addendum-2015-09-29');

export const LineInput = Type.Object(
  {
    id: Type.Optional(Id),
    kind: lit('contact', 'demarcation_proposal'),
    /** The day the line describes; a later line of the same kind is its next version on the ground. */
    date: BodyDay,
    basisAgreementId: Type.Optional(Id),
    /** The round (a meeting) at which a proposal was tabled or a line was agreed. */
    basisMeetingId: Type.Optional(Id),
    claimantPartyId: Type.Optional(Id),
    /**
     * Where a demarcation proposal stands: tabled by its claimant, withdrawn by it, or agreed, which the
     * mediator records (as it records agreements). A contact line has no standing: it describes the ground.
     */
    standing: Type.Optional(lit('tabled', 'withdrawn', 'agreed')),
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

/** `line`: measure from this line (e.g. a demarcation proposal) instead of the reference contact line of the day. */
const ChosenLine = Type.Optional(Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', description: 'a line id to measure from instead of the contact line' }));
export const ViolationsQuery = Type.Object(
  {
    date: Day,
    to: Type.Optional(Type.String({ format: 'date', description: 'the last day of a period from `date` (at most 31 days), each day under its own rules' })),
    agreement: Type.Optional(RuleSetId),
    category: Type.Optional(WeaponCategory),
    line: ChosenLine,
  },
  Strict,
);

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
export const ZonesQuery = Type.Object({ date: Day, agreement: Type.Optional(RuleSetId), line: ChosenLine }, Strict);
export const ExportQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, Strict);

/** `a` and `b`: a line id, `id@version`, or `contact@YYYY-MM-DD` (the mediator's contact line in force that day). */
const LineRefText = Type.String({ minLength: 1, maxLength: 120, description: 'a line id, id@version, or contact@YYYY-MM-DD' });
export const LineCompareQuery = Type.Object(
  {
    a: LineRefText,
    b: LineRefText,
    aoi: Type.Optional(
      Type.String({ maxLength: 200, description: "west,south,east,north: compare within this box instead of the process's area of interest" }),
    ),
  },
  Strict,
);

const Pos = Type.Tuple([Type.Number(), Type.Number()]);
const SideName = lit('left', 'right');
const Label3 = Type.Object({ en: Type.String(), uk: Type.String(), ru: Type.String() });
const PlaceNames = Type.Object({ en: Type.String(), uk: Type.Optional(Type.String()), ru: Type.Optional(Type.String()) }, { additionalProperties: true });
const ComparedLine = Type.Object(
  {
    ref: Type.String(),
    id: Type.String(),
    version: Type.Integer(),
    kind: Type.String(),
    date: Type.String(),
    claimantPartyId: Type.Union([Type.String(), Type.Null()]),
    approximate: Type.Boolean(),
    lengthKm: Type.Number(),
    coordinates: Type.Array(Pos),
  },
  { additionalProperties: true },
);

/** Two lines compared within an area: what lies between them, who gains it, which places change sides, how far apart they are. */
export const LineComparison = Type.Object(
  {
    area: Type.Object(
      {
        id: Type.String(),
        approximate: Type.Boolean(),
        note: Type.String(),
        ring: Type.Array(Pos),
        sides: Type.Object({ left: Label3, right: Label3 }, { description: 'which way each side of the lines faces, read along the area' }),
      },
      { additionalProperties: true },
    ),
    a: ComparedLine,
    b: ComparedLine,
    parcels: Type.Array(
      Type.Object(
        {
          n: Type.Integer(),
          from: SideName,
          to: SideName,
          areaKm2: Type.Number(),
          label: Pos,
          geometry: Type.Unknown(),
        },
        { additionalProperties: true, description: 'land on side `from` of line A and on side `to` of line B' },
      ),
    ),
    gainedKm2: Type.Object({ left: Type.Number(), right: Type.Number() }, { description: 'land each side gains under B compared with A' }),
    settlements: Type.Array(
      Type.Object(
        {
          id: Type.String(),
          names: PlaceNames,
          population: Type.Union([Type.Integer(), Type.Null()]),
          lon: Type.Number(),
          lat: Type.Number(),
          origin: lit('gazetteer', 'record'),
          from: SideName,
          to: SideName,
          parcel: Type.Integer(),
        },
        { additionalProperties: true },
      ),
    ),
    distance: Type.Object(
      {
        hausdorffKm: Type.Number(),
        meanKm: Type.Number(),
        samples: Type.Integer(),
        farthest: Type.Union([Type.Object({ on: lit('a', 'b'), from: Pos, to: Pos }), Type.Null()]),
      },
      { additionalProperties: true, description: 'the largest and the mean distance from a point sampled on one line to the other, both ways' },
    ),
    sources: Type.Array(Type.String(), { description: 'credits of the gazetteers used' }),
  },
  { additionalProperties: true },
);
