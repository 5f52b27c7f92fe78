import { beforeAll, describe, expect, it } from 'vitest';
import { build, call, world, type World } from './support/world.ts';

describe(`agreements and implementation (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let src: string;
  let agreement: string;
  beforeAll(async () => {
    w = await world();
    src = (await call(w, 'POST', '/sources', 'mediator', build.source())).json.id;
    await call(w, 'POST', '/people', 'mediator', { id: 'kuchma', names: { en: 'Leonid Kuchma', uk: 'Леонід Кучма', ru: 'Леонид Кучма' }, partyId: 'ukr' });
    const r = await call(
      w,
      'POST',
      '/agreements',
      'mediator',
      build.agreement({
        id: 'memo',
        shortNames: ['Minsk Memorandum'],
        stage: 'Cea/Ceas',
        external: [{ scheme: 'pax', id: '1362' }],
        signatories: [{ personId: 'kuchma', onBehalfOf: 'ukr', capacity: 'former president, envoy' }],
      }),
    );
    expect(r.status, r.body).toBe(201);
    agreement = r.json.id;
    for (const n of ['1', '2', '3', '4', '10']) {
      const p = await call(w, 'POST', `/agreements/${agreement}/provisions`, 'mediator', {
        number: n,
        paraphrase: { en: `Point ${n}` },
        categories: ['Cea'],
        obligated: ['ukr', 'ordo'],
        ...(n === '4' ? { deadline: { kind: 'relative', anchor: 'signature', days: 1 }, dependsOn: ['1'] } : {}),
      });
      expect(p.status, p.body).toBe(201);
    }
  });

  const assess = (number: string, body: Record<string, unknown>, who: 'analyst' | 'mediator' | 'delegateUkr' = 'analyst') =>
    call(w, 'POST', `/agreements/${agreement}/provisions/${number}/assessments`, who, {
      level: 1,
      asOf: '2014-11-18',
      assessor: 'UN monitoring mission',
      perspective: 'neutral',
      rationale: 'Fighting continues',
      evidence: [{ kind: 'source', id: src }],
      ...body,
    });

  it('keeps provisions in numeric order with their dependencies', async () => {
    const list = await call(w, 'GET', `/provisions?parent=${agreement}&limit=50`, 'anonymous');
    expect(list.json.items).toHaveLength(5);
    const dup = await call(w, 'POST', `/agreements/${agreement}/provisions`, 'mediator', { number: '4', paraphrase: { en: 'again' } });
    expect(dup.status).toBe(409);
    const unknownDep = await call(w, 'POST', `/agreements/${agreement}/provisions`, 'mediator', { number: '5', paraphrase: { en: 'x' }, dependsOn: ['9'] });
    expect(unknownDep.json.error).toMatchObject({ reason: 'unknown_provision', details: { field: 'dependsOn/0' } });
  });

  it('refuses levels outside 0–3 and provisions that do not exist, writing nothing', async () => {
    const before = (await w.rt.store.reader.allJournal(w.pid)).length;
    const high = await assess('1', { level: 4 });
    expect(high.status).toBe(400);
    expect(high.json.error.details.field).toBe('level');
    expect((await assess('7', {})).status).toBe(404);
    expect((await assess('1', { evidence: [] })).json.error.details.field).toBe('evidence');
    expect((await assess('1', {}, 'delegateUkr')).status).toBe(403);
    expect((await w.rt.store.reader.allJournal(w.pid)).length).toBe(before);
  });

  it('builds the implementation matrix with competing perspectives side by side', async () => {
    expect((await assess('1', { level: 0, asOf: '2014-10-06' })).status).toBe(201);
    expect((await assess('1', { level: 1, asOf: '2014-11-18' })).status).toBe(201);
    expect((await assess('1', { level: 2, asOf: '2014-11-18', perspective: 'rus', assessor: 'Russian MFA' })).status).toBe(201);
    expect((await assess('10', { level: 3, asOf: '2014-12-01' })).status).toBe(201);
    const m = await call(w, 'GET', `/agreements/${agreement}/matrix?dates=2014-10-31,2014-11-30,2014-12-31`, 'monitor');
    expect(m.status).toBe(200);
    expect(m.json.provisions.map((p: { number: string }) => p.number)).toEqual(['1', '2', '3', '4', '10']);
    const row1 = m.json.rows[0].cells;
    expect(row1[0]).toMatchObject({ neutral: { level: 0 } });
    expect(row1[1]).toMatchObject({ neutral: { level: 1 }, rus: { level: 2, assessor: 'Russian MFA' } });
    expect(m.json.rows[4].cells.map((c: Record<string, { level: number }>) => c.neutral?.level)).toEqual([undefined, undefined, 3]);
    expect((await call(w, 'GET', `/agreements/${agreement}/matrix?dates=2014-02-30`, 'anonymous')).json.error.reason).toBe('impossible_date');
  });
});
