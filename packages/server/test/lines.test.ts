import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/domain/monitoring/csv.ts';
import { call, world, type World } from './support/world.ts';

/** A north–south line along 37.75°E: a point 0.05° of longitude east of it at 48.1°N is 3.72 km away on the WGS84 ellipsoid. */
const line = (o: Record<string, unknown> = {}) => ({
  kind: 'contact',
  date: '2014-09-19',
  approximate: true,
  geometry: {
    type: 'LineString',
    coordinates: [
      [37.75, 47.9],
      [37.75, 48.3],
    ],
  },
  sources: [],
  ...o,
});
const sighting = (weapon: string, lon: number, day: string, o: Record<string, unknown> = {}) => ({
  method: 'seen',
  kind: 'weapon_sighting',
  count: 1,
  approximate: false,
  weapon,
  observer: { lat: 48.1, lon },
  time: { from: `${day}T09:00:00Z` },
  ...o,
});

describe(`lines, withdrawal rules and violations (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let memoLine: string;
  let laterLine: string;
  const obs: Record<string, string> = {};

  beforeAll(async () => {
    w = await world();
    await call(w, 'POST', '/agreements', 'mediator', { id: 'minsk-memorandum', titles: { en: 'Memorandum' }, date: '2014-09-19' });
    memoLine = (await call(w, 'POST', '/lines', 'mediator', line({ basisAgreementId: 'minsk-memorandum', note: 'memorandum line' }))).json.id;
    // By 2015 the line in this sketch has moved 0.05° west.
    laterLine = (
      await call(
        w,
        'POST',
        '/lines',
        'mediator',
        line({
          date: '2015-01-20',
          geometry: {
            type: 'LineString',
            coordinates: [
              [37.7, 47.9],
              [37.7, 48.3],
            ],
          },
        }),
      )
    ).json.id;
    const inc = (
      await call(w, 'POST', '/incidents', 'analyst', {
        date: { start: '2014-10-01', end: '2014-10-01', precision: 'day' },
        place: { lat: 48.1, lon: 37.8, precision: 'near', admin1: 'Donetsk' },
        actors: [],
        casualties: { killed: { low: 0, best: 0, high: 0 } },
        sources: [],
      })
    ).json.id;
    const add = async (name: string, body: Record<string, unknown>) => {
      const r = await call(w, 'POST', '/observations', 'monitor', body);
      expect(r.status, r.body).toBe(201);
      obs[name] = r.json.id;
    };
    await add('near', sighting('artillery_100mm_plus', 37.8, '2014-10-01', { incidentIds: [inc] }));
    await add('far', sighting('artillery_100mm_plus', 37.75 + 0.25, '2014-10-01'));
    await add('tank', sighting('tank', 37.8, '2014-10-01'));
    // The weapon's own position, not the observer's, is what the rule measures.
    await add('positioned', sighting('mlrs', 38.5, '2014-10-01', { position: { lat: 48.1, lon: 37.76 } }));
    // 2015: 0.45° east of the 2015 line is 33.5 km; of the memorandum line 0.40° is 29.8 km.
    await add('mlrsUkr', sighting('mlrs', 38.15, '2015-03-01', { weaponPartyId: 'ukr' }));
    await add('mlrsOrdo', sighting('mlrs', 38.15, '2015-03-01', { weaponPartyId: 'ordo' }));
    await add('mlrsFar', sighting('mlrs', 38.3, '2015-03-01', { weaponPartyId: 'ordo' }));
  });

  it('computes a sighting inside its distance as a violation, with the distance, the rule and the line', async () => {
    const r = await call(w, 'GET', '/violations?date=2014-10-01', 'analyst');
    expect(r.status, r.body).toBe(200);
    const byObs = new Map(r.json.items.map((v: { observationId: string }) => [v.observationId, v]));
    expect([...byObs.keys()].sort()).toEqual([obs.near, obs.positioned].sort());
    const near = byObs.get(obs.near) as { distanceKm: number; region: string; rule: Record<string, unknown>; line: Record<string, unknown> };
    expect(near.distanceKm).toBeCloseTo(3.72, 1);
    expect(near.region).toBe('Donetsk');
    expect(near.rule).toMatchObject({
      ruleSet: 'memorandum-2014-09-19',
      category: 'artillery_100mm_plus',
      requiredKm: 15,
      zoneWidthKm: 30,
      inForce: true,
      reference: 'memorandum_line',
    });
    expect(near.line).toMatchObject({ id: memoLine, date: '2014-09-19', approximate: true, version: 1 });
    expect((byObs.get(obs.positioned) as { distanceKm: number }).distanceKm).toBeLessThan(1);
  });

  it('applies a later agreement only when asked, and says it was not yet in force', async () => {
    const r = (await call(w, 'GET', '/violations?date=2014-10-01&agreement=addendum-2015-09-29', 'analyst')).json.items;
    expect(r.map((v: { observationId: string }) => v.observationId)).toEqual([obs.tank]);
    expect(r[0].rule).toMatchObject({ category: 'tank', requiredKm: 15, inForce: false });
    expect((await call(w, 'GET', '/violations?date=2014-10-01&category=tank', 'analyst')).json.items).toEqual([]);
  });

  it('measures under the package from the de facto line for Ukraine and from the memorandum line for the formations', async () => {
    const r = (await call(w, 'GET', '/violations?date=2015-03-01', 'analyst')).json.items as {
      observationId: string;
      distanceKm: number;
      rule: { requiredKm: number; reference: string; ruleSet: string };
      line: { id: string };
    }[];
    const pkg = r.filter((v) => v.rule.ruleSet === 'package-2015-02-12');
    expect(pkg.map((v) => v.observationId).sort()).toEqual([obs.mlrsUkr, obs.mlrsOrdo].sort());
    const ukr = pkg.find((v) => v.observationId === obs.mlrsUkr)!;
    const ordo = pkg.find((v) => v.observationId === obs.mlrsOrdo)!;
    expect(ukr).toMatchObject({ rule: { requiredKm: 35, reference: 'de_facto' }, line: { id: laterLine } });
    expect(ukr.distanceKm).toBeCloseTo(33.5, 0);
    expect(ordo).toMatchObject({ rule: { requiredKm: 35, reference: 'memorandum_line' }, line: { id: memoLine } });
    expect(ordo.distanceKm).toBeCloseTo(29.8, 0);
  });

  it('refuses unknown categories, impossible dates and lines off the globe, naming the field', async () => {
    const cases: [string, string, string][] = [
      ['/violations?date=2014-10-01&category=catapult', 'invalid_choice', 'category'],
      ['/violations?date=2014-02-30', 'invalid_format', 'date'],
      ['/violations?date=2014-10-01&agreement=yalta', 'invalid_choice', 'agreement'],
      ['/zones.geojson?date=2014-13-01', 'invalid_format', 'date'],
    ];
    for (const [path, reason, field] of cases) {
      const r = await call(w, 'GET', path, 'analyst');
      expect(r.status, path).toBe(400);
      expect(r.json.error, path).toMatchObject({ code: 'validation', reason, details: { field } });
    }
    const off = await call(
      w,
      'POST',
      '/lines',
      'analyst',
      line({
        geometry: {
          type: 'LineString',
          coordinates: [
            [37.75, 47.9],
            [37.75, 98.3],
          ],
        },
      }),
    );
    expect(off.json.error).toMatchObject({ code: 'validation', details: { field: 'geometry/coordinates/1/1' } });
    const point = await call(
      w,
      'POST',
      '/lines',
      'analyst',
      line({
        geometry: {
          type: 'LineString',
          coordinates: [
            [37.75, 47.9],
            [37.75, 47.9],
          ],
        },
      }),
    );
    expect(point.json.error).toMatchObject({ reason: 'degenerate_line', details: { field: 'geometry/coordinates' } });
    expect((await call(w, 'POST', '/lines', 'analyst', line({ date: '2014-09-31' }))).json.error).toMatchObject({
      reason: 'impossible_date',
      details: { field: 'date' },
    });
    const weapon = await call(w, 'POST', '/observations', 'monitor', sighting('catapult', 37.8, '2014-10-01'));
    expect(weapon.json.error).toMatchObject({ reason: 'invalid_choice', details: { field: 'weapon' } });
    expect((await call(w, 'POST', '/lines', 'delegateUkr', line({ claimantPartyId: 'rus' }))).json.error.reason).toBe('not_your_party');
  });

  it('serves lines in force on a day and the zones around them as GeoJSON', async () => {
    const all = JSON.parse((await call(w, 'GET', '/lines.geojson', 'analyst')).body);
    expect(all.features.map((f: { id: string }) => f.id).sort()).toEqual([memoLine, laterLine].sort());
    const then = JSON.parse((await call(w, 'GET', '/lines.geojson?date=2014-12-01', 'analyst')).body);
    expect(then.features).toMatchObject([
      { id: memoLine, geometry: { type: 'LineString' }, properties: { kind: 'contact', approximate: true, basisAgreementId: 'minsk-memorandum' } },
    ]);
    const z = await call(w, 'GET', '/zones.geojson?date=2015-03-01&agreement=package-2015-02-12', 'analyst');
    expect(z.headers['content-type']).toContain('application/geo+json');
    const zones = JSON.parse(z.body).features as { geometry: { type: string }; properties: { measuredBy: string; requiredKm: number; line: { id: string } } }[];
    expect(zones.map((f) => `${f.properties.measuredBy}:${f.properties.requiredKm}`).sort()).toEqual([
      'others:25',
      'others:35',
      'others:70',
      'ukraine:25',
      'ukraine:35',
      'ukraine:70',
    ]);
    expect(zones.every((f) => f.geometry.type === 'Polygon')).toBe(true);
    expect(zones.find((f) => f.properties.measuredBy === 'others')!.properties.line.id).toBe(memoLine);
    expect(zones.find((f) => f.properties.measuredBy === 'ukraine')!.properties.line.id).toBe(laterLine);
  });
  it('measures only from the mediator’s contact line: a party’s or an analyst’s newer line is a claim, not the reference', async () => {
    const before = (await call(w, 'GET', '/violations?date=2014-10-01', 'analyst')).json.items as { line: { id: string } }[];
    expect(before.length).toBeGreaterThan(0);
    const shifted = line({
      date: '2014-09-30',
      geometry: {
        type: 'LineString',
        coordinates: [
          [38.5, 47.9],
          [38.5, 48.3],
        ],
      },
    });
    const claimed = await call(w, 'POST', '/lines', 'delegateUkr', { ...shifted, claimantPartyId: 'ukr' });
    expect(claimed.status, claimed.body).toBe(201);
    expect(claimed.json.owner).toEqual({ side: 'party', partyId: 'ukr' });
    expect((await call(w, 'POST', '/lines', 'analyst', shifted)).status).toBe(201);
    const after = (await call(w, 'GET', '/violations?date=2014-10-01', 'analyst')).json.items as { line: { id: string } }[];
    expect(after).toEqual(before);
    expect(new Set(after.map((v) => v.line.id))).toEqual(new Set([memoLine]));
  });

  it('lets a party table and withdraw its own proposal, as new versions, and only the mediator record it as agreed', async () => {
    const proposal = line({ kind: 'demarcation_proposal', date: '2014-11-20', claimantPartyId: 'rus', standing: 'tabled', audience: 'public' });
    // A party cannot table its own line as already agreed, nor cite a round that does not exist.
    expect((await call(w, 'POST', '/lines', 'delegateRus', { ...proposal, standing: 'agreed' })).status).toBe(403);
    const noRound = await call(w, 'POST', '/lines', 'delegateRus', { ...proposal, basisMeetingId: 'no-such-round' });
    expect(noRound.status).toBeGreaterThanOrEqual(400);
    expect(noRound.status).toBeLessThan(500);
    const tabled = await call(w, 'POST', '/lines', 'delegateRus', proposal);
    expect(tabled.status, tabled.body).toBe(201);
    const id = tabled.json.id as string;
    const put = (who: 'delegateRus' | 'delegateUkr' | 'mediator', version: number, o: Record<string, unknown>) =>
      call(w, 'PUT', `/lines/${id}`, who, { ...proposal, ...o, version });
    // The other side can neither withdraw it nor move it.
    expect((await put('delegateUkr', 1, { standing: 'withdrawn' })).status).toBe(403);
    // Its own party cannot declare it agreed: that binds every side.
    const claimedAgreed = await put('delegateRus', 1, { standing: 'agreed' });
    expect(claimedAgreed.status).toBe(403);
    const withdrawn = await put('delegateRus', 1, { standing: 'withdrawn' });
    expect(withdrawn.status, withdrawn.body).toBe(200);
    expect(withdrawn.json).toMatchObject({ version: 2, standing: 'withdrawn' });
    const agreed = await put('mediator', 2, { standing: 'agreed' });
    expect(agreed.status, agreed.body).toBe(200);
    // Nor can the party undo an agreement by editing its line again.
    expect((await put('delegateRus', 3, { standing: 'tabled' })).status).toBe(403);
    const history = await call(w, 'GET', `/lines/${id}/history`, 'anonymous');
    expect(history.status, history.body).toBe(200);
    expect(JSON.stringify(history.json)).toContain('withdrawn');
    const contact = await call(w, 'POST', '/lines', 'mediator', line({ standing: 'agreed' }));
    expect(contact.status).toBe(400);
    expect(contact.json.error).toMatchObject({ reason: 'standing_of_contact_line', details: { field: 'standing' } });
  });
});

describe(`daily report, map clusters and exports (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  const incident = (day: string, admin1: string | undefined, killed: number, o: Record<string, unknown> = {}) => ({
    date: { start: day, end: day, precision: 'day' },
    place: { lat: 48 + Math.random() * 0.8, lon: 37.5 + Math.random() * 1.5, precision: 'near', ...(admin1 ? { admin1 } : {}) },
    actors: [],
    casualties: { killed: { low: killed, best: killed, high: killed + 1 }, injured: { low: 1, best: 2, high: 3 } },
    sources: [],
    ...o,
  });

  beforeAll(async () => {
    w = await world();
    const post = async (path: string, who: 'analyst' | 'monitor' | 'mediator', body: Record<string, unknown>) => {
      const r = await call(w, 'POST', path, who, body);
      expect(r.status, r.body).toBe(201);
      return r.json.id as string;
    };
    await post('/lines', 'mediator', line());
    const a = await post('/incidents', 'analyst', incident('2014-10-02', 'Donetsk', 2));
    await post('/incidents', 'analyst', incident('2014-10-02', 'Donetsk', 1));
    await post('/incidents', 'analyst', incident('2014-10-02', 'Luhansk', 0));
    await post('/incidents', 'analyst', incident('2014-10-01', 'Donetsk', 5));
    await post('/incidents', 'analyst', incident('2014-10-01', undefined, 0));
    await post('/observations', 'monitor', {
      incidentIds: [a],
      method: 'heard',
      kind: 'explosion',
      count: 40,
      approximate: true,
      observer: { lat: 48.0, lon: 37.7 },
      time: { from: '2014-10-02T08:00:00Z' },
    });
    await post('/observations', 'monitor', {
      incidentIds: [a],
      method: 'heard',
      kind: 'explosion',
      count: 7,
      approximate: false,
      observer: { lat: 48.0, lon: 37.7 },
      time: { from: '2014-10-01T08:00:00Z' },
    });
    await post('/observations', 'monitor', { ...sighting('artillery_100mm_plus', 37.8, '2014-10-02'), incidentIds: [a] });
    await post('/restrictions', 'monitor', {
      date: '2014-10-02',
      place: { name: 'Checkpoint near Olenivka', admin1: 'Donetsk' },
      byLabel: 'armed men',
      description: 'Patrol stopped and turned back.',
      sources: [],
    });
    // For the clusters: parties and verification states to filter by.
    for (let i = 0; i < 24; i++) {
      const id = await post(
        '/incidents',
        'analyst',
        incident(`2014-11-${String(1 + (i % 20)).padStart(2, '0')}`, 'Donetsk', i % 3, {
          actors: [{ role: 'side_a', name: 'Government of Ukraine', ...(i % 2 ? { partyId: 'ukr' } : {}) }],
          violence: i % 4 ? 'state_based' : 'one_sided',
        }),
      );
      if (i % 3 === 0) await call(w, 'POST', `/incidents/${id}/verifications`, 'analyst', { to: 'corroborated', reason: 'two patrols', version: 1 });
    }
  });

  it('reports per region against the previous day, with casualties, weapons in violation and restrictions', async () => {
    const r = await call(w, 'GET', '/reports/daily?date=2014-10-02', 'analyst');
    expect(r.status, r.body).toBe(200);
    const donetsk = r.json.regions.find((x: { region: string }) => x.region === 'Donetsk');
    expect(donetsk).toMatchObject({
      incidents: { today: 2, previous: 1, change: 1 },
      explosions: { today: 40, previous: 7, change: 33 },
      killed: { low: 3, best: 3, high: 5 },
      injured: { low: 2, best: 4, high: 6 },
    });
    expect(donetsk.weaponsInViolation).toMatchObject([{ weapon: 'artillery_100mm_plus', rule: { requiredKm: 15 } }]);
    expect(donetsk.restrictions).toMatchObject([{ byLabel: 'armed men' }]);
    expect(r.json.regions.map((x: { region: string }) => x.region)).toEqual(['Donetsk', 'Luhansk', '(region not given)']);
    expect(r.json.totals).toMatchObject({ incidents: { today: 3, previous: 2 }, weaponsInViolation: 1, restrictions: 1 });

    const csv = await call(w, 'GET', '/reports/daily?date=2014-10-02', 'analyst', undefined);
    expect(csv.headers['content-type']).toContain('json');
    const asCsv = await w.app.inject({ method: 'GET', url: w.url('/reports/daily?date=2014-10-02'), headers: { ...w.headers.analyst, accept: 'text/csv' } });
    expect(asCsv.headers['content-type']).toContain('text/csv');
    const rows = parseCsv(asCsv.body).records.map((x) => x.fields);
    expect(rows[0]!.slice(0, 5)).toEqual(['date', 'region', 'incidents', 'incidents_previous_day', 'incidents_change']);
    expect(rows[1]!.slice(0, 8)).toEqual(['2014-10-02', 'Donetsk', '2', '1', '1', '40', '7', '33']);
    expect(rows.at(-1)![1]).toBe('(all regions)');
    expect((await call(w, 'GET', '/reports/daily?date=2014-10-02&format=csv', 'analyst')).body).toBe(asCsv.body);

    const page = await call(w, 'GET', '/reports/daily?date=2014-10-02&format=html', 'analyst');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toMatch(/^<!doctype html>/);
    expect(page.body).toContain('@media print');
    expect(page.body).toContain('<h2>Donetsk</h2>');
    expect(page.body).not.toMatch(/<(script|link|img)\b|src=|https?:\/\//);
    const bad = await call(w, 'GET', '/reports/daily?date=2014-02-29', 'analyst');
    expect(bad.json.error).toMatchObject({ code: 'validation', details: { field: 'date' } });
  });

  it('clusters the viewport on a grid whose counts add up to the incident list for the same filter', async () => {
    const filters = ['', '&from=2014-11-01&to=2014-11-10', '&status=corroborated', '&party=ukr', '&from=2014-10-01&to=2014-11-30&status=reported&party=ukr'];
    for (const f of filters) {
      const listed = (await call(w, 'GET', `/incidents?limit=500${f}`, 'analyst')).json.items.length;
      for (const zoom of [0, 6, 12]) {
        const r = await call(w, 'GET', `/map/clusters?bbox=-180,-90,180,90&zoom=${zoom}${f}`, 'analyst');
        expect(r.status, r.body).toBe(200);
        const fc = JSON.parse(r.body);
        expect(fc.type).toBe('FeatureCollection');
        expect(
          fc.features.reduce((n: number, x: { properties: { count: number } }) => n + x.properties.count, 0),
          `zoom ${zoom}${f}`,
        ).toBe(listed);
      }
    }
    const coarse = JSON.parse((await call(w, 'GET', '/map/clusters?bbox=30,40,45,55&zoom=2', 'analyst')).body).features;
    const fine = JSON.parse((await call(w, 'GET', '/map/clusters?bbox=30,40,45,55&zoom=12', 'analyst')).body).features;
    expect(coarse.length).toBeLessThan(fine.length);
    const kind = JSON.parse((await call(w, 'GET', '/map/clusters?bbox=30,40,45,55&zoom=2&kind=one_sided', 'analyst')).body).features;
    expect(kind.reduce((n: number, x: { properties: { count: number } }) => n + x.properties.count, 0)).toBe(6);
    const empty = JSON.parse((await call(w, 'GET', '/map/clusters?bbox=0,0,1,1&zoom=8', 'analyst')).body).features;
    expect(empty).toEqual([]);
  });

  it('keeps the incident_cells and incident_days projections equal to their rebuild from incidents, through creations and verifications', async () => {
    const db = w.rt.handle.db;
    const snapshot = async () => [
      ...(
        await sql<Record<string, unknown>>`
        select audience, audience_party, day::text, cell_x, cell_y, status, kind, party_ids, n, killed_best::int as killed, round(sum_lon::numeric, 6)::text as lon, round(sum_lat::numeric, 6)::text as lat
        from incident_cells where process_id = ${w.pid} order by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db)
      ).rows,
      ...(
        await sql<Record<string, unknown>>`
        select audience, audience_party, day::text, region, n, killed_low::int as kl, killed_best::int as kb, killed_high::int as kh, injured_low::int as il, injured_best::int as ib, injured_high::int as ih
        from incident_days where process_id = ${w.pid} order by 1, 2, 3, 4`.execute(db)
      ).rows,
    ];
    const kept = await snapshot();
    const listed = (await call(w, 'GET', '/incidents?limit=500', 'analyst')).json.items.length;
    expect(kept.filter((r) => 'cell_x' in r).reduce((n, r) => n + Number(r.n), 0)).toBe(listed);
    expect(kept.filter((r) => 'region' in r).reduce((n, r) => n + Number(r.n), 0)).toBe(listed);
    expect(kept.some((r) => r.status === 'corroborated')).toBe(true);
    await sql`select parley_rebuild_incident_projections(${w.pid})`.execute(db);
    expect(await snapshot()).toEqual(kept);
    // Nothing but the unit of work writes the projections.
    await expect(sql`delete from incident_cells where process_id = ${w.pid}`.execute(db)).rejects.toThrow(/unit of work/);
    await expect(sql`update incident_days set n = n + 1 where process_id = ${w.pid}`.execute(db)).rejects.toThrow(/unit of work/);
    // A lone incident's cluster names it, from the projection (zoom 6) as from the points (zoom 12).
    for (const zoom of [6, 12]) {
      const one = JSON.parse(
        (await call(w, 'GET', `/map/clusters?bbox=-180,-90,180,90&zoom=${zoom}&from=2014-10-01&to=2014-10-01&status=reported`, 'analyst')).body,
      ).features;
      expect(one.length, `zoom ${zoom}`).toBeGreaterThan(0);
      for (const f of one) if (f.properties.count === 1) expect(f.properties.incidentId, `zoom ${zoom}`).toMatch(/./);
    }
  });

  it('refuses malformed, inverted and off-globe boxes and zooms out of range, naming the field', async () => {
    const cases: [string, string, string][] = [
      ['bbox=37,47,40&zoom=5', 'malformed_bbox', 'bbox'],
      ['bbox=40,47,37,49&zoom=5', 'bbox_inverted', 'bbox'],
      ['bbox=37,47,40,91&zoom=5', 'outside_wgs84', 'bbox'],
      ['bbox=37,47,40,49&zoom=23', 'invalid_maximum', 'zoom'],
      ['bbox=37,47,40,49&zoom=-1', 'invalid_minimum', 'zoom'],
      ['bbox=37,47,40,49&zoom=5&from=2014-11-10&to=2014-11-01', 'span_reversed', 'to'],
      ['zoom=5', 'missing_field', 'bbox'],
    ];
    for (const [q, reason, field] of cases) {
      const r = await call(w, 'GET', `/map/clusters?${q}`, 'analyst');
      expect(r.status, q).toBe(400);
      expect(r.json.error, q).toMatchObject({ code: 'validation', reason, details: { field } });
    }
  });

  it('exports incidents as GeoJSON and as CSV with an HXL tag row', async () => {
    const listed = (await call(w, 'GET', '/incidents?limit=500&from=2014-10-01&to=2014-10-02', 'analyst')).json.items;
    const gj = JSON.parse((await call(w, 'GET', '/incidents.geojson?from=2014-10-01&to=2014-10-02', 'analyst')).body);
    expect(gj.type).toBe('FeatureCollection');
    expect(gj.features).toHaveLength(listed.length);
    const first = gj.features.find((f: { id: string }) => f.id === listed[0].id);
    expect(first.geometry.coordinates).toEqual([listed[0].place.lon, listed[0].place.lat]);
    const csv = parseCsv((await call(w, 'GET', '/incidents.hxl.csv?from=2014-10-01&to=2014-10-02', 'analyst')).body).records.map((r) => r.fields);
    expect(csv[1]).toEqual(expect.arrayContaining(['#date+start', '#geo+lat', '#geo+lon', '#adm1+name', '#affected+killed', '#affected+injured']));
    expect(csv.length).toBe(2 + listed.length);
    const col = (tag: string) => csv[1]!.indexOf(tag);
    const row = csv.find((r) => r[0] === listed[0].id)!;
    expect(Number(row[col('#geo+lat')])).toBe(listed[0].place.lat);
    expect(Number(row[col('#affected+killed')])).toBe(listed[0].casualties.killed.best);
  });
});
