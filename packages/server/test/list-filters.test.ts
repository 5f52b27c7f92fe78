import { beforeAll, describe, expect, it } from 'vitest';
import { createRecord } from '../src/use-cases/create-record.ts';
import { resource } from '../src/use-cases/resources.ts';
import { bodyOf, today } from '../src/use-cases/support.ts';
import { build, call, world, type RoleName, type World } from './support/world.ts';

interface Item {
  id: string;
  title: { en: string };
  plannedStart: string;
  status: string;
  audience: string;
  hostPartyId?: string;
  updatedAt: string;
}

/** 2015-01-01 plus n days, so the 530 meetings spread over about 18 months with some days shared. */
const day = (n: number) => new Date(Date.UTC(2015, 0, 1) + Math.floor(n / 2) * 86_400_000).toISOString().slice(0, 10);

describe(`list filters, orders and paging (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  const PUBLIC = 530;
  beforeAll(async () => {
    w = await world();
    const meetings = resource('meeting');
    // The bulk is written in one unit of work (as an import would): 530 separate creates only time the log.
    // The two hidden ones go through the use case, with its policy checks.
    await w.rt.store.write(w.pid, w.actors.mediator, async (uow) => {
      for (let n = 0; n < PUBLIC; n++) {
        const input = build.meeting({ title: { en: `m-${n}` }, plannedStart: day(n), ...(n % 3 === 0 ? { hostPartyId: 'ukr' } : {}) });
        const index = meetings.index(input, today(uow.now));
        await uow.insert('meetings', 'meeting', { id: `m-${n}`, audience: 'public', audienceParty: null, ...index, body: bodyOf(input), owner: 'mediator' });
      }
    });
    await createRecord(
      w.rt,
      w.actors.mediator,
      w.pid,
      meetings,
      build.meeting({ title: { en: 'hidden-med' }, plannedStart: day(12), audience: 'mediator', hostPartyId: 'ukr' }),
    );
    await createRecord(
      w.rt,
      w.actors.mediator,
      w.pid,
      meetings,
      build.meeting({ title: { en: 'hidden-rus' }, plannedStart: day(12), audience: 'party', audienceParty: 'rus', hostPartyId: 'ukr' }),
    );
  });

  const list = async (who: RoleName | 'anonymous', query: string) => {
    const r = await call(w, 'GET', `/meetings?${query}`, who);
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    return r.json as { items: Item[]; next: string | null };
  };
  const all = async (who: RoleName | 'anonymous', query: string) => {
    const items: Item[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const page = await list(who, `${query}${next ? `&after=${next}` : ''}`);
      items.push(...page.items);
      next = page.next;
      pages++;
    } while (next);
    return { items, pages };
  };

  it('pages past 500 by a cursor, neither skipping nor repeating, in every order', async () => {
    const dates = await all('anonymous', 'limit=500');
    expect(dates.pages).toBe(2);
    expect(dates.items).toHaveLength(PUBLIC);
    expect(new Set(dates.items.map((m) => m.id)).size).toBe(PUBLIC);
    const starts = dates.items.map((m) => m.plannedStart);
    expect(starts).toEqual([...starts].sort());

    const newest = await all('anonymous', 'limit=200&sort=-date');
    expect(newest.items.map((m) => m.id)).toEqual(dates.items.map((m) => m.id).reverse());

    const updated = await all('anonymous', 'limit=77&sort=updated');
    expect(updated.items).toHaveLength(PUBLIC);
    expect(new Set(updated.items.map((m) => m.id)).size).toBe(PUBLIC);
    const times = updated.items.map((m) => m.updatedAt);
    expect(times).toEqual([...times].sort());
    const latest = await all('anonymous', 'limit=300&sort=-updated');
    expect(latest.items.map((m) => m.id)).toEqual(updated.items.map((m) => m.id).reverse());
  });

  it('keeps its place when records are written between pages', async () => {
    const first = await list('anonymous', 'limit=100');
    const last = first.items[first.items.length - 1]!;
    // One written before the cursor's position and one after it: neither shifts the next page.
    await call(w, 'POST', '/meetings', 'mediator', build.meeting({ title: { en: 'late-early' }, plannedStart: '2014-06-01', audience: 'public' }));
    await call(w, 'POST', '/meetings', 'mediator', build.meeting({ title: { en: 'late-later' }, plannedStart: '2030-06-01', audience: 'public' }));
    const second = await list('anonymous', `limit=100&after=${first.next}`);
    expect(second.items[0]!.plannedStart >= last.plannedStart).toBe(true);
    expect(second.items.map((m) => m.id)).not.toContain(last.id);
    expect(second.items.map((m) => m.title.en)).not.toContain('late-early');
  });

  it('filters by date range, party, status and audience', async () => {
    const span = await all('anonymous', `limit=500&from=${day(100)}&to=${day(199)}`);
    expect(span.items).toHaveLength(100);
    expect(span.items.every((m) => m.plannedStart >= day(100) && m.plannedStart <= day(199))).toBe(true);

    const ukr = await all('anonymous', 'limit=500&party=ukr');
    expect(ukr.items.length).toBe(Math.ceil(PUBLIC / 3));
    expect(ukr.items.every((m) => m.hostPartyId === 'ukr')).toBe(true);

    expect((await list('anonymous', 'status=cancelled')).items).toEqual([]);
    expect((await list('anonymous', 'status=proposed&limit=5')).items.every((m) => m.status === 'proposed')).toBe(true);

    const med = await list('mediator', 'audience=mediator');
    expect(med.items.map((m) => m.title.en)).toEqual(['hidden-med']);
    expect((await list('mediator', 'audience=party')).items.map((m) => m.title.en)).toEqual(['hidden-rus']);
  });

  it('never lets a filter reveal a record hidden from the reader', async () => {
    for (const who of ['anonymous', 'delegateUkr'] as const) {
      expect((await list(who, 'audience=mediator')).items).toEqual([]);
      expect((await list(who, 'audience=party')).items).toEqual([]);
      const onDay = await all(who, `limit=500&from=${day(12)}&to=${day(12)}&party=ukr`);
      expect(onDay.items.length).toBeGreaterThan(0);
      expect(onDay.items.map((m) => m.title.en)).not.toContain('hidden-med');
      expect(onDay.items.map((m) => m.title.en)).not.toContain('hidden-rus');
    }
    const rus = await list('delegateRus', 'audience=party');
    expect(rus.items.map((m) => m.title.en)).toEqual(['hidden-rus']);
  });

  it('refuses bad input with a stable reason and no 500', async () => {
    const refused = async (query: string, reason: string) => {
      const r = await call(w, 'GET', `/meetings?${query}`, 'mediator');
      expect(r.status, query).toBe(400);
      expect(r.json.error.reason, query).toBe(reason);
    };
    const cursor = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');
    const dateCursor = (await list('mediator', 'limit=1')).next!;
    await refused('after=garbage', 'bad_cursor');
    await refused(`sort=updated&after=${dateCursor}`, 'bad_cursor');
    await refused(`after=${cursor(['date', '2015-02-30', 'm-1'])}`, 'bad_cursor');
    await refused(`after=${cursor(['date', "2015-01-01' or 1=1", 'm-1'])}`, 'bad_cursor');
    await refused(`after=${cursor(['date', '2015-01-01', 'M; drop'])}`, 'bad_cursor');
    await refused(`sort=updated&after=${cursor(['updated', '2015-01-01T25:00:00.000Z', 'm-1'])}`, 'bad_cursor');
    await refused(`after=${cursor({ a: 1 })}`, 'bad_cursor');
    await refused('sort=title', 'invalid_choice');
    await refused('audience=everyone', 'invalid_choice');
    await refused('limit=501', 'invalid_maximum');
    await refused('from=2015-02-01&to=2015-01-01', 'span_reversed');
  });
});
