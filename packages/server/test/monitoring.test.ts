import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/domain/monitoring/csv.ts';
import { decodeSourceFile } from '../src/domain/monitoring/text-encoding.ts';
import { call, world, type RoleName, type World } from './support/world.ts';

const FILE = readFileSync(new URL('../../../../shared/data/ucdp/ged-ukraine-2014.csv', import.meta.url));

describe(`ceasefire monitoring (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  const upload = (bytes: Uint8Array, who: RoleName = 'mediator', query = '') =>
    w.app.inject({
      method: 'POST',
      url: w.url(`/incidents/import${query}`),
      headers: { ...w.headers[who], 'content-type': 'text/csv' },
      payload: Buffer.from(bytes),
    });
  const journal = async () => (await w.rt.store.reader.allJournal(w.pid)).length;
  const incident = (o: Record<string, unknown> = {}) => ({
    date: { start: '2014-09-20', end: '2014-09-20', precision: 'day' },
    place: { lat: 48.0159, lon: 37.8028, precision: 'exact', name: 'Donetsk airport' },
    actors: [{ role: 'side_a', name: 'Government of Ukraine', partyId: 'ukr' }],
    casualties: { killed: { low: 1, best: 2, high: 3 } },
    sources: [],
    ...o,
  });

  beforeAll(async () => {
    w = await world();
  });

  it('imports the 2014 UCDP file, with the published totals in SQL, and writes nothing on a second import', async () => {
    const r = await upload(FILE);
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json();
    expect(report.totals).toMatchObject({ rows: 1294, refused: 0, warned: 2, created: 1294, best: 4528, low: 4408, high: 5219 });
    const warned = report.rows.filter((x: { status: string }) => x.status === 'warned');
    expect(warned.map((x: { line: number }) => x.line).every((n: number) => n > 1)).toBe(true);
    const totals = await sql<{ n: number; best: number; low: number; high: number; placed: number }>`
      select count(*)::int as n, sum(killed_best)::int as best, sum(killed_low)::int as low, sum(killed_high)::int as high, count(geog)::int as placed
      from incidents where process_id = ${w.pid}`.execute(w.rt.handle.db);
    expect(totals.rows[0]).toEqual({ n: 1294, best: 4528, low: 4408, high: 5219, placed: 1294 });
    // The geography column answers distance questions: incidents within 15 km of Donetsk airport.
    const near = await sql<{ n: number }>`select count(*)::int as n from incidents
      where process_id = ${w.pid} and st_dwithin(geog, st_setsrid(st_makepoint(37.7397, 48.0733), 4326)::geography, 15000)`.execute(w.rt.handle.db);
    expect(near.rows[0]!.n).toBeGreaterThan(50);
    const before = await journal();
    const again = (await upload(FILE)).json();
    expect(again.totals).toMatchObject({ created: 0, unchanged: 1294 });
    expect(await journal()).toBe(before);
  });

  it('exports the imported incidents as UCDP rows equal field by field to the file', async () => {
    const r = await call(w, 'GET', '/incidents.csv', 'anonymous');
    expect(r.status).toBe(200);
    const out = parseCsv(r.body).records.map((x) => x.fields);
    const input = parseCsv(decodeSourceFile(FILE).text).records.map((x) => x.fields);
    expect(out[0]).toEqual(input[0]);
    const byId = new Map(out.slice(1).map((f) => [f[0], f]));
    expect(byId.size).toBe(1294);
    let compared = 0;
    for (const row of input.slice(1)) {
      const got = byId.get(row[0]!)!;
      for (let c = 0; c < 49; c++) if (got[c] !== row[c]) expect(`${row[0]}:${input[0]![c]}=${got[c]}`).toBe(`${row[0]}:${input[0]![c]}=${row[c]}`);
      compared++;
    }
    expect(compared).toBe(1294);
  });

  it('reports a truncated file and an unreadable one without half-applying anything', async () => {
    const cut = FILE.subarray(0, FILE.indexOf('"Reuters News,2014-02-18') + 10);
    const r = (await upload(cut, 'analyst')).json();
    expect(r.complete).toBe(false);
    expect(r.rows.at(-1)).toMatchObject({ line: 4, status: 'refused', outcome: 'refused', problems: [{ reason: 'unterminated_quote' }] });
    expect(r.totals).toMatchObject({ unchanged: 2, created: 0, refused: 1 });
    const bad = await upload(Buffer.from([0xff, 0xfe, 0x69, 0x00, 0x64, 0x00]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation', reason: 'unreadable_encoding' });
    expect((await upload(FILE, 'monitor')).statusCode).toBe(403);
  });

  it('creates an incident once for a resent id, and refuses the id reused for another body', async () => {
    const first = await call(w, 'POST', '/incidents', 'analyst', incident({ id: 'inc-airport-0920' }));
    expect(first.status, first.body).toBe(201);
    const before = await journal();
    const resent = await call(w, 'POST', '/incidents', 'analyst', incident({ id: 'inc-airport-0920' }));
    expect(resent.status).toBe(200);
    // Not public, so stored under an id that says nothing, and found again by the client's id.
    expect(first.json.id).toMatch(/^inc-[0-9a-f]{24}$/);
    expect(resent.json).toMatchObject({ id: first.json.id, version: 1, createdAt: first.json.createdAt });
    expect(await journal()).toBe(before);
    const reused = await call(w, 'POST', '/incidents', 'analyst', incident({ id: 'inc-airport-0920', notes: 'another' }));
    expect(reused.status).toBe(409);
    expect(reused.json.error).toMatchObject({ code: 'conflict', reason: 'id_reused', details: { field: 'id' } });
  });

  it('returns the stored observation for a resent id, and refuses the id reused for another report', async () => {
    const obs = {
      id: 'obs-patrol-7-0915',
      method: 'heard',
      kind: 'explosion',
      count: 3,
      approximate: true,
      observer: { lat: 48.0, lon: 37.7 },
      time: { from: '2014-09-21T09:15:00+03:00' },
      audience: 'forum',
    };
    const first = await call(w, 'POST', '/observations', 'monitor', obs);
    expect(first.status, first.body).toBe(201);
    const size = (await w.rt.store.reader.allJournal(w.pid)).length;
    const resent = await call(w, 'POST', '/observations', 'monitor', obs);
    expect([resent.status, resent.json.id, resent.json.version]).toEqual([200, first.json.id, 1]);
    expect((await w.rt.store.reader.allJournal(w.pid)).length).toBe(size);
    const other = await call(w, 'POST', '/observations', 'monitor', { ...obs, count: 4 });
    expect(other.json.error).toMatchObject({ code: 'conflict', reason: 'id_reused', details: { field: 'id' } });
    // Another writer's resend of the same id is not theirs to receive.
    expect((await call(w, 'POST', '/observations', 'analyst', obs)).json.error.reason).toBe('id_reused');
  });

  it('refuses bad manual input with a clear reason', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [incident({ casualties: { killed: { low: 5, best: 5, high: 3 } } }), 'bounds_reversed', 'casualties/killed/low'],
      [incident({ place: { lat: 95, lon: 37.8, precision: 'exact' } }), 'invalid_maximum', 'place/lat'],
      [incident({ date: { start: '2014-09-20', end: '2014-09-29', precision: 'day' } }), 'precision_contradicts_dates', 'date/precision'],
      [incident({ date: { start: '2014-09-31', end: '2014-09-31', precision: 'day' } }), 'bad_date', 'date/start'],
    ];
    for (const [body, reason, field] of cases) {
      const r = await call(w, 'POST', '/incidents', 'analyst', body);
      expect(r.status, r.body).toBe(400);
      expect(r.json.error).toMatchObject({ code: 'validation', reason, details: { field } });
    }
    const obs = {
      method: 'heard',
      kind: 'explosion',
      count: 12,
      approximate: true,
      weapon: 'catapult',
      observer: { lat: 48.0, lon: 37.7 },
      time: { from: '2014-09-20T10:00:00+03:00' },
    };
    const r = await call(w, 'POST', '/observations', 'monitor', obs);
    expect(r.json.error).toMatchObject({ code: 'validation', reason: 'invalid_choice', details: { field: 'weapon' } });
  });

  it('lets monitors file observations linked to incidents, and only analysts verify', async () => {
    const inc = (await call(w, 'POST', '/incidents', 'analyst', incident({ id: 'inc-shelling' }))).json;
    const obs = {
      incidentIds: [inc.id],
      method: 'heard',
      kind: 'explosion',
      count: 12,
      approximate: true,
      weapon: 'artillery_100mm_plus',
      direction: { bearing: 45, label: 'NE' },
      distanceKm: { min: 3, max: 5 },
      observer: { lat: 48.0, lon: 37.7, name: 'Patrol at Donetsk railway station' },
      time: { from: '2014-09-20T10:00:00+03:00', to: '2014-09-20T10:40:00+03:00' },
    };
    const o = await call(w, 'POST', '/observations', 'monitor', obs);
    expect(o.status, o.body).toBe(201);
    expect((await call(w, 'GET', `/observations?parent=${inc.id}`, 'analyst')).json.items.map((x: { id: string }) => x.id)).toEqual([o.json.id]);
    expect((await call(w, 'POST', '/observations', 'monitor', { ...obs, distanceKm: { min: 6, max: 5 } })).json.error.reason).toBe('bounds_reversed');

    const step = (to: string, version: number, who: RoleName = 'analyst') =>
      call(w, 'POST', `/incidents/${inc.id}/verifications`, who, { to, reason: `now ${to}`, version });
    expect((await step('corroborated', 1, 'monitor')).status).toBe(403);
    expect((await step('corroborated', 1)).json.incident).toMatchObject({ status: 'corroborated', version: 2 });
    expect((await step('verified', 1)).json.error.reason).toBe('stale_version');
    expect((await step('verified', 2)).status).toBe(201);
    expect((await step('retracted', 3)).status).toBe(201);
    const final = await step('verified', 4);
    expect(final.status).toBe(422);
    expect(final.json.error.reason).toBe('verification_transition_forbidden');
    const history = (await call(w, 'GET', `/verifications?parent=${inc.id}`, 'delegateUkr')).json.items;
    expect(history.map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'reported>corroborated',
      'corroborated>verified',
      'verified>retracted',
    ]);
    expect(history[0]).toMatchObject({ reason: 'now corroborated', createdBy: w.actors.analyst.username });
    // An edit keeps the verification status, which only the verification verb sets.
    const edited = await call(w, 'PUT', `/incidents/${inc.id}`, 'analyst', { ...incident({ notes: 'edited' }), version: 4 });
    expect(edited.json).toMatchObject({ verification: 'retracted', notes: 'edited', version: 5 });
    expect((await call(w, 'GET', `/incidents?status=retracted`, 'analyst')).json.items.map((x: { id: string }) => x.id)).toEqual([inc.id]);
  });

  it('keeps claimed, assessed and disputed attributions side by side', async () => {
    const inc = (await call(w, 'POST', '/incidents', 'analyst', incident({ id: 'inc-attr' }))).json;
    const add = (who: RoleName, body: Record<string, unknown>) => call(w, 'POST', `/incidents/${inc.id}/attributions`, who, { sources: [], ...body });
    const claim = await add('delegateRus', { kind: 'claimed', responsiblePartyId: 'ukr', byPartyId: 'rus', text: 'Ukrainian artillery fired.' });
    expect(claim.status, claim.body).toBe(201);
    expect((await add('delegateUkr', { kind: 'claimed', responsiblePartyId: 'ukr', byPartyId: 'rus', text: 'forged' })).json.error.reason).toBe(
      'not_your_party',
    );
    expect((await add('delegateUkr', { kind: 'assessed', responsibleLabel: 'unknown', text: 'x' })).status).toBe(403);
    expect((await add('delegateUkr', { kind: 'disputed', byPartyId: 'ukr', disputes: claim.json.id, text: 'No Ukrainian unit was in range.' })).status).toBe(
      201,
    );
    expect((await add('analyst', { kind: 'assessed', responsibleLabel: 'undetermined', text: 'Crater analysis inconclusive.' })).status).toBe(201);
    expect((await add('mediator', { kind: 'disputed', disputes: 'att-nope', text: 'x' })).json.error.reason).toBe('unknown_reference');
    const all = (await call(w, 'GET', `/attributions?parent=${inc.id}`, 'monitor')).json.items;
    expect(all.map((a: { kind: string }) => a.kind).sort()).toEqual(['assessed', 'claimed', 'disputed']);
  });
});
