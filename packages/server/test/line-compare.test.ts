import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../src/domain/monitoring/csv.ts';
import { DONBAS_AOI } from '../src/domain/lines/area-of-interest.ts';
import { call, world, type World } from './support/world.ts';

/*
 * Answers known in advance, on the WGS84 ellipsoid near the equator, where the figures are
 * textbook values: a meridian arc of 1° there is a(1−e²)·π/180 = 110.574 km, and 0.1° of the
 * equator is a·π/180·0.1 = 11.132 km; the meridians bound a strip whose area is their product
 * (the next term is of the order of 10⁻⁵).
 */
const MERIDIAN_DEGREE_KM = 110.574;
const EQUATOR_TENTH_KM = 11.132;
const BOX = '-0.5,-0.5,0.6,0.5';

type Pos = [number, number];
const line = (coordinates: Pos[], o: Record<string, unknown> = {}) => ({
  kind: 'demarcation_proposal',
  date: '2014-11-20',
  approximate: false,
  geometry: { type: 'LineString', coordinates },
  sources: [],
  ...o,
});
const meridian = (lon: number): Pos[] => [
  [lon, 0.5],
  [lon, -0.5],
];
const near = (value: number, expected: number, relative: number) => expect(Math.abs(value - expected) / expected).toBeLessThan(relative);

describe(`lines compared (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  const ids: Record<string, string> = {};
  const add = async (name: string, body: Record<string, unknown>, who: 'mediator' | 'delegateUkr' | 'delegateRus' = 'mediator') => {
    const r = await call(w, 'POST', '/lines', who, body);
    expect(r.status, r.body).toBe(201);
    ids[name] = r.json.id;
  };
  const compare = (a: string, b: string, who: Parameters<typeof call>[3] = 'mediator', suffix = '', aoi = BOX) =>
    call(w, 'GET', `/lines/compare${suffix}?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}${aoi ? `&aoi=${aoi}` : ''}`, who);

  beforeAll(async () => {
    w = await world();
    await add('west', line(meridian(0)));
    await add('east', line(meridian(0.1)));
    // The same meridian drawn the other way: the comparison reads both lines in one direction.
    await add('eastReversed', line([...meridian(0.1)].reverse()));
    await add(
      'diagonal',
      line([
        [0, 0.5],
        [0.1, -0.5],
      ]),
    );
    await add(
      'antidiagonal',
      line([
        [0.1, 0.5],
        [0, -0.5],
      ]),
    );
    const zigzag: Pos[] = [
      [0, 0.5],
      [0.05, 0.25],
      [0, 0],
      [0.05, -0.25],
      [0, -0.5],
    ];
    await add('zigzag', line(zigzag));
    await add('zigzagShifted', line(zigzag.map(([x, y]) => [x + 0.02, y] as Pos)));
    await add(
      'faraway',
      line([
        [10, 10],
        [10, 11],
      ]),
    );
    await add('rusOnly', line(meridian(0.05), { claimantPartyId: 'rus', audience: 'party', audienceParty: 'rus' }), 'delegateRus');
    await add('contact', line(meridian(0.02), { kind: 'contact', date: '2014-09-19' }));
    // Places of the process's own records: one inside the strip between the meridians, one outside it, one hidden from parties.
    const incident = (name: string, lon: number, audience = 'public') =>
      call(w, 'POST', '/incidents', 'mediator', {
        date: { start: '2014-10-01', end: '2014-10-01', precision: 'day' },
        place: { lat: 0.1, lon, precision: 'exact', name },
        actors: [],
        casualties: { killed: { low: 0, best: 0, high: 0 } },
        sources: [],
        audience,
      });
    for (const [name, lon, audience] of [
      ['Testivka', 0.05, 'public'],
      ['Outside', 0.3, 'public'],
      ['Secretivka', 0.07, 'mediator'],
    ] as const)
      expect((await incident(name, lon, audience)).status).toBe(201);
  }, 180_000);

  it('two parallel lines a known distance apart: lengths, the strip between them and its area, the distance', async () => {
    const r = await compare(ids.west!, ids.east!);
    expect(r.status, r.body).toBe(200);
    const c = r.json;
    near(c.a.lengthKm, MERIDIAN_DEGREE_KM, 1e-4);
    near(c.b.lengthKm, MERIDIAN_DEGREE_KM, 1e-4);
    expect(c.parcels).toHaveLength(1);
    // Read north to south, east is on the left: the strip is east of A and west of B, so B gives it to the west.
    expect(c.area.sides.left.en).toBe('east');
    expect(c.area.sides.right.en).toBe('west');
    expect(c.parcels[0]).toMatchObject({ from: 'left', to: 'right' });
    near(c.parcels[0].areaKm2, MERIDIAN_DEGREE_KM * EQUATOR_TENTH_KM, 1e-3);
    near(c.gainedKm2.right, MERIDIAN_DEGREE_KM * EQUATOR_TENTH_KM, 1e-3);
    expect(c.gainedKm2.left).toBe(0);
    near(c.distance.hausdorffKm, EQUATOR_TENTH_KM, 1e-3);
    near(c.distance.meanKm, EQUATOR_TENTH_KM, 1e-3);
    expect(c.distance.farthest.from[0] - c.distance.farthest.to[0]).not.toBe(0);
  });

  it('the direction a line was drawn in does not change the answer; swapping A and B swaps the sides', async () => {
    const forward = (await compare(ids.west!, ids.east!)).json;
    const reversed = (await compare(ids.west!, ids.eastReversed!)).json;
    expect(reversed.parcels.map((p: { to: string }) => p.to)).toEqual(['right']);
    near(reversed.gainedKm2.right, forward.gainedKm2.right, 1e-9);
    const swapped = (await compare(ids.east!, ids.west!)).json;
    expect(swapped.parcels.map((p: { to: string }) => p.to)).toEqual(['left']);
    near(swapped.gainedKm2.left, forward.gainedKm2.right, 1e-9);
  });

  it('identical lines: zero everywhere', async () => {
    const c = (await compare(ids.zigzag!, ids.zigzag!)).json;
    expect(c.parcels).toEqual([]);
    expect(c.gainedKm2).toEqual({ left: 0, right: 0 });
    expect(c.settlements).toEqual([]);
    expect(c.distance).toMatchObject({ hausdorffKm: 0, meanKm: 0, farthest: null });
    expect(c.a.lengthKm).toBe(c.b.lengthKm);
  });

  it('crossing lines give a parcel to each side, of equal area', async () => {
    const c = (await compare(ids.diagonal!, ids.antidiagonal!)).json;
    expect(c.parcels.map((p: { to: string }) => p.to).sort()).toEqual(['left', 'right']);
    // Two triangles of 0.1° × 0.5° / 2 each.
    const triangle = (EQUATOR_TENTH_KM * MERIDIAN_DEGREE_KM) / 4;
    near(c.gainedKm2.left, triangle, 5e-3);
    near(c.gainedKm2.right, triangle, 5e-3);
    // Apart most at the ends, 0.1° of the equator's length apart along a parallel.
    expect(c.distance.hausdorffKm).toBeGreaterThan(EQUATOR_TENTH_KM * 0.99);
  });

  it('a line and itself shifted: the area swept is the shift times the extent', async () => {
    const c = (await compare(ids.zigzag!, ids.zigzagShifted!)).json;
    const swept = (EQUATOR_TENTH_KM / 5) * MERIDIAN_DEGREE_KM;
    near(c.gainedKm2.right, swept, 5e-3);
    expect(c.gainedKm2.left).toBe(0);
    expect(c.distance.hausdorffKm).toBeGreaterThan(0);
    expect(c.distance.hausdorffKm).toBeLessThanOrEqual((EQUATOR_TENTH_KM / 5) * 1.001);
  });

  it("a place of the process's own records inside the parcel changes sides; one outside does not; a hidden one is not shown", async () => {
    const c = (await compare(ids.west!, ids.east!, 'delegateUkr')).json;
    expect(c.settlements.map((s: { names: { en: string } }) => s.names.en)).toEqual(['Testivka']);
    expect(c.settlements[0]).toMatchObject({ origin: 'record', from: 'left', to: 'right', parcel: 1 });
    const mediator = (await compare(ids.west!, ids.east!)).json;
    expect(mediator.settlements.map((s: { names: { en: string } }) => s.names.en).sort()).toEqual(['Secretivka', 'Testivka']);
  });

  it('versions of one line and the contact line of a day can be compared', async () => {
    const current = (await call(w, 'GET', `/lines/${ids.west}`, 'mediator')).json;
    const put = await call(w, 'PUT', `/lines/${ids.west}`, 'mediator', {
      ...line(meridian(0.1)),
      version: current.version,
    });
    expect(put.status, put.body).toBe(200);
    const c = (await compare(`${ids.west}@1`, `${ids.west}@2`)).json;
    expect([c.a.version, c.b.version]).toEqual([1, 2]);
    near(c.gainedKm2.right, MERIDIAN_DEGREE_KM * EQUATOR_TENTH_KM, 1e-3);
    const now = (await compare(ids.west!, ids.east!)).json;
    expect(now.parcels).toEqual([]);
    const contact = await compare('contact@2014-10-01', ids.east!);
    expect(contact.status, contact.body).toBe(200);
    expect(contact.json.a).toMatchObject({ id: ids.contact, kind: 'contact' });
    near(contact.json.gainedKm2.right, MERIDIAN_DEGREE_KM * EQUATOR_TENTH_KM * 0.8, 1e-3);
    expect((await compare('contact@2014-09-01', ids.east!)).status).toBe(404);
    expect((await compare(`${ids.west}@9`, ids.east!)).status).toBe(404);
  });

  it('a line the reader may not see answers as missing', async () => {
    const hidden = await compare(ids.rusOnly!, ids.east!, 'delegateUkr');
    const missing = await compare('no-such-line', ids.east!, 'delegateUkr');
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.reason).toBe('not_found_or_no_access');
    expect(hidden.json.error.message.replace(ids.rusOnly!, 'X')).toBe(missing.json.error.message.replace('no-such-line', 'X'));
    expect((await compare(ids.rusOnly!, ids.east!, 'delegateRus')).status).toBe(200);
    expect((await compare(ids.rusOnly!, ids.east!, 'anonymous')).status).toBe(404);
  });

  it('refuses a line outside the area, a malformed reference and a malformed area, at the field', async () => {
    const outside = await compare(ids.faraway!, ids.east!);
    expect(outside.status).toBe(400);
    expect(outside.json.error).toMatchObject({ reason: 'line_outside_area', details: { field: 'a' } });
    const bad = await compare(ids.west!, 'Not a line!');
    expect(bad.status).toBe(400);
    expect(bad.json.error.details.field).toBe('b');
    const day = await compare(ids.west!, 'contact@2014-02-30');
    expect(day.json.error).toMatchObject({ reason: 'impossible_date', details: { field: 'b' } });
    const box = await compare(ids.west!, ids.east!, 'mediator', '', '1,1,0,0');
    expect(box.json.error).toMatchObject({ reason: 'bbox_inverted', details: { field: 'aoi' } });
  });

  it('refuses a line that crosses itself, crosses the antimeridian, has one point or leaves the world, at the coordinate, writing nothing', async () => {
    const before = (await call(w, 'GET', '/lines?limit=500', 'mediator')).json.items.length;
    const cases: [Pos[], string, string][] = [
      [
        [
          [0, 0],
          [1, 0],
          [1, 1],
          [0.5, -1],
        ],
        'self_intersecting_line',
        'geometry/coordinates/2',
      ],
      [
        [
          [179.5, 60],
          [-179.5, 60],
        ],
        'crosses_antimeridian',
        'geometry/coordinates/1',
      ],
      [[[0, 0]], 'invalid_minitems', 'geometry/coordinates'],
      [
        [
          [0, 0],
          [0, 91],
        ],
        'invalid_maximum',
        'geometry/coordinates/1/1',
      ],
    ];
    for (const [coords, reason, field] of cases) {
      const r = await call(w, 'POST', '/lines', 'delegateUkr', line(coords, { claimantPartyId: 'ukr' }));
      expect(r.status, r.body).toBe(400);
      expect(r.json.error.reason).toBe(reason);
      expect(r.json.error.details.field).toContain(field);
    }
    expect((await call(w, 'GET', '/lines?limit=500', 'mediator')).json.items.length).toBe(before);
  });

  it('violations and zones are measured from a chosen line when asked, and a hidden line is missing', async () => {
    const seen = await call(w, 'POST', '/observations', 'monitor', {
      method: 'seen',
      kind: 'weapon_sighting',
      count: 1,
      approximate: false,
      weapon: 'artillery_100mm_plus',
      observer: { lat: 0.1, lon: 0.2 },
      time: { from: '2014-10-01T09:00:00Z' },
    });
    expect(seen.status, seen.body).toBe(201);
    const observed = (r: { json: { items: { observationId: string }[] } }) => r.json.items.map((v) => v.observationId);
    // 0.18° (20 km) from the contact line, outside its 15 km; 0.1° (11 km) from the eastern proposal, inside.
    expect(observed(await call(w, 'GET', '/violations?date=2014-10-01', 'mediator'))).not.toContain(seen.json.id);
    const chosen = await call(w, 'GET', `/violations?date=2014-10-01&line=${ids.east}`, 'mediator');
    expect(chosen.status, chosen.body).toBe(200);
    expect(observed(chosen)).toContain(seen.json.id);
    expect(chosen.json.items[0].line.id).toBe(ids.east);
    const zones = await call(w, 'GET', `/zones.geojson?date=2014-10-01&line=${ids.east}`, 'mediator');
    expect(zones.status).toBe(200);
    expect(zones.json.features.map((f: { properties: { line: { id: string } } }) => f.properties.line.id)).toContain(ids.east);
    expect((await call(w, 'GET', `/violations?date=2014-10-01&line=${ids.rusOnly}`, 'delegateUkr')).status).toBe(404);
    expect((await call(w, 'GET', `/zones.geojson?date=2014-10-01&line=${ids.rusOnly}`, 'delegateUkr')).status).toBe(404);
  });

  it('exports the comparison as CSV and GeoJSON', async () => {
    const csv = await compare(ids.zigzag!, ids.zigzagShifted!, 'mediator', '.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const parsed = parseCsv(csv.body);
    expect(parsed.records[0]!.fields).toContain('area_km2');
    expect(parsed.records.filter((r) => r.fields[0] === 'parcel').length).toBeGreaterThan(0);
    const geo = await compare(ids.west!, ids.east!, 'mediator', '.geojson');
    expect(geo.status).toBe(200);
    expect(geo.headers['content-type']).toContain('application/geo+json');
    const roles = JSON.parse(geo.body).features.map((f: { properties: { role: string } }) => f.properties.role);
    expect(roles.slice(0, 2)).toEqual(['line_a', 'line_b']);
  });

  it('compares in a box around both lines when the process has no area of interest', async () => {
    await add('boxWest', line(meridian(1)));
    await add('boxEast', line(meridian(1.1)));
    const r = await compare(ids.boxWest!, ids.boxEast!, 'mediator', '', '');
    expect(r.status, r.body).toBe(200);
    expect(r.json.area.note).toMatch(/no area of interest/);
    // The box reaches a quarter of the lines' extent beyond them, so the strip between them is whole.
    near(r.json.gainedKm2.right + r.json.gainedKm2.left, 1.5 * MERIDIAN_DEGREE_KM * EQUATOR_TENTH_KM, 0.001);
  });
});

describe(`lines in a process with an area of interest (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let d: World;
  beforeAll(async () => {
    d = await world({ areaOfInterest: { ring: DONBAS_AOI.ring, along: DONBAS_AOI.along, approximate: true, note: DONBAS_AOI.note } });
  });

  it("compares in the process's area when no box is given", async () => {
    const made = [];
    for (const coordinates of [
      [
        [38.6, 48.9],
        [38.0, 48.2],
        [37.7, 47.6],
      ],
      [
        [38.7, 48.9],
        [38.1, 48.2],
        [37.8, 47.6],
      ],
    ]) {
      const r = await call(d, 'POST', '/lines', 'mediator', line(coordinates as Pos[]));
      expect(r.status, r.body).toBe(201);
      made.push(r.json.id as string);
    }
    const r = await call(d, 'GET', `/lines/compare?a=${made[0]}&b=${made[1]}`, 'mediator');
    expect(r.status, r.body).toBe(200);
    expect(r.json.area.id).toBe(`${d.pid}:area`);
    expect(r.json.area.sides.left.en).toBe('south-east');
    expect(r.json.parcels.map((p: { to: string }) => p.to)).toEqual(['right']);
    expect(r.json.gainedKm2.right).toBeGreaterThan(100);
  });

  it('refuses a line that never enters the area, and writes nothing', async () => {
    const before = (await call(d, 'GET', '/lines', 'delegateUkr')).json.items.length;
    const r = await call(
      d,
      'POST',
      '/lines',
      'delegateUkr',
      line(
        [
          [30, 50],
          [31, 51],
        ],
        { claimantPartyId: 'ukr' },
      ),
    );
    expect(r.status, r.body).toBe(400);
    expect(r.json.error).toMatchObject({ reason: 'line_outside_area', details: { field: 'geometry/coordinates' } });
    expect((await call(d, 'GET', '/lines', 'delegateUkr')).json.items.length).toBe(before);
    // A line from outside that passes through the area is a line across it.
    const across = await call(
      d,
      'POST',
      '/lines',
      'delegateUkr',
      line(
        [
          [37.5, 50],
          [37.5, 46],
        ],
        { claimantPartyId: 'ukr' },
      ),
    );
    expect(across.status, across.body).toBe(201);
    // Moving it out of the area is refused as creating it there would be; the stored version is unchanged.
    const moved = await call(d, 'PUT', `/lines/${across.json.id}`, 'delegateUkr', {
      ...line(
        [
          [30, 50],
          [31, 51],
        ],
        { claimantPartyId: 'ukr' },
      ),
      version: across.json.version,
    });
    expect(moved.json.error).toMatchObject({ reason: 'line_outside_area' });
    expect((await call(d, 'GET', `/lines/${across.json.id}`, 'delegateUkr')).json.version).toBe(across.json.version);
  });
});
