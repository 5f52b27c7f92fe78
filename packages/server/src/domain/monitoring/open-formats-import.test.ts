import { describe, expect, it } from 'vitest';
import { ACLED_CURRENT } from '../../../test/support/acled-fixtures.ts';
import { parseAcled } from './acled.ts';
import { parseCsv, stringifyCsv } from './csv.ts';
import { parseGeoJson } from './geojson-import.ts';
import { parseHxl } from './hxl-import.ts';
import type { Incident } from './incident.ts';
import { detectFormat } from './incident-file.ts';
import { incidentsGeoJson, incidentsHxlCsv, type IdentifiedIncident } from './open-formats.ts';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const ucdpLike: Incident = {
  date: { start: '2014-09-28', end: '2014-09-30', precision: 'span' },
  place: { lat: 48.0159, lon: 37.8028, precision: 'near', name: 'Donetsk', admin1: 'Donetsk oblast', country: 'Ukraine' },
  violence: 'state_based',
  actors: [
    { role: 'side_a', name: 'Government of Ukraine' },
    { role: 'side_b', name: 'DPR' },
  ],
  casualties: { killed: { low: 2, best: 3, high: 5 }, killedBy: { sideA: 1, sideB: 1, civilians: 1, unknown: 0 }, injured: { low: 4, best: 6, high: 9 } },
  sources: [{ publisher: 'Test fixture wire' }],
  notes: 'Test fixture: a span of three days, with "quotes", commas\nand a line break.',
};
const list: IdentifiedIncident[] = [
  ...parseAcled(bytes(ACLED_CURRENT)).incidents.map(({ id, incident }) => ({ id, status: null, incident })),
  { id: 'inc-fixture-1', status: 'reported', incident: ucdpLike },
];
const again = (parsed: { incidents: { id: string; incident: Incident }[] }) => parsed.incidents.map(({ id, incident }) => ({ id, status: null, incident }));

describe('HXL import', () => {
  const hxl = incidentsHxlCsv(list);

  it('reads back what the HXL export writes: export, import, export gives the same file', () => {
    expect(detectFormat(bytes(hxl))).toBe('hxl');
    const parsed = parseHxl(bytes(hxl));
    expect(parsed.totals).toMatchObject({ rows: 6, accepted: 6, refused: 0 });
    expect(parsed.rows[0]!.line).toBe(3);
    expect(incidentsHxlCsv(again(parsed))).toBe(hxl);
    // Notes with line breaks make records span lines; each row is reported on the line it starts.
    expect(parsed.incidents.at(-1)).toEqual({ line: 10, id: 'inc-fixture-1', incident: { ...ucdpLike, place: { ...ucdpLike.place } } });
  });

  it('maps by tags, whatever the headers, column order and attribute order', () => {
    const [, tags, ...rows] = parseCsv(hxl).records.map((r) => r.fields);
    const order = tags!.map((_, k) => k).reverse();
    // Attributes reversed and spaced ("#affected +low +killed"), columns reversed, headers renamed.
    const retagged = order.map((k) => {
      const [h, ...a] = tags![k]!.split('+');
      return [h, ...a.reverse()].join(' +');
    });
    const shuffled = [order.map((k) => `Column ${k}`), retagged, ...rows.map((r) => order.map((k) => r[k]!))];
    const parsed = parseHxl(bytes(stringifyCsv(shuffled)));
    expect(incidentsHxlCsv(again(parsed))).toBe(hxl);
  });

  it('refuses bad rows with their line, and files without an HXL tag row', () => {
    const file = [
      'id,date,lat,lon,killed,status',
      '#event+id,#date+start,#geo+lat,#geo+lon,#affected+killed,#status+verification',
      'a-1,2014-09-20,48,37.8,1,reported',
      'a-2,2014-09-20,91,37.8,1,',
      'a-3,,48,37.8,1,',
      'a-4,2014-09-20,48,37.8,some,',
      'A 5,2014-09-20,48,37.8,1,',
      'a-6,2014-09-20,48,37.8,1,verified',
      'a-1,2014-09-21,48,37.8,1,',
    ].join('\n');
    const r = parseHxl(bytes(file));
    expect(r.rows.map((x) => [x.line, x.status, x.problems[0]?.reason, x.problems[0]?.field])).toEqual([
      [3, 'accepted', undefined, undefined],
      [4, 'refused', 'outside_wgs84', 'latitude'],
      [5, 'refused', 'missing_date', 'date_start'],
      [6, 'refused', 'bad_number', 'killed_best'],
      [7, 'refused', 'bad_id', 'id'],
      [8, 'warned', 'verification_not_imported', 'verification'],
      [9, 'refused', 'duplicate_id', 'id'],
    ]);
    expect(r.incidents[0]!.incident.place.precision).toBe('estimated');
    expect(() => parseHxl(bytes('a,b\n1,2\n'))).toThrow(expect.objectContaining({ reason: 'unknown_layout' }));
    expect(() => parseHxl(bytes('a,b\n#geo+lat,#geo+lon\n'))).toThrow(expect.objectContaining({ reason: 'unknown_layout' }));
    const cut = parseHxl(bytes(hxl.slice(0, hxl.indexOf('commas\nand a line break'))));
    expect(cut.complete).toBe(false);
    expect(cut.rows.at(-1)).toMatchObject({ line: 10, status: 'refused', problems: [{ reason: 'unterminated_quote' }] });
  });
});

describe('GeoJSON import', () => {
  const gj = incidentsGeoJson(list);

  it('reads back what the GeoJSON export writes: export, import, export gives the same collection', () => {
    const text = JSON.stringify(gj);
    expect(detectFormat(bytes(text))).toBe('geojson');
    const parsed = parseGeoJson(bytes(text));
    expect(parsed.totals).toMatchObject({ rows: 6, accepted: 6 });
    expect(incidentsGeoJson(again(parsed))).toEqual(gj);
    expect(parsed.incidents[0]!.incident.external).toEqual({ dataset: 'acled', id: 'UKR1001', row: {} });
  });

  it('refuses bad features by position and a cut-off file as a whole', () => {
    const f = gj.features.at(-1)!;
    const features = [
      f,
      { ...f, id: 'b-1', geometry: { type: 'Point', coordinates: [37.8, 95] } },
      { ...f, id: 'b-2', geometry: { type: 'Point', coordinates: [37.9, 48.0159] } },
      { ...f, id: 'b-3', properties: { ...f.properties, casualties: { killed: { low: 1, best: 'two', high: 3 } } } },
      {
        ...f,
        id: 'b-4',
        geometry: {
          type: 'LineString',
          coordinates: [
            [37, 48],
            [38, 48],
          ],
        },
      },
      { ...f, id: 'b-5', properties: { ...f.properties, verification: 'verified', casualties: { killed: { low: 3, best: 1, high: 2 } } } },
      f,
    ];
    const r = parseGeoJson(bytes(JSON.stringify({ type: 'FeatureCollection', features })));
    expect(r.rows.map((x) => [x.line, x.status, x.problems.map((p) => p.reason).join(' ')])).toEqual([
      [1, 'accepted', ''],
      [2, 'refused', 'outside_wgs84'],
      [3, 'refused', 'geometry_mismatch'],
      [4, 'refused', 'invalid_property'],
      [5, 'refused', 'not_a_point'],
      [6, 'warned', 'verification_not_imported bounds_reversed'],
      [7, 'refused', 'duplicate_id'],
    ]);
    expect(r.rows[3]!.problems[0]!.field).toBe('properties/casualties/killed/best');
    expect(() => parseGeoJson(bytes(JSON.stringify(gj).slice(0, 500)))).toThrow(expect.objectContaining({ reason: 'malformed_json' }));
    expect(() => parseGeoJson(bytes('{"type":"Feature"}'))).toThrow(expect.objectContaining({ reason: 'unknown_layout' }));
  });
});
