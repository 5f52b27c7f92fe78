import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../src/cli/commands.ts';
import { parseCsv } from '../src/domain/monitoring/csv.ts';
import { ACLED_CURRENT, ACLED_LEGACY } from './support/acled-fixtures.ts';
import { call, world, type RoleName, type World } from './support/world.ts';

const fields = (s: string) => parseCsv(s).records.map((r) => r.fields);

describe(`ACLED, HXL and GeoJSON import and export (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  const upload = (into: World, body: string, query = '', type = 'text/csv', who: RoleName = 'mediator') =>
    into.app.inject({
      method: 'POST',
      url: into.url(`/incidents/import${query}`),
      headers: { ...into.headers[who], 'content-type': type },
      payload: Buffer.from(body),
    });
  const journal = async (x: World) => (await x.rt.store.reader.allJournal(x.pid)).length;

  beforeAll(async () => {
    w = await world();
  });

  it('imports both ACLED layouts with a report per row, and writes nothing on a second import', async () => {
    const r = await upload(w, ACLED_CURRENT, '?format=acled');
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({ format: 'acled', complete: true });
    expect(report.totals).toMatchObject({ rows: 8, accepted: 4, warned: 1, refused: 3, created: 5, best: 8 });
    expect(
      report.rows
        .filter((x: { status: string }) => x.status === 'refused')
        .map((x: { line: number; problems: { reason: string }[] }) => [x.line, x.problems[0]!.reason]),
    ).toEqual([
      [6, 'outside_wgs84'],
      [7, 'missing_date'],
      [8, 'bad_number'],
    ]);
    expect(report.rows[0]).toMatchObject({ line: 2, outcome: 'created', incidentId: 'acled-ukr1001' });
    const legacy = (await upload(w, ACLED_LEGACY)).json();
    expect(legacy).toMatchObject({ format: 'acled', totals: { created: 3, refused: 1 } });
    const before = await journal(w);
    expect((await upload(w, ACLED_CURRENT)).json().totals).toMatchObject({ created: 0, unchanged: 5 });
    expect(await journal(w)).toBe(before);
    const listed = (await call(w, 'GET', '/incidents?limit=100', 'anonymous')).json.items;
    expect(listed).toHaveLength(8);
  });

  it('exports the imported rows as ACLED CSV equal field by field to the files', async () => {
    const r = await call(w, 'GET', '/incidents.acled.csv?to=2014-09-30', 'anonymous');
    expect(r.status, r.body).toBe(200);
    const input = fields(ACLED_CURRENT);
    const kept = new Set(['UKR1001', 'UKR1002', 'UKR1003', 'UKR1007', 'UKR1008']);
    const out = fields(r.body);
    expect(out[0]).toEqual(input[0]);
    expect(new Map(out.slice(1).map((f) => [f[0], f]))).toEqual(
      new Map(
        input
          .slice(1)
          .filter((f) => kept.has(f[0]!))
          .map((f) => [f[0], f]),
      ),
    );
    const old = (await call(w, 'GET', '/incidents.acled.csv?from=2014-10-01&layout=legacy', 'anonymous')).body;
    expect(new Set(fields(old).map((f) => f.join('|')))).toEqual(
      new Set(
        fields(ACLED_LEGACY)
          .filter((f) => f[2] !== 'UKR2003')
          .map((f) => f.join('|')),
      ),
    );
    expect((await call(w, 'GET', '/incidents.acled.csv?layout=other', 'anonymous')).status).toBe(400);
  });

  it('round-trips the HXL and GeoJSON exports through an import into another process', async () => {
    const hxl = (await call(w, 'GET', '/incidents.hxl.csv', 'anonymous')).body;
    const geojson = (await call(w, 'GET', '/incidents.geojson', 'anonymous')).body;
    const [h, g] = [await world(), await world()];
    const viaHxl = (await upload(h, hxl)).json();
    expect(viaHxl).toMatchObject({ format: 'hxl', totals: { rows: 8, created: 8, refused: 0 } });
    expect((await call(h, 'GET', '/incidents.hxl.csv', 'anonymous')).body).toBe(hxl);
    const viaGeoJson = (await upload(g, geojson, '', 'application/geo+json')).json();
    expect(viaGeoJson).toMatchObject({ format: 'geojson', totals: { rows: 8, created: 8, refused: 0 } });
    expect(JSON.parse((await call(g, 'GET', '/incidents.geojson', 'anonymous')).body)).toEqual(JSON.parse(geojson));
    // Plain application/json is read the same way, and a second import finds what the first wrote.
    expect((await upload(g, geojson, '?format=geojson', 'application/json')).json().totals).toMatchObject({ created: 0, unchanged: 8 });
  });

  it('refuses unknown layouts, unreadable encodings and cut-off files without half-applying anything', async () => {
    const x = await world();
    const before = await journal(x);
    const unknown = await upload(x, 'a,b\n1,2\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'validation', reason: 'unknown_layout' });
    expect((await upload(x, ACLED_CURRENT, '?format=hxl')).json().error.reason).toBe('unknown_layout');
    const utf16 = await x.app.inject({
      method: 'POST',
      url: x.url('/incidents/import'),
      headers: { ...x.headers.mediator, 'content-type': 'text/csv' },
      payload: Buffer.from(`\ufeff${ACLED_CURRENT}`, 'utf16le'),
    });
    expect(utf16.json().error.reason).toBe('unreadable_encoding');
    expect((await upload(x, '{"type":"FeatureCollection","features":[', '', 'application/geo+json')).json().error.reason).toBe('malformed_json');
    expect(await journal(x)).toBe(before);
    const cut = (await upload(x, ACLED_CURRENT.slice(0, ACLED_CURRENT.indexOf('Test fixture: civilians') + 10))).json();
    expect(cut).toMatchObject({ complete: false, totals: { created: 3, refused: 4 } });
    expect(cut.rows.at(-1)).toMatchObject({ line: 9, status: 'refused', outcome: 'refused', problems: [{ reason: 'unterminated_quote' }] });
    expect((await upload(x, ACLED_CURRENT, '', 'text/csv', 'monitor')).statusCode).toBe(403);
  });

  it('imports ACLED, HXL and GeoJSON files from the command line', async () => {
    const x = await world();
    const dir = mkdtempSync(join(tmpdir(), 'parley-import-'));
    const files = {
      acled: ACLED_CURRENT,
      hxl: (await call(w, 'GET', '/incidents.hxl.csv?from=2014-10-01', 'anonymous')).body,
      geojson: (await call(w, 'GET', '/incidents.geojson?from=2014-10-01', 'anonymous')).body,
    };
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => out.push(String(s)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      for (const [format, text] of Object.entries(files)) {
        const file = join(dir, `${format}.txt`);
        writeFileSync(file, text);
        const program = new Command('parley').exitOverride();
        runCli(program, async () => ({ ...x.rt, close: async () => {} }));
        await program.parseAsync(['node', 'parley', 'import', format, file, '--process', x.pid]);
      }
    } finally {
      vi.restoreAllMocks();
      process.exitCode = undefined;
    }
    const text = out.join('');
    expect(text).toContain('line 6 (UKR1004): refused: outside_wgs84 in latitude');
    expect(text).toMatch(/8 rows \(acled, [^)]*\): 4 accepted, 1 warned, 3 refused; 5 incidents created/);
    expect(text).toMatch(/3 rows \(hxl, [^)]*\): 3 accepted, 0 warned, 0 refused; 3 incidents created/);
    // The same incidents again, now with their ACLED id: a different body under the same id is refused, never merged or doubled.
    expect(text).toContain('feature 1 (acled-ukr2001): refused: id_reused in id');
    expect(text).toMatch(/3 rows \(geojson, [^)]*\): 0 accepted, 0 warned, 3 refused; 0 incidents created/);
  });
});
