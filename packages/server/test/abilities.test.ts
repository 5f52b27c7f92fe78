import { beforeAll, describe, expect, it } from 'vitest';
import { build, call, type RoleName, world, type World } from './support/world.ts';

/**
 * Abilities are checked against the server itself: for every reader, an action the record's
 * abilities offer succeeds, and one they leave out is refused. So the interface, which shows
 * only what abilities offer, never offers what the server would refuse.
 */
const ACTORS: (RoleName | 'anonymous')[] = ['mediator', 'delegateUkr', 'delegateRus', 'analyst', 'monitor', 'anonymous'];
const AUTHORS: RoleName[] = ['mediator', 'delegateUkr', 'analyst'];
type Read = { id: string; version: number; abilities: { actions: string[]; transitions?: string[] } } & Record<string, unknown>;

describe(`abilities (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let sourceId: string;
  const incident = {
    date: { start: '2014-09-20', end: '2014-09-20', precision: 'day' },
    place: { lat: 48.0159, lon: 37.8028, precision: 'exact', name: 'Donetsk airport' },
    actors: [{ role: 'side_a', name: 'Government of Ukraine', partyId: 'ukr' }],
    casualties: { killed: { low: 1, best: 2, high: 3 } },
    sources: [],
  };
  const read = async (path: string, who: RoleName | 'anonymous') => {
    const r = await call(w, 'GET', path, who);
    expect(r.status, r.body).toBe(200);
    return r.json as Read;
  };
  const has = (r: Read, action: string) => r.abilities.actions.includes(action);
  const ok = (status: number) => status >= 200 && status < 300;

  beforeAll(async () => {
    w = await world();
    sourceId = (await call(w, 'POST', '/sources', 'mediator', build.source({ audience: 'public' }))).json.id;
  });

  it('offers edit and publish exactly when the server accepts them, for every author and reader', async () => {
    let checked = 0;
    for (const author of AUTHORS) {
      for (const actor of ACTORS) {
        const created = await call(w, 'POST', '/statements', author, {
          date: '2014-11-20',
          speech: 'direct',
          text: 'Said',
          stance: 'denial',
          sourceId,
          audience: 'forum',
        });
        expect(created.status, created.body).toBe(201);
        const path = `/statements/${created.json.id}`;
        const r = await read(path, actor === 'anonymous' ? 'mediator' : actor);
        if (actor === 'anonymous') continue; // anonymous cannot read a forum record at all
        const { abilities: _a, ...body } = r;
        const edit = await call(w, 'PUT', path, actor, { ...body, text: 'Said again' });
        expect(ok(edit.status), `${actor} edit of ${author}'s: ${edit.status}`).toBe(has(r, 'edit'));
        const again = await read(path, actor);
        const publish = await call(w, 'PUT', path, actor, { ...again, audience: 'public' });
        expect(ok(publish.status), `${actor} publish of ${author}'s: ${publish.status}`).toBe(has(r, 'publish'));
        checked += 2;
      }
    }
    expect(checked).toBe(AUTHORS.length * (ACTORS.length - 1) * 2);
  });

  it('offers nothing to an anonymous reader of a public record', async () => {
    const r = await read(`/sources/${sourceId}`, 'anonymous');
    expect(r.abilities).toEqual({ actions: [] });
  });

  it("offers a meeting's transitions to the mediator only, with the statuses it can go to", async () => {
    const m = (await call(w, 'POST', '/meetings', 'mediator', build.meeting())).json;
    const seen = await read(`/meetings/${m.id}`, 'mediator');
    expect(seen.abilities.transitions).toEqual(['scheduled', 'cancelled', 'lapsed']);
    expect(has(seen, 'transition') && has(seen, 'invite') && has(seen, 'attend')).toBe(true);
    const delegate = await read(`/meetings/${m.id}`, 'delegateUkr');
    expect(has(delegate, 'transition')).toBe(false);
    expect(has(delegate, 'claim_cause')).toBe(true);
    const refused = await call(w, 'POST', `/meetings/${m.id}/transitions`, 'delegateUkr', { to: 'scheduled', at: '2014-11-20', reason: 'x', version: 1 });
    expect(refused.status).toBe(403);
    const done = await call(w, 'POST', `/meetings/${m.id}/transitions`, 'mediator', { to: 'scheduled', at: '2014-11-20', reason: 'agreed', version: 1 });
    expect(done.status, done.body).toBe(200);
    expect(done.json.abilities.transitions).toEqual(['in_progress', 'held', 'postponed', 'cancelled', 'lapsed']);
  });

  it("offers an invitation's answer to the invited party's delegate and not to another party's", async () => {
    const m = (await call(w, 'POST', '/meetings', 'mediator', build.meeting())).json;
    const inv = (await call(w, 'POST', `/meetings/${m.id}/invitations`, 'mediator', { partyId: 'ukr' })).json;
    const answer = { status: 'confirmed', at: '2014-12-01', version: 1 };
    const other = await read(`/invitations/${inv.id}`, 'delegateRus');
    expect(has(other, 'answer')).toBe(false);
    expect((await call(w, 'POST', `/invitations/${inv.id}/responses`, 'delegateRus', answer)).status).toBe(403);
    const invited = await read(`/invitations/${inv.id}`, 'delegateUkr');
    expect(has(invited, 'answer')).toBe(true);
    expect((await call(w, 'POST', `/invitations/${inv.id}/responses`, 'delegateUkr', answer)).status).toBe(200);
  });

  it('offers verification to analysts and the mediator, attribution to parties too, and neither to monitors', async () => {
    const inc = (await call(w, 'POST', '/incidents', 'analyst', { ...incident, audience: 'forum' })).json;
    const offered = Object.fromEntries(
      await Promise.all(
        (['mediator', 'analyst', 'delegateUkr', 'monitor'] as const).map(async (who) => [who, (await read(`/incidents/${inc.id}`, who)).abilities.actions]),
      ),
    );
    expect(offered.analyst).toEqual(expect.arrayContaining(['verify', 'attribute']));
    expect(offered.mediator).toEqual(expect.arrayContaining(['verify', 'attribute', 'redact']));
    expect(offered.delegateUkr).toContain('attribute');
    expect(offered.delegateUkr).not.toContain('verify');
    expect(offered.monitor).not.toContain('verify');
    const refused = await call(w, 'POST', `/incidents/${inc.id}/verifications`, 'delegateUkr', { to: 'corroborated', reason: 'x', version: 1, sources: [] });
    expect(refused.status).toBe(403);
  });

  it("answers a reader's roles, parties and the kinds they may record in a process, and a missing process like any other", async () => {
    const me = (await call(w, 'GET', `/me`, 'delegateUkr')).json;
    expect(me).toMatchObject({ processId: w.pid, mediator: false, speaksFor: ['ukr'] });
    expect(me.create).toEqual(expect.arrayContaining(['statement', 'claim', 'invitation_response', 'line']));
    expect(me.create).not.toContain('meeting');
    expect((await call(w, 'GET', `/me`, 'mediator')).json.mediator).toBe(true);
    expect((await call(w, 'GET', `/me`, 'anonymous')).json).toMatchObject({ roles: [], create: [], mediator: false });
    expect((await call(w, 'GET', '/api/processes/no-such-process/me', 'mediator')).status).toBe(404);
  });
});
