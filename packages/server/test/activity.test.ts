import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, type RoleName, type World, world } from './support/world.ts';

const engine = process.env.PARLEY_TEST_ENGINE ?? 'pglite';
type Entry = {
  kind: string;
  recordId: string;
  version: number;
  verb: string;
  by: { username: string; side: string; partyId?: string };
  subject: { kind: string; id: string } | null;
  audience: { audience: string } | null;
};
type Page = { items: Entry[]; next: string | null };

describe(`activity feed and view-as (${engine})`, () => {
  let w: World;
  const ids: Record<'mediatorOnly' | 'published' | 'forum' | 'ukr' | 'rus' | 'public', string> = {} as never;
  const feed = async (who: RoleName | 'anonymous', query: Record<string, string> = {}, extra: Record<string, string> = {}) => {
    const r = await w.app.inject({ method: 'GET', url: w.url(`/activity?${new URLSearchParams(query)}`), headers: { ...w.headers[who], ...extra } });
    return { status: r.statusCode, json: r.json() as Page & { error?: { reason: string } } };
  };
  const all = async (who: RoleName | 'anonymous', extra: Record<string, string> = {}) => {
    const r = await feed(who, { limit: '200' }, extra);
    expect(r.status).toBe(200);
    return r.json.items;
  };
  const key = (e: Entry) => `${e.kind}/${e.recordId}@${e.version}`;

  beforeAll(async () => {
    w = await world();
    const make = async (audience: string, audienceParty?: string) => {
      const r = await call(w, 'POST', '/sources', 'mediator', build.source({ title: `S ${audience}`, audience, ...(audienceParty ? { audienceParty } : {}) }));
      expect(r.status).toBe(201);
      return (r.json as { id: string }).id;
    };
    // The hidden ones first: they are the oldest entries, so a reader's last page is followed only by hidden entries.
    ids.mediatorOnly = await make('mediator');
    ids.published = await make('mediator');
    ids.rus = await make('party', 'rus');
    ids.ukr = await make('party', 'ukr');
    ids.forum = await make('forum');
    ids.public = await make('public');
    const current = await call(w, 'GET', `/sources/${ids.published}`, 'mediator');
    const {
      abilities: _a,
      owner: _o,
      createdAt: _c,
      createdBy: _cb,
      updatedAt: _u,
      updatedBy: _ub,
      processId: _p,
      id: _i,
      ...body
    } = current.json as Record<string, unknown>;
    const put = await call(w, 'PUT', `/sources/${ids.published}`, 'mediator', { ...body, audience: 'public' });
    expect(put.status).toBe(200);
  }, 300_000);
  afterAll(async () => {
    await w?.app.close();
  });

  it('shows the mediator every change, with who made it and how', async () => {
    const items = await all('mediator');
    const published = items.filter((e) => e.recordId === ids.published);
    expect(published.map((e) => [e.version, e.verb])).toEqual([
      [2, 'audience_changed'],
      [1, 'created'],
    ]);
    expect(published[0]!.by).toEqual({ username: w.actors.mediator.username, side: 'mediator' });
    expect(items.find((e) => e.recordId === ids.rus)?.audience).toEqual({ audience: 'party', audienceParty: 'rus' });
    expect(items.some((e) => e.kind === 'role_grant')).toBe(true);
  });

  it('never shows a delegate the entries of records visible only to another party or the mediator', async () => {
    const seen = (await all('delegateUkr')).map((e) => e.recordId);
    expect(seen).toEqual(expect.arrayContaining([ids.ukr, ids.forum, ids.public, ids.published]));
    for (const hidden of [ids.rus, ids.mediatorOnly]) expect(seen).not.toContain(hidden);
    const ukr = await all('delegateUkr');
    expect(ukr.some((e) => e.kind === 'role_grant')).toBe(false);
    // The published record's mediator-only first version stays hidden; only the version that made it public shows.
    expect(ukr.filter((e) => e.recordId === ids.published).map((e) => e.version)).toEqual([2]);
  });

  it('shows an anonymous reader public entries only, and a hidden tail reads like the end', async () => {
    const items = await all('anonymous');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.audience === null || e.audience.audience === 'public')).toBe(true);
    const sources = items.filter((e) => e.kind === 'source').map(key);
    expect(sources).toEqual([`source/${ids.published}@2`, `source/${ids.public}@1`]);
    // Exactly as many as are visible: no cursor, although older hidden entries follow.
    const page = await feed('anonymous', { kind: 'source', limit: '2' });
    expect(page.json.items.map(key)).toEqual(sources);
    expect(page.json.next).toBeNull();
  });

  it('pages stably: pages joined are the whole feed, and a write meanwhile does not shift them', async () => {
    const whole = (await all('delegateUkr')).map(key);
    const paged: string[] = [];
    let cursor: string | null = null;
    let first = true;
    do {
      const r = await feed('delegateUkr', { limit: '3', ...(cursor ? { cursor } : {}) });
      expect(r.status).toBe(200);
      paged.push(...r.json.items.map(key));
      cursor = r.json.next;
      if (first) {
        first = false;
        expect((await call(w, 'POST', '/sources', 'mediator', build.source({ title: 'Later', audience: 'public' }))).status).toBe(201);
      }
    } while (cursor);
    expect(paged).toEqual(whole);
  });

  it('filters by kind, party and day, and refuses what it does not understand', async () => {
    const sources = (await feed('mediator', { kind: 'source', limit: '200' })).json.items;
    expect(sources.length).toBeGreaterThanOrEqual(7);
    expect(sources.every((e) => e.kind === 'source')).toBe(true);
    const today = new Date().toISOString().slice(0, 10);
    expect((await feed('mediator', { from: today, limit: '200' })).json.items.length).toBeGreaterThan(0);
    expect((await feed('mediator', { to: '2000-01-01' })).json.items).toEqual([]);
    const parties = (await feed('mediator', { kind: 'party', party: 'ukr' })).json.items.map((e) => e.recordId);
    expect(parties).toEqual(['ukr']);
    expect((await feed('mediator', { cursor: 'nonsense' })).json.error?.reason).toBe('bad_cursor');
    expect((await feed('mediator', { limit: '201' })).status).toBe(400);
    expect((await feed('mediator', { kind: 'nothing' })).status).toBe(400);
    expect((await feed('mediator', { from: '2014-12-02', to: '2014-12-01' })).json.error?.reason).toBe('span_reversed');
  });

  describe('view as', () => {
    const asUkr = { 'parley-view-as': 'party:ukr' };
    const list = async (who: RoleName | 'anonymous', extra: Record<string, string> = {}) => {
      const r = await w.app.inject({ method: 'GET', url: w.url('/sources?limit=500'), headers: { ...w.headers[who], ...extra } });
      expect(r.statusCode).toBe(200);
      return (r.json() as { items: { id: string }[] }).items.map((s) => s.id);
    };
    const read = async (who: RoleName | 'anonymous', id: string, extra: Record<string, string> = {}) =>
      (await w.app.inject({ method: 'GET', url: w.url(`/sources/${id}`), headers: { ...w.headers[who], ...extra } })).statusCode;

    it('lets a mediator see exactly what a delegate of a party sees, on a list, a record and the feed', async () => {
      expect(await list('mediator', asUkr)).toEqual(await list('delegateUkr'));
      expect(await list('mediator', asUkr)).not.toContain(ids.rus);
      expect(await read('mediator', ids.rus, asUkr)).toBe(404);
      expect(await read('mediator', ids.ukr, asUkr)).toBe(200);
      expect((await all('mediator', asUkr)).map(key)).toEqual((await all('delegateUkr')).map(key));
      const me = await w.app.inject({ method: 'GET', url: w.url('/me'), headers: { ...w.headers.mediator, ...asUkr } });
      expect(me.json()).toMatchObject({ mediator: false, roles: [{ role: 'delegate', partyId: 'ukr' }], speaksFor: ['ukr'] });
    });

    it('lets a mediator see what the public sees', async () => {
      const asPublic = { 'parley-view-as': 'public' };
      expect(await list('mediator', asPublic)).toEqual(await list('anonymous'));
      expect(await read('mediator', ids.mediatorOnly, asPublic)).toBe(404);
      expect((await all('mediator', asPublic)).map(key)).toEqual((await all('anonymous')).map(key));
    });

    it('gains a delegate nothing', async () => {
      const asRus = { 'parley-view-as': 'party:rus' };
      expect(await list('delegateUkr', asRus)).toEqual(await list('delegateUkr'));
      expect(await read('delegateUkr', ids.rus, asRus)).toBe(404);
      expect((await all('delegateUkr', { 'parley-view-as': 'public' })).map(key)).toEqual((await all('delegateUkr')).map(key));
    });

    it('refuses every write that carries it, and a value it does not know', async () => {
      for (const [who, how] of [
        ['mediator', 'public'],
        ['mediator', 'party:ukr'],
        ['delegateUkr', 'party:ukr'],
      ] as const) {
        const r = await w.app.inject({
          method: 'POST',
          url: w.url('/sources'),
          headers: { ...w.headers[who], 'parley-view-as': how },
          payload: build.source({ title: 'Must not exist', audience: 'public' }),
        });
        expect([r.statusCode, (r.json() as { error: { reason: string } }).error.reason]).toEqual([403, 'view_as_read_only']);
      }
      expect((await list('mediator')).length).toBe((await list('mediator')).length);
      const bad = await w.app.inject({ method: 'GET', url: w.url('/sources'), headers: { ...w.headers.mediator, 'parley-view-as': 'party:UKR;drop' } });
      expect([bad.statusCode, (bad.json() as { error: { reason: string } }).error.reason]).toEqual([400, 'view_as_invalid']);
    });
  });
});
