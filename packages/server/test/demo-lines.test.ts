import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../src/domain/shared/actor.ts';
import { buildApp } from '../src/http/app.ts';
import { loadMinsk2014 } from '../src/demo/minsk-2014/index.ts';
import { createProcess } from '../src/use-cases/create-process.ts';
import { rand, runtime } from './support/world.ts';

describe(`the demo's contact line and synthetic monitoring data (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let get: (path: string) => Promise<{ status: number; body: string }>;
  beforeAll(async () => {
    const rt = await runtime();
    const pid = `demo-${rand()}`;
    await createProcess(rt, SYSTEM, { id: pid, names: { en: 'Minsk demo' } });
    await loadMinsk2014(rt, pid);
    const app = await buildApp(rt);
    get = async (path) => {
      const r = await app.inject({ method: 'GET', url: `/api/processes/${pid}${path}` });
      return { status: r.statusCode, body: r.body };
    };
  });

  it('draws the 19 September line as approximate, citing the memorandum source', async () => {
    const lines = JSON.parse((await get('/lines.geojson?date=2014-11-20')).body).features;
    expect(lines).toHaveLength(1);
    expect(lines[0].properties).toMatchObject({ approximate: true, basisAgreementId: 'minsk-memorandum', date: '2014-09-19' });
    expect(lines[0].properties.note).toMatch(/approximate/i);
    expect(lines[0].properties.sources.map((s: { sourceId: string }) => s.sourceId)).toContain('src-21');
  });

  it('sketches the line after Debaltseve, so comparing the two shows the town changing sides', async () => {
    const after = JSON.parse((await get('/lines.geojson?date=2015-03-01')).body).features;
    expect(after.map((l: { id: string }) => l.id)).toEqual(['line-2015-02-20']);
    expect(after[0].properties.sources.map((s: { sourceId: string }) => s.sourceId)).toEqual(['src-44']);
    const c = JSON.parse((await get('/lines/compare?a=line-2014-09-19&b=line-2015-02-20')).body);
    const moved = c.settlements.map((p: { id: string }) => p.id);
    expect(moved).toContain('debaltseve');
    // The sketch keeps Horlivka with the formations and Svitlodarsk with Ukraine on both days.
    expect(moved).not.toContain('horlivka');
    expect(moved).not.toContain('svitlodarsk');
    expect(c.parcels.length).toBeGreaterThan(0);
  });

  it('labels every demo incident and observation synthetic, in its source and its notes', async () => {
    const incidents = JSON.parse((await get('/incidents?limit=500')).body).items;
    expect(incidents.length).toBeGreaterThan(0);
    for (const i of incidents) {
      expect(i.sources.map((s: { sourceId: string }) => s.sourceId)).toContain('src-synthetic');
      expect(i.notes).toMatch(/SYNTHETIC/);
    }
    const observations = JSON.parse((await get('/observations?limit=500')).body).items;
    for (const o of observations) expect(o.note).toMatch(/SYNTHETIC/);
    expect(JSON.parse((await get('/sources/src-synthetic')).body)).toMatchObject({ kind: 'dataset', title: 'Synthetic demo data' });
  });

  it('computes the synthetic howitzer as a violation of the memorandum, and reports the day', async () => {
    const v = JSON.parse((await get('/violations?date=2014-10-02')).body).items;
    expect(v).toMatchObject([
      {
        observationId: 'syn-obs-2014-10-02-howitzer',
        rule: { ruleSet: 'memorandum-2014-09-19', requiredKm: 15 },
        line: { id: 'line-2014-09-19', approximate: true },
      },
    ]);
    expect(v[0].distanceKm).toBeGreaterThan(2);
    expect(v[0].distanceKm).toBeLessThan(10);
    const report = JSON.parse((await get('/reports/daily?date=2014-10-02')).body);
    expect(report.regions.find((r: { region: string }) => r.region === 'Donetsk')).toMatchObject({
      incidents: { today: 1, previous: 1 },
      explosions: { today: 30, previous: 12 },
    });
    expect(report.ceasefire).toMatchObject({ agreementId: 'minsk-protocol', since: '2014-09-05T18:00:00+03:00', agreementShortName: expect.any(String) });
    expect((await get('/reports/daily?date=2014-10-02&format=html')).body).toContain('Ceasefire in force since 2014-09-05T18:00:00+03:00');
  });

  it('counts no incident as a ceasefire violation on a day before the ceasefire began', async () => {
    const report = JSON.parse((await get('/reports/daily?date=2014-08-20')).body);
    expect(report.ceasefire).toBeNull();
    const page = (await get('/reports/daily?date=2014-08-20&format=html')).body;
    expect(page).toContain('No ceasefire was in force on this day');
    expect(page).not.toMatch(/ceasefire violations/i);
  });

  it('finds the violations of a period, each day under its own rules, and refuses a reversed or too long one', async () => {
    const v = JSON.parse((await get('/violations?date=2014-09-25&to=2014-10-10')).body).items;
    expect(v.map((x: { observationId: string }) => x.observationId)).toContain('syn-obs-2014-10-02-howitzer');
    expect(v.every((x: { date: string }) => x.date >= '2014-09-25' && x.date <= '2014-10-10')).toBe(true);
    const one = JSON.parse((await get('/violations?date=2014-10-02')).body).items;
    expect(v.filter((x: { date: string }) => x.date === '2014-10-02')).toEqual(one);
    const reversed = await get('/violations?date=2014-10-10&to=2014-09-25');
    expect(reversed.status).toBe(400);
    expect(JSON.parse(reversed.body).error).toMatchObject({ reason: 'bounds_reversed', details: { field: 'to' } });
    const long = await get('/violations?date=2014-09-01&to=2014-10-02');
    expect(JSON.parse(long.body).error).toMatchObject({ reason: 'too_many_dates', details: { field: 'to' } });
  });
});
