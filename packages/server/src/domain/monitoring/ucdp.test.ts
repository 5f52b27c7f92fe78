// eslint-disable-next-line no-restricted-imports -- the test reads the shared sample file; the code under test does no I/O
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.ts';
import { decodeSourceFile, encodeWindows1252 } from './text-encoding.ts';
import { exportUcdp, parseUcdp, toUcdpRow, UCDP_COLUMNS } from './ucdp.ts';

const FILE = new URL('../../../../../../shared/data/ucdp/ged-ukraine-2014.csv', import.meta.url);
const bytes = readFileSync(FILE);
const header = UCDP_COLUMNS.join(',');

describe('UCDP GED import and export', () => {
  const parsed = parseUcdp(bytes);

  it('reads every row of the 2014 Ukraine file with the published totals', () => {
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.complete).toBe(true);
    expect(parsed.rows).toHaveLength(1294);
    expect(parsed.incidents).toHaveLength(1294);
    expect(parsed.totals).toMatchObject({ refused: 0, best: 4528, low: 4408, high: 5219 });
    expect(Object.keys(parsed.incidents[0]!.incident.external!.row)).toHaveLength(49);
  });

  it('keeps a source’s inconsistent estimates as given, with a warning', () => {
    const warned = parsed.rows.filter((r) => r.problems.some((p) => ['best_outside_bounds', 'bounds_reversed'].includes(p.reason)));
    expect(warned.map((r) => r.id).sort()).toEqual(['155425', '155426']);
    const i = parsed.incidents.find((x) => x.incident.external!.id === '155425')!.incident;
    expect(i.casualties.killed).toEqual({ low: 7, best: 7, high: 6 });
  });

  it('maps dates, place, actors, casualties and sources', () => {
    const first = parsed.incidents[0]!.incident;
    expect(first.date).toEqual({ start: '2014-01-22', end: '2014-01-22', precision: 'day' });
    expect(first.place).toMatchObject({
      lat: 50.45,
      lon: 30.52333,
      precision: 'exact',
      name: 'Kiev city',
      admin1: 'Kiev Special Republican city',
      country: 'Ukraine',
    });
    expect(first.actors).toEqual([
      { role: 'side_a', name: 'Government of Ukraine' },
      { role: 'side_b', name: 'Maidan' },
    ]);
    expect(first.casualties).toEqual({ killed: { low: 5, best: 5, high: 5 }, killedBy: { sideA: 0, sideB: 5, civilians: 0, unknown: 0 } });
    expect(first.sources).toHaveLength(5);
    expect(first.sources[0]).toEqual({
      publisher: 'Agence France Presse',
      date: '2014-01-22',
      headline: 'Police disperse Kiev protest, activists say one shot dead',
    });
    const spans = parsed.incidents.filter((x) => x.incident.date.precision === 'month');
    expect(spans.length).toBe(11);
    const dashed = parsed.incidents.find((x) => JSON.stringify(x.incident).includes('–'));
    expect(dashed, 'en dashes survive the Windows-1252 decoding').toBeDefined();
    expect(JSON.stringify(parsed.incidents)).toContain('Ukraine’s Lvov');
    expect(JSON.stringify(parsed.incidents)).not.toMatch(/[\x80-\x9f]/);
  });

  it('exports every field of every row exactly as it came in, and the same bytes', () => {
    const out = parseCsv(exportUcdp(parsed.incidents.map((x) => x.incident))).records;
    const input = parseCsv(decodeSourceFile(bytes).text).records;
    expect(out).toHaveLength(input.length);
    for (let r = 0; r < input.length; r++)
      for (let c = 0; c < 49; c++)
        if (out[r]!.fields[c] !== input[r]!.fields[c])
          expect(`${r}:${UCDP_COLUMNS[c]}=${out[r]!.fields[c]}`).toBe(`${r}:${UCDP_COLUMNS[c]}=${input[r]!.fields[c]}`);
    expect(Buffer.from(encodeWindows1252(exportUcdp(parsed.incidents.map((x) => x.incident)))).equals(bytes)).toBe(true);
  });

  it('writes edited fields over the kept row', () => {
    const i = structuredClone(parsed.incidents[0]!.incident);
    i.casualties.killed.best = 6;
    i.date = { ...i.date, end: '2014-01-23', precision: 'span' };
    i.place.lat = 50.4501;
    const row = Object.fromEntries(UCDP_COLUMNS.map((c, k) => [c, toUcdpRow(i)[k]]));
    expect(row).toMatchObject({
      best: '6',
      low: '5',
      date_end: '1/23/2014 12:00:00 AM',
      date_prec: '2',
      latitude: '50.4501',
      geom_wkt: 'POINT (30.52333 50.4501)',
      relid: 'UKR-2014-1-14085-0',
    });
  });

  const line = (o: Record<string, string>) => {
    const row: Record<string, string> = {
      ...parsed.incidents[1]!.incident.external!.row,
      source_article: '',
      number_of_sources: '0',
      source_office: '',
      source_date: '',
      source_headline: '',
    };
    return UCDP_COLUMNS.map((c) => ({ ...row, ...o })[c]!.replace(/[",\n]/g, ' ')).join(',');
  };
  const file = (...lines: string[]) => Buffer.from(`${header}\n${lines.join('\n')}\n`, 'latin1');

  it('refuses bad rows with their line and reason, and keeps the good ones', () => {
    const r = parseUcdp(
      file(
        line({ id: '1' }),
        line({ id: '2', latitude: '91' }),
        line({ id: '3', date_prec: '1', date_start: '1/27/2014 12:00:00 AM', date_end: '1/29/2014 12:00:00 AM' }),
        line({ id: '4', date_start: '2/30/2014 12:00:00 AM' }),
        line({ id: '5', best: 'many' }),
        line({ id: '1' }),
        line({ id: '7', low: '9', high: '3' }),
        '8,too,short',
      ),
    );
    expect(r.rows.map((x) => [x.line, x.status, x.problems[0]?.reason])).toEqual([
      [2, 'accepted', undefined],
      [3, 'refused', 'outside_wgs84'],
      [4, 'refused', 'precision_contradicts_dates'],
      [5, 'refused', 'impossible_date'],
      [6, 'refused', 'bad_number'],
      [7, 'refused', 'duplicate_id'],
      [8, 'warned', 'bounds_reversed'],
      [9, 'refused', 'wrong_field_count'],
    ]);
    expect(r.rows[1]!.problems[0]!.field).toBe('latitude');
    expect(r.incidents.map((x) => x.incident.external!.id)).toEqual(['1', '7']);
  });

  it('reports a truncated file and refuses files that are not UCDP GED or not text', () => {
    const cut = bytes.subarray(0, bytes.indexOf('"Reuters News,2014-02-18') + 10);
    const r = parseUcdp(cut);
    expect(r.complete).toBe(false);
    expect(r.rows.at(-1)).toMatchObject({ status: 'refused', line: 4, problems: [{ reason: 'unterminated_quote' }] });
    expect(r.totals.refused).toBe(1);
    expect(() => parseUcdp(Buffer.from('a,b\n1,2\n'))).toThrow(expect.objectContaining({ reason: 'not_ucdp_ged' }));
    expect(() => parseUcdp(Buffer.from([0xff, 0xfe, 0x61, 0]))).toThrow(expect.objectContaining({ reason: 'unreadable_encoding' }));
    expect(() => parseUcdp(Buffer.concat([Buffer.from(`${header}\n`), Buffer.from([0x81])]))).toThrow(
      expect.objectContaining({ reason: 'unreadable_encoding' }),
    );
    expect(parseUcdp(Buffer.from(`${header}\n${line({ where_description: 'Донецьк – Horlivka' })}\n`, 'utf8')).incidents[0]!.incident.place.description).toBe(
      'Донецьк – Horlivka',
    );
  });
});
