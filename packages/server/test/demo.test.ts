import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../src/domain/shared/actor.ts';
import { buildApp } from '../src/http/app.ts';
import { loadMinsk2014 } from '../src/demo/minsk-2014/index.ts';
import { createProcess } from '../src/use-cases/create-process.ts';
import { rand, runtime } from './support/world.ts';

describe(`the Minsk 2014 demo (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let get: (path: string) => Promise<{ status: number; json: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  beforeAll(async () => {
    const rt = await runtime();
    const pid = `demo-${rand()}`;
    await createProcess(rt, SYSTEM, { id: pid, names: { en: 'Minsk demo' } });
    await loadMinsk2014(rt, pid);
    const app = await buildApp(rt);
    get = async (path) => {
      const r = await app.inject({ method: 'GET', url: `/api/processes/${pid}${path}` });
      return { status: r.statusCode, json: r.json() };
    };
  });

  it('shows the scrapped teleconference with both sides’ claims, to the public', async () => {
    const meetings = (await get('/meetings?limit=100')).json.items;
    const tele = meetings.find((m: { kind: string }) => m.kind === 'preparatory_teleconference');
    expect(tele.status).toBe('cancelled');
    const dossier = (await get(`/meetings/${tele.id}/dossier`)).json;
    const cancel = dossier.history.at(-1);
    expect(cancel.to).toBe('cancelled');
    expect(cancel.claims.map((c: { partyId: string }) => c.partyId).sort()).toEqual(['rus', 'ukr']);
    for (const c of cancel.claims) expect(c.sources.length).toBeGreaterThan(0);
  });

  it('records Kyiv’s condition for a new round', async () => {
    const invitations = (await get('/invitations?limit=100')).json.items;
    const ukr = invitations.find((i: { partyId: string }) => i.partyId === 'ukr');
    expect(ukr.status).toBe('declined_with_conditions');
  });

  it('holds the Protocol’s 12 points and the Memorandum’s 9, with assessments', async () => {
    const agreements = (await get('/agreements')).json.items;
    const counts: Record<string, number> = {};
    for (const a of agreements) counts[a.shortNames?.[0] ?? a.id] = (await get(`/provisions?parent=${a.id}&limit=100`)).json.items.length;
    expect(Object.values(counts).sort((x, y) => x - y)).toEqual([9, 12]);
    expect((await get('/assessments?limit=100')).json.items.length).toBeGreaterThan(0);
  });

  it('attributes the accusation and the denial, each to its source, as counter-claims', async () => {
    const claims = (await get('/claims?limit=100')).json.items as { id: string; counters: string[]; sourceId: string }[];
    const countered = claims.filter((c) => c.counters.length > 0);
    expect(countered.length).toBeGreaterThan(0);
    for (const c of countered) for (const other of c.counters) expect(claims.some((x) => x.id === other)).toBe(true);
    const statements = (await get('/statements?limit=100')).json.items as { stance: string; sourceId: string }[];
    expect(statements.some((s) => s.stance === 'accusation')).toBe(true);
    expect(statements.some((s) => s.stance === 'denial')).toBe(true);
    expect(statements.every((s) => s.sourceId)).toBe(true);
  });

  it('keeps the UN casualty series with qualifiers and sources', async () => {
    const figures = (await get('/figures?limit=100')).json.items as { qualifier: string; value: number; measure: string; sourceId: string }[];
    expect(figures.some((f) => f.qualifier === 'more_than' && f.value === 4300)).toBe(true);
    expect(figures.some((f) => f.value === 4317)).toBe(true);
    expect(figures.every((f) => f.sourceId)).toBe(true);
  });
});
