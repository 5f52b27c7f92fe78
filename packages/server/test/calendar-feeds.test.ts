import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCalendarFeed } from '../src/use-cases/access/calendar-feeds.ts';
import { build, call, world, type World } from './support/world.ts';

describe(`secret calendar addresses (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
    for (const [title, audience] of [
      ['Open round', 'public'],
      ['Mediator-only round', 'mediator'],
    ])
      expect((await call(w, 'POST', '/meetings', 'mediator', build.meeting({ title: { en: title }, audience }))).status).toBe(201);
  });
  const feedOf = (who: 'mediator' | 'delegateUkr') => createCalendarFeed(w.rt, w.actors[who], w.pid, 'session');
  const subscribe = (path: string) => w.app.inject({ method: 'GET', url: path });
  const summaries = (ics: string) =>
    new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).summary.replace(/ \(.*$/, ''));

  it('opens with no cookie or header what its account may see, and nothing more', async () => {
    const mediator = await feedOf('mediator');
    const delegate = await feedOf('delegateUkr');
    expect(mediator.token).toMatch(/^cal_[A-Za-z0-9_-]{43}$/);
    const m = await subscribe(`/api/feeds/${mediator.token}/calendar.ics`);
    expect(m.statusCode).toBe(200);
    expect(m.headers['cache-control']).toBe('private, no-store');
    expect(summaries(m.body)).toEqual(expect.arrayContaining(['Open round', 'Mediator-only round']));
    const d = await subscribe(`/api/feeds/${delegate.token}/calendar.ics`);
    expect(summaries(d.body)).toContain('Open round');
    expect(summaries(d.body)).not.toContain('Mediator-only round');
  });

  it('is issued only to a session, listed without its secret, and revoked only by its owner', async () => {
    const byToken = await call(w, 'POST', '/calendar-feeds', 'delegateUkr');
    expect(byToken.status).toBe(403);
    expect(byToken.json.error.reason).toBe('session_required');
    expect((await call(w, 'POST', '/calendar-feeds', 'anonymous')).status).toBe(401);
    const feed = await feedOf('delegateUkr');
    const listed = await call(w, 'GET', '/calendar-feeds', 'delegateUkr');
    expect(listed.json.items.map((f: { id: string }) => f.id)).toContain(feed.id);
    expect(listed.body).not.toContain(feed.token);
    expect((await call(w, 'GET', '/calendar-feeds', 'delegateRus')).json.items).toEqual([]);
    // Another account's address answers like a missing one, and stays open.
    const other = await w.app.inject({ method: 'DELETE', url: w.url(`/calendar-feeds/${feed.id}`), headers: w.headers.delegateRus });
    expect(other.statusCode).toBe(404);
    expect((await subscribe(`/api/feeds/${feed.token}/calendar.ics`)).statusCode).toBe(200);
    const own = await w.app.inject({ method: 'DELETE', url: w.url(`/calendar-feeds/${feed.id}`), headers: w.headers.delegateUkr });
    expect(own.statusCode).toBe(204);
    const gone = await subscribe(`/api/feeds/${feed.token}/calendar.ics`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
  });

  it('answers an unknown, malformed or deactivated address exactly alike', async () => {
    const feed = await feedOf('delegateUkr');
    await w.rt.accounts.deactivate(w.actors.delegateUkr.accountId!, 'test', new Date());
    const deactivated = await subscribe(`/api/feeds/${feed.token}/calendar.ics`);
    const unknown = await subscribe(`/api/feeds/cal_${'A'.repeat(43)}/calendar.ics`);
    expect(deactivated.statusCode).toBe(404);
    expect(deactivated.body).toBe(unknown.body);
    const malformed = await subscribe(`/api/feeds/${encodeURIComponent("cal_'; drop table x; --")}/calendar.ics`);
    expect(malformed.statusCode).toBe(400);
  });
});
