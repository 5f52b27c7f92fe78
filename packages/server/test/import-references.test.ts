import { beforeAll, describe, expect, it } from 'vitest';
import { build, call, world, type World } from './support/world.ts';

const properties = (o: Record<string, unknown> = {}) => ({
  date: { start: '2014-11-20', end: '2014-11-20', precision: 'day' },
  place: { precision: 'exact', name: 'Donetsk' },
  actors: [],
  casualties: { killed: { low: 1, best: 1, high: 1 } },
  sources: [],
  ...o,
});
const feature = (id: string, o: Record<string, unknown> = {}) => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [37.8028, 48.0159] },
  properties: properties(o),
});
const place = { lat: 48.0159, lon: 37.8028, precision: 'exact', name: 'Donetsk' };
const missing = { actors: [{ role: 'side_a', name: 'Nobody', partyId: 'pty-missing' }], sources: [{ sourceId: 'src-missing', publisher: 'Agency' }] };

describe(`imports check references like create (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let hiddenSource: string;
  const upload = (features: unknown[], who: 'mediator' | 'analyst' = 'mediator') =>
    w.app.inject({
      method: 'POST',
      url: w.url('/incidents/import'),
      headers: { ...w.headers[who], 'content-type': 'application/geo+json' },
      payload: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
    });
  const journal = async () => (await w.rt.store.reader.allJournal(w.pid)).length;

  beforeAll(async () => {
    w = await world();
    const s = await call(w, 'POST', '/sources', 'delegateRus', build.source({ audience: 'party', audienceParty: 'rus' }));
    expect(s.status, s.body).toBe(201);
    hiddenSource = s.json.id;
  });

  it('refuses, per row and with its line, a GeoJSON incident naming a missing party and a missing source, and create refuses the same body with the same reason', async () => {
    const r = await upload([feature('geo-ref-bad', missing), feature('geo-ref-ok', { actors: [{ role: 'side_a', name: 'Ukraine', partyId: 'ukr' }] })]);
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json();
    expect(report.totals).toMatchObject({ rows: 2, refused: 1, created: 1 });
    const [bad, ok] = report.rows;
    expect(bad).toMatchObject({ status: 'refused', outcome: 'refused' });
    expect(bad.line).toBeGreaterThan(0);
    expect(bad.problems.map((p: { reason: string; field: string }) => [p.reason, p.field])).toEqual([
      ['unknown_reference', 'actors/0/partyId'],
      ['unknown_reference', 'sources/0/sourceId'],
    ]);
    expect(ok).toMatchObject({ outcome: 'created', incidentId: 'geo-ref-ok' });
    expect((await call(w, 'GET', '/incidents/geo-ref-bad', 'mediator')).status).toBe(404);

    const created = await call(w, 'POST', '/incidents', 'mediator', { id: 'geo-ref-bad', ...properties(missing), place });
    expect(created.status, created.body).toBe(400);
    expect(created.json.error).toMatchObject({ code: 'validation', reason: 'unknown_reference', details: { field: 'actors/0/partyId' } });
  });

  it('answers a reference to a source the importer may not see like a missing one, and writes nothing for that row', async () => {
    const before = await journal();
    const r = await upload([feature('geo-ref-hidden', { sources: [{ sourceId: hiddenSource, publisher: 'Agency' }] })], 'analyst');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().rows[0].problems).toMatchObject([{ reason: 'unknown_reference', field: 'sources/0/sourceId' }]);
    expect(await journal()).toBe(before);
    const created = await call(w, 'POST', '/incidents', 'analyst', {
      id: 'geo-ref-hidden',
      ...properties({ sources: [{ sourceId: hiddenSource, publisher: 'Agency' }] }),
      place,
    });
    expect(created.json.error).toMatchObject({ reason: 'unknown_reference', details: { field: 'sources/0/sourceId' } });
    // The mediator sees the source, so the same row is accepted from the mediator.
    expect((await upload([feature('geo-ref-hidden', { sources: [{ sourceId: hiddenSource, publisher: 'Agency' }] })])).json().totals).toMatchObject({
      created: 1,
    });
  });
});
