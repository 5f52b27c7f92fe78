import { IncidentInput, LineInput, ObservationInput, RestrictionInput, SourceInput } from '@parley/contracts';
import { FormatRegistry } from '@sinclair/typebox';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { createIncident } from '../../use-cases/monitoring/create-incident.ts';
import { createRecord } from '../../use-cases/create-record.ts';
import { resource } from '../../use-cases/resources.ts';
import { validated } from '../validate.ts';
import { cite, type Ctx } from './util.ts';

const SYNTHETIC = 'src-synthetic';
const LABEL = 'SYNTHETIC DEMO DATA: invented to show how Parley works; not a real event, not from any monitoring report.';

const SOURCE = {
  id: SYNTHETIC,
  kind: 'dataset',
  language: 'en',
  date: '2014-11',
  title: 'Synthetic demo data',
  publisher: 'Parley demo (synthetic)',
  note: 'Every record citing this source was made up for the demo: no monitor saw it and no report gives it.',
};

/**
 * The memorandum froze positions "as of 19 September" without a published agreed map
 * (src-21), so this line is the demo's own sketch through settlements the line of that
 * autumn ran by or near, north to south, each to about 0.05°. It is marked approximate:
 * distances measured from it are only as good as the sketch.
 */
const LINE = {
  id: 'line-2014-09-19',
  kind: 'contact',
  date: '2014-09-19',
  basisAgreementId: 'minsk-memorandum',
  approximate: true,
  geometry: {
    type: 'LineString',
    coordinates: [
      [39.49, 48.65], // Stanytsia Luhanska
      [39.23, 48.74], // Shchastia
      [38.38, 48.63], // Popasna
      [38.45, 48.38], // east of Debaltseve: the salient Ukraine held until February 2015 (src-44)
      [38.35, 48.29], // south of Debaltseve
      [38.1, 48.4], // north of Horlivka, which the formations held
      [37.98, 48.3], // west of Horlivka
      [37.75, 48.14], // Avdiivka
      [37.74, 48.07], // Donetsk airport, which Kyiv held the 19 September line left on its side (src-42)
      [37.5, 47.94], // Marinka
      [37.58, 47.65], // Volnovakha area, east of the town
      [37.81, 47.09], // Shyrokyne, east of Mariupol
    ],
  },
  note:
    'Approximate sketch by the demo, not an agreed or published map: the memorandum of 19 September 2014 fixed the line "as of" that day without one (src-21; src-20). ' +
    'Drawn through settlements it ran by or near (Stanytsia Luhanska, Shchastia, Popasna, the Debaltseve area, Horlivka, Avdiivka and Donetsk airport, Marinka, the Volnovakha area, Shyrokyne) to about 0.05°.',
  sources: cite(['src-21', 'memorandum point 2: the line as of 19 September 2014'], 'src-20'),
  audience: 'public',
};

/**
 * The line after Ukrainian forces left Debaltseve on 18 February 2015 (src-44): the demo's own sketch, the
 * 19 September sketch with the Debaltseve salient cut off between Popasna and the west of Horlivka through
 * the Svitlodarsk area. Approximate like its predecessor; comparing the two shows the land and the town that
 * changed hands, which no agreed map records either.
 */
const { basisAgreementId: _memorandum, ...UNAGREED } = LINE;
const LINE_2015 = {
  ...UNAGREED,
  id: 'line-2015-02-20',
  date: '2015-02-20',
  geometry: {
    type: 'LineString',
    coordinates: [
      ...LINE.geometry.coordinates.slice(0, 3),
      [38.3, 48.45], // east of Svitlodarsk, which Ukraine kept
      [38.25, 48.4], // south of Svitlodarsk, north of Debaltseve
      ...LINE.geometry.coordinates.slice(5),
    ],
  },
  note:
    'Approximate sketch by the demo, not an agreed or published map: the 19 September 2014 sketch with the Debaltseve salient cut off north of Debaltseve after Ukrainian forces left the town on 18 February 2015 (src-44). ' +
    'Drawn through the Svitlodarsk area between Popasna and the west of Horlivka; elsewhere it repeats the earlier sketch, which is not a claim that nothing else moved.',
  sources: cite(['src-44', 'Ukrainian forces left Debaltseve on 18 February 2015']),
};

const synthetic = { publisher: 'Parley demo (synthetic)', sourceId: SYNTHETIC };
const incident = (id: string, day: string, place: Record<string, unknown>, killed: number, injured: number) => ({
  id,
  date: { start: day, end: day, precision: 'day' },
  place: { precision: 'near', country: 'Ukraine', ...place },
  actors: [],
  casualties: { killed: { low: killed, best: killed, high: killed }, injured: { low: injured, best: injured, high: injured } },
  sources: [synthetic],
  notes: LABEL,
  audience: 'public',
});

const INCIDENTS = [
  incident('syn-inc-2014-10-01-airport', '2014-10-01', { lat: 48.08, lon: 37.76, name: 'near Donetsk airport (synthetic)', admin1: 'Donetsk' }, 0, 1),
  incident('syn-inc-2014-10-02-airport', '2014-10-02', { lat: 48.06, lon: 37.77, name: 'near Donetsk airport (synthetic)', admin1: 'Donetsk' }, 1, 2),
  incident('syn-inc-2014-10-02-shchastia', '2014-10-02', { lat: 48.73, lon: 39.25, name: 'near Shchastia (synthetic)', admin1: 'Luhansk' }, 0, 0),
  incident('syn-inc-2014-11-10-marinka', '2014-11-10', { lat: 47.95, lon: 37.52, name: 'near Marinka (synthetic)', admin1: 'Donetsk' }, 0, 1),
];

const observation = (id: string, incidentId: string, o: Record<string, unknown>) => ({
  id,
  incidentIds: [incidentId],
  approximate: true,
  sources: cite(SYNTHETIC),
  note: LABEL,
  audience: 'public',
  ...o,
});

const OBSERVATIONS = [
  observation('syn-obs-2014-10-01-explosions', 'syn-inc-2014-10-01-airport', {
    method: 'heard',
    kind: 'explosion',
    count: 12,
    observer: { lat: 48.02, lon: 37.8, name: 'synthetic patrol' },
    time: { from: '2014-10-01T10:00:00+03:00' },
  }),
  observation('syn-obs-2014-10-02-explosions', 'syn-inc-2014-10-02-airport', {
    method: 'heard',
    kind: 'explosion',
    count: 30,
    observer: { lat: 48.02, lon: 37.8, name: 'synthetic patrol' },
    time: { from: '2014-10-02T09:00:00+03:00' },
  }),
  // About 5 km from the sketched line: inside the memorandum's 15 km for weapons over 100 mm.
  observation('syn-obs-2014-10-02-howitzer', 'syn-inc-2014-10-02-airport', {
    method: 'seen',
    kind: 'weapon_sighting',
    count: 1,
    approximate: false,
    weapon: 'artillery_100mm_plus',
    observer: { lat: 48.02, lon: 37.8, name: 'synthetic patrol' },
    position: { lat: 48.03, lon: 37.81 },
    time: { from: '2014-10-02T11:30:00+03:00' },
  }),
];

const RESTRICTIONS = [
  {
    id: 'syn-restriction-2014-10-02',
    date: '2014-10-02',
    place: { name: 'checkpoint near Donetsk airport (synthetic)', admin1: 'Donetsk' },
    byLabel: 'armed men at a checkpoint (synthetic)',
    description: `Patrol refused passage and turned back. ${LABEL}`,
    sources: cite(SYNTHETIC),
    audience: 'public',
  },
];

/** As util.ts does for 'uri': TypeBox's checks refuse formats nobody registered, and observation times are 'date-time'. */
function ensureDateTimeFormat(): void {
  if (!FormatRegistry.Has('date-time'))
    FormatRegistry.Set('date-time', (v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)));
}

/** After the agreements: the line cites the memorandum as its basis. */
export async function loadLines({ deps, processId }: Ctx): Promise<void> {
  ensureDateTimeFormat();
  await createRecord(deps, SYSTEM, processId, resource('source'), validated(SourceInput, SOURCE, 'synthetic source'));
  for (const line of [LINE, LINE_2015]) await createRecord(deps, SYSTEM, processId, resource('line'), validated(LineInput, line, `line ${line.id}`));
  for (const i of INCIDENTS) await createIncident(deps, SYSTEM, processId, validated(IncidentInput, i, `incident ${i.id}`));
  for (const o of OBSERVATIONS) await createRecord(deps, SYSTEM, processId, resource('observation'), validated(ObservationInput, o, `observation ${o.id}`));
  for (const r of RESTRICTIONS) await createRecord(deps, SYSTEM, processId, resource('restriction'), validated(RestrictionInput, r, `restriction ${r.id}`));
}
