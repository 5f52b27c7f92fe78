import { describe, expect, it } from 'vitest';
import { ACLED_CURRENT, ACLED_LEGACY, CURRENT_HEADER } from '../../../test/support/acled-fixtures.ts';
import { ACLED_COLUMNS, ACLED_LEGACY_COLUMNS, exportAcled, parseAcled, toAcledRow } from './acled.ts';
import { parseCsv } from './csv.ts';
import { detectFormat, parseIncidentFile } from './incident-file.ts';

const bytes = (s: string) => Buffer.from(s, 'utf8');
const records = (s: string) => parseCsv(s).records.map((r) => r.fields);

describe('ACLED import and export', () => {
  const current = parseAcled(bytes(ACLED_CURRENT));
  const legacy = parseAcled(bytes(ACLED_LEGACY));

  it('reports every row of the current layout with its line and reason', () => {
    expect(current.rows.map((r) => [r.line, r.id, r.status, r.problems[0]?.reason, r.problems[0]?.field])).toEqual([
      [2, 'UKR1001', 'accepted', undefined, undefined],
      [4, 'UKR1002', 'accepted', undefined, undefined],
      [5, 'UKR1003', 'accepted', undefined, undefined],
      [6, 'UKR1004', 'refused', 'outside_wgs84', 'latitude'],
      [7, 'UKR1005', 'refused', 'missing_date', 'event_date'],
      [8, 'UKR1006', 'refused', 'bad_number', 'fatalities'],
      [9, 'UKR1007', 'accepted', undefined, undefined],
      [11, 'UKR1008', 'warned', 'year_mismatch', 'year'],
    ]);
    expect(current.totals).toMatchObject({ rows: 8, accepted: 4, warned: 1, refused: 3, best: 8, low: 8, high: 8 });
    expect(current.complete).toBe(true);
  });

  it('maps dates with precision, place, actors with roles, fatalities, sources and notes, and keeps the row', () => {
    const [a, b, c] = current.incidents.map((x) => x.incident);
    expect(a!.date).toEqual({ start: '2014-09-20', end: '2014-09-20', precision: 'day' });
    expect(b!.date).toEqual({ start: '2014-09-21', end: '2014-09-21', precision: 'week' });
    expect(c!.date.precision).toBe('month');
    expect(a!.place).toEqual({
      lat: 48.0733,
      lon: 37.7397,
      precision: 'exact',
      name: 'Donetsk - Airport',
      admin1: 'Donetsk',
      admin2: 'Donetskyi',
      country: 'Ukraine',
    });
    expect(b!.place.precision).toBe('near');
    expect(c!.place.precision).toBe('admin1');
    expect(b!.actors).toEqual([
      { role: 'side_a', name: "DPR: Donetsk People's Republic" },
      { role: 'side_a', name: 'Militia (Pro-Russia)' },
      { role: 'side_b', name: 'Military Forces of Ukraine (2014-2019)' },
      { role: 'side_b', name: 'Police Forces of Ukraine (2014-2019)' },
      { role: 'side_b', name: 'Civilians (Ukraine)' },
    ]);
    expect(a!.casualties).toEqual({ killed: { low: 2, best: 2, high: 2 } });
    expect(a!.sources).toEqual([{ publisher: 'Reuters' }, { publisher: 'Ukrainska Pravda' }]);
    expect(a!.notes).toBe('Test fixture, not a real event: on 20 September 2014, shelling near the airport.\nTwo killed, per the fixture.');
    expect(b!.notes).toContain('a "clash"');
    expect(a!.external).toMatchObject({ dataset: 'acled', id: 'UKR1001' });
    expect(Object.keys(a!.external!.row)).toEqual([...ACLED_COLUMNS]);
  });

  it('reads the older layout, detected from its header', () => {
    expect(legacy.rows.map((r) => [r.line, r.status, r.problems[0]?.reason])).toEqual([
      [2, 'accepted', undefined],
      [3, 'accepted', undefined],
      [4, 'refused', 'wrong_field_count'],
      [5, 'accepted', undefined],
    ]);
    expect(legacy.incidents[0]!.incident.date).toEqual({ start: '2014-10-05', end: '2014-10-05', precision: 'day' });
    expect(legacy.incidents[2]!.incident.date.precision).toBe('week');
    expect(detectFormat(bytes(ACLED_LEGACY))).toBe('acled');
    expect(parseIncidentFile(bytes(ACLED_CURRENT)).format).toBe('acled');
  });

  it('exports every field of every accepted row as it came in, in either layout', () => {
    const input = records(ACLED_CURRENT);
    const accepted = new Set(current.incidents.map((x) => x.incident.external!.id));
    const out = records(exportAcled(current.incidents));
    expect(out[0]).toEqual(input[0]);
    expect(out.slice(1)).toEqual(input.slice(1).filter((f) => accepted.has(f[0]!)));
    const keptLines = ACLED_CURRENT.split(/\n(?=UKR|$)/).filter((l, k) => k === 0 || accepted.has(l.slice(0, 7)));
    expect(exportAcled(current.incidents)).toBe(`${keptLines.join('\n')}\n`);
    const old = records(ACLED_LEGACY).filter((f) => f[2] !== 'UKR2003');
    expect(records(exportAcled(legacy.incidents, 'legacy'))).toEqual(old);
    // The older rows in today's layout: the columns both layouts share are equal.
    const now = records(exportAcled(legacy.incidents));
    for (const [r, row] of now.slice(1).entries())
      for (const [c, column] of ACLED_COLUMNS.entries()) {
        const k = ACLED_LEGACY_COLUMNS.indexOf(column as (typeof ACLED_LEGACY_COLUMNS)[number]);
        expect(row[c], `${column}`).toBe(k >= 0 ? old[r + 1]![k] : '');
      }
  });

  it('writes edited fields over the kept row, and incidents from elsewhere from their fields', () => {
    const i = structuredClone(legacy.incidents[0]!.incident);
    i.casualties.killed = { low: 3, best: 4, high: 5 };
    i.date = { start: '2014-10-06', end: '2014-10-06', precision: 'day' };
    const row = Object.fromEntries(ACLED_COLUMNS.map((c, k) => [c, toAcledRow('x', i)[k]]));
    expect(row).toMatchObject({
      fatalities: '4',
      event_date: '6 October 2014',
      year: '2014',
      location: 'Popasna',
      event_type: 'Battles',
      event_id_cnty: 'UKR2001',
    });
    const manual = {
      ...i,
      external: undefined,
      actors: [
        { role: 'side_a' as const, name: 'A' },
        { role: 'side_a' as const, name: 'B' },
      ],
    };
    const fresh = Object.fromEntries(ACLED_COLUMNS.map((c, k) => [c, toAcledRow('inc-1', manual)[k]]));
    expect(fresh).toMatchObject({
      event_id_cnty: 'inc-1',
      event_date: '2014-10-06',
      actor1: 'A',
      assoc_actor_1: 'B',
      latitude: '48.6333',
      geo_precision: '1',
      event_type: '',
    });
  });

  it('reports a truncated file, and refuses an unknown layout and an unreadable encoding', () => {
    const cut = ACLED_CURRENT.slice(0, ACLED_CURRENT.indexOf('Test fixture: civilians') + 10);
    const r = parseAcled(bytes(cut));
    expect(r.complete).toBe(false);
    expect(r.rows.at(-1)).toMatchObject({ line: 9, status: 'refused', problems: [{ reason: 'unterminated_quote' }] });
    expect(r.incidents).toHaveLength(3);
    expect(() => parseAcled(bytes(`${CURRENT_HEADER.replace('fatalities,', '')}\n`))).toThrow(expect.objectContaining({ reason: 'unknown_layout' }));
    expect(() => detectFormat(bytes('a,b\n1,2\n'))).toThrow(expect.objectContaining({ reason: 'unknown_layout' }));
    expect(() => parseAcled(Buffer.from(`\ufeff${ACLED_CURRENT}`, 'utf16le'))).toThrow(expect.objectContaining({ reason: 'unreadable_encoding' }));
  });
});
