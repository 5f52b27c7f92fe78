import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/compose.ts';
import { buildApp, redactLinks } from '../src/http/app.ts';
import { ensureSetupLink } from '../src/use-cases/administration/setup.ts';
import { account, address, cookieOf, login, PASSWORD, SAME_ORIGIN } from './support/auth.ts';
import { checkResponses } from './support/response-contract.ts';
import { build, rand, world, type World } from './support/world.ts';

const DAY = 86_400_000;
type Headers = Record<string, string>;
const tokenOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);

describe(`deployment and process administration (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let v: World;
  let rt: Runtime;
  let app: FastifyInstance;
  let now = Date.now();
  let admin: Headers;
  let adminName: string;

  const req = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, headers: Headers = {}, payload?: object, remoteAddress = '10.9.9.9') => {
    const res = await app.inject({ method, url, headers, remoteAddress, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, json: res.body ? res.json() : undefined, res };
  };
  const session = async (username: string, password = PASSWORD) => {
    const res = await login(app, username, password, address());
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: cookieOf(res), ...SAME_ORIGIN };
  };
  const me = async (headers: Headers) => (await req('GET', '/api/auth/me', headers)).json;
  const invite = async (wld: World, who: Headers, payload: object) => req('POST', `/api/processes/${wld.pid}/invites`, who, payload);

  beforeAll(async () => {
    [w, v] = await Promise.all([world(), world()]);
    rt = w.rt;
    app = await buildApp({ ...rt, clock: () => new Date(now), webRoot: null });
    checkResponses(app);
  });

  it('creates the first administrator once, with a set-up link that then works no more', async () => {
    // The suite's database outlives a run; set-up only happens where no administrator exists.
    await rt.handle.db.updateTable('accounts').set({ admin: false }).execute();
    const first = (await ensureSetupLink(rt, new Date(now)))!;
    const second = (await ensureSetupLink(rt, new Date(now)))!;
    expect(second.path).toMatch(/^\/setup\/set-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(second.expiresAt) - now).toBe(DAY);
    adminName = `admin-${rand()}`;
    const body = (path: string, username = adminName) => ({ token: tokenOf(path), username, password: PASSWORD });
    // A new start replaces the earlier link; a wrong secret on a real id is as unknown as a made-up token.
    expect((await req('POST', '/api/setup', {}, body(first.path))).json.error).toMatchObject({ code: 'gone', reason: 'link_revoked' });
    const forged = `${tokenOf(second.path).split('.')[0]}.${'A'.repeat(43)}`;
    expect((await req('POST', '/api/setup', {}, { ...body(second.path), token: forged })).json.error.reason).toBe('link_not_found');
    expect((await req('POST', '/api/setup', {}, { ...body(second.path), password: 'password1234' })).json.error.reason).toBe('weak_password');

    const done = await req('POST', '/api/setup', {}, body(second.path));
    expect(done.status, JSON.stringify(done.json)).toBe(200);
    admin = { cookie: cookieOf(done.res), ...SAME_ORIGIN };
    expect(await me(admin)).toMatchObject({ username: adminName, admin: true, roles: [] });
    const again = await req('POST', '/api/setup', {}, body(second.path, `other-${rand()}`));
    expect(again.status).toBe(410);
    expect(again.json.error.reason).toBe('link_used');
    expect(await ensureSetupLink(rt, new Date(now))).toBeNull();
    expect((await me(w.headers.mediator)).admin).toBe(false);
  });

  it('lets only an administrator open a process, with a chosen first mediator or themselves', async () => {
    const id = `p-${rand()}`;
    const input = { id, names: { en: 'Talks', uk: 'Переговори' }, description: 'opened by a test' };
    expect((await req('POST', '/api/processes', w.headers.mediator, input)).json.error.reason).toBe('not_administrator');
    expect((await req('POST', '/api/processes', {}, input)).status).toBe(401);
    for (const bad of ['Bad', 'a_b', '-ab', 'ab-', 'x'.repeat(65)])
      expect((await req('POST', '/api/processes', admin, { ...input, id: bad })).status, bad).toBe(400);
    expect(await rt.store.reader.processExists(id)).toBe(false);
    const made = await req('POST', '/api/processes', admin, input);
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    expect(made.json).toEqual({ id, mediator: adminName });
    expect((await req('POST', '/api/processes', admin, input)).json.error.reason).toBe('already_exists');
    const people = (await req('GET', `/api/processes/${id}/accounts`, admin)).json.items;
    expect(people).toMatchObject([{ username: adminName, roles: [{ role: 'mediator', partyId: null, version: 1, status: 'active' }] }]);

    const chosen = await account(rt);
    const other = await req('POST', '/api/processes', admin, { id: `${id}-2`, names: { en: 'Other' }, mediator: chosen.username });
    expect(other.json.mediator).toBe(chosen.username);
    expect((await me({ cookie: (await session(chosen.username)).cookie })).roles).toEqual([{ processId: `${id}-2`, role: 'mediator', partyId: null }]);
    expect((await req('POST', '/api/processes', admin, { id: `${id}-3`, names: { en: 'X' }, mediator: 'nobody-here' })).json.error.reason).toBe(
      'unknown_account',
    );
  });

  it('opens a process with its area of interest, checked as a line is, and refuses a broken one at the offending position', async () => {
    const id = `p-${rand()}`;
    const ring = [
      [30, 50],
      [31, 50],
      [31, 52],
      [30, 52],
      [30, 50],
    ];
    const open = (areaOfInterest: object) => req('POST', '/api/processes', admin, { id, names: { en: 'Area' }, areaOfInterest });
    const refused = [
      [{ ring: ring.slice(0, 4), approximate: true }, 'area_not_closed', 'areaOfInterest/ring'],
      [
        {
          ring: [
            [30, 50],
            [31, 52],
            [31, 50],
            [30, 52],
            [30, 50],
          ],
          approximate: true,
        },
        'self_intersecting_area',
        'areaOfInterest/ring/2',
      ],
      [
        {
          ring: [
            [179, 0],
            [-179, 0],
            [-179, 1],
            [179, 0],
          ],
          approximate: true,
        },
        'crosses_antimeridian',
        'areaOfInterest/ring/1',
      ],
      [{ ring, approximate: true, along: [0, 0] }, 'invalid_value', 'areaOfInterest/along'],
    ] as const;
    for (const [area, reason, field] of refused) {
      const r = await open(area);
      expect(r.status, JSON.stringify(r.json)).toBe(400);
      expect(r.json.error).toMatchObject({ reason, details: { field } });
    }
    expect(await rt.store.reader.processExists(id)).toBe(false);
    expect((await open({ ring, approximate: false })).status).toBe(201);
    const all = await req('GET', '/api/processes');
    expect(all.status, JSON.stringify(all.json)).toBe(200);
    const listed = all.json.items.find((p: { id: string }) => p.id === id);
    // A tall area reads its lines north to south, so their sides are east and west.
    expect(listed.areaOfInterest).toEqual({ ring, along: [0, -1], approximate: false });
  });

  it('invites a delegate of one party, who signs in and writes for that party only', async () => {
    const username = `del-${rand()}`;
    const made = await invite(w, w.headers.mediator, { role: 'delegate', partyId: 'ukr', username });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    expect(made.json).toMatchObject({ processId: w.pid, role: 'delegate', partyId: 'ukr', username, path: expect.stringMatching(/^\/invite\/inv-/) });
    expect(Date.parse(made.json.expiresAt) - now).toBe(7 * DAY);
    const token = tokenOf(made.json.path);
    const seen = await req('GET', `/api/invites/${token}`);
    expect(seen.json).toMatchObject({
      processId: w.pid,
      processNames: { en: `Test ${w.pid}` },
      role: 'delegate',
      partyId: 'ukr',
      partyNames: { en: 'UKR' },
      username,
    });
    // The link fixes the party: a body that names another is refused by the schema, and nothing is used up.
    expect((await req('POST', `/api/invites/${token}/accept`, {}, { username, password: PASSWORD, partyId: 'rus' })).json.error.reason).toBe('unknown_field');
    const accepted = await req('POST', `/api/invites/${token}/accept`, {}, { username, password: PASSWORD });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    expect(accepted.json).toEqual({ username, processId: w.pid, role: 'delegate', partyId: 'ukr' });
    expect((await me({ cookie: cookieOf(accepted.res) })).roles).toEqual([{ processId: w.pid, role: 'delegate', partyId: 'ukr' }]);

    const s = await session(username);
    const own = await req('POST', w.url('/sources'), s, build.source({ audience: 'party', audienceParty: 'ukr' }));
    expect(own.status, JSON.stringify(own.json)).toBe(201);
    expect(own.json.owner).toEqual({ side: 'party', partyId: 'ukr' });
    expect((await req('POST', w.url('/sources'), s, build.source({ audience: 'party', audienceParty: 'rus' }))).json.error.reason).toBe('audience_not_allowed');
    expect((await req('POST', v.url('/sources'), s, build.source())).json.error.reason).toBe('role_may_not_write');
    const reused = await req('POST', `/api/invites/${token}/accept`, {}, { username: `${username}-2`, password: PASSWORD });
    expect(reused.json.error).toMatchObject({ code: 'gone', reason: 'link_used' });
    expect(await rt.accounts.findByUsername(`${username}-2`)).toBeUndefined();
    // The grant is journalled with the invite that gave it.
    const entries = await rt.store.reader.journal(w.pid, 'role_grant', `${(await rt.accounts.findByUsername(username))!.accountId}:delegate`);
    expect(entries.map((e) => e.body)).toEqual([expect.objectContaining({ role: 'delegate', partyId: 'ukr', status: 'active', inviteId: made.json.id })]);
  });

  it('adds an invited role to a signed-in account only on a session, and refuses expired and revoked links', async () => {
    const a = await account(rt);
    const made = (await invite(w, admin, { role: 'analyst' })).json;
    const token = tokenOf(made.path);
    const { token: apiToken } = (await req('POST', '/api/auth/tokens', await session(a.username), { name: 'script' })).json;
    expect((await req('POST', `/api/invites/${token}/accept`, { authorization: `Bearer ${apiToken}` }, {})).json.error.reason).toBe('session_required');
    expect((await req('POST', `/api/invites/${token}/accept`, {}, {})).json.error).toMatchObject({ reason: 'missing_field', details: { field: 'username' } });
    const s = await session(a.username);
    const attached = await req('POST', `/api/invites/${token}/accept`, s, {});
    expect(attached.json).toEqual({ username: a.username, processId: w.pid, role: 'analyst', partyId: null });
    expect((await me(s)).roles).toEqual([{ processId: w.pid, role: 'analyst', partyId: null }]);

    const revoked = (await invite(w, w.headers.mediator, { role: 'monitor' })).json;
    const expired = (await invite(w, w.headers.mediator, { role: 'monitor' })).json;
    const pending = (await req('GET', w.url('/invites'), w.headers.mediator)).json.items.map((i: { id: string }) => i.id);
    expect(pending).toEqual(expect.arrayContaining([revoked.id, expired.id]));
    expect(pending).not.toContain(made.id);
    expect(JSON.stringify((await req('GET', w.url('/invites'), w.headers.mediator)).json)).not.toContain(tokenOf(revoked.path).split('.')[1]);
    expect((await req('DELETE', `/api/processes/${v.pid}/invites/${revoked.id}`, v.headers.mediator)).status).toBe(404);
    expect((await req('DELETE', w.url(`/invites/${revoked.id}`), w.headers.mediator)).status).toBe(204);
    expect((await req('DELETE', w.url(`/invites/${revoked.id}`), w.headers.mediator)).status).toBe(404);
    expect((await req('GET', `/api/invites/${tokenOf(revoked.path)}`)).json.error).toMatchObject({ code: 'gone', reason: 'link_revoked' });
    now += 7 * DAY + 1000;
    try {
      const gone = await req('POST', `/api/invites/${tokenOf(expired.path)}/accept`, {}, { username: `late-${rand()}`, password: PASSWORD });
      expect(gone.status).toBe(410);
      expect(gone.json.error.reason).toBe('link_expired');
      expect((await req('GET', w.url('/invites'), w.headers.mediator)).json.items.map((i: { id: string }) => i.id)).not.toContain(expired.id);
    } finally {
      now -= 7 * DAY + 1000;
    }
    expect(redactLinks(`/api/invites/${token}/accept`)).toBe('/api/invites/[token]/accept');
    expect(redactLinks(`/invite/${token}?x=1`)).toBe('/invite/[token]?x=1');
  });

  it('refuses cross-process and cross-party attempts, and they change nothing', async () => {
    const before = JSON.stringify((await req('GET', `/api/processes/${v.pid}/accounts`, v.headers.mediator)).json);
    const victim = await account(rt);
    const attempts = [
      invite(v, w.headers.mediator, { role: 'mediator' }),
      invite(w, w.headers.delegateUkr, { role: 'delegate', partyId: 'ukr' }),
      invite(w, w.headers.analyst, { role: 'analyst' }),
      req('POST', `/api/processes/${v.pid}/roles`, w.headers.mediator, { username: victim.username, role: 'mediator' }),
      req('POST', w.url('/roles'), w.headers.delegateUkr, { username: victim.username, role: 'delegate', partyId: 'rus' }),
      req('DELETE', `/api/processes/${v.pid}/roles/${v.actors.mediator.username}/mediator`, w.headers.mediator),
      req('GET', `/api/processes/${v.pid}/accounts`, w.headers.mediator),
      req('GET', `/api/processes/${v.pid}/invites`, w.headers.delegateUkr),
      req('GET', '/api/accounts', w.headers.mediator),
      req('POST', `/api/accounts/${victim.username}/reset-link`, w.headers.mediator),
      req('PUT', `/api/accounts/${victim.username}/admin`, w.headers.mediator, { admin: true }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.status, JSON.stringify(r.json)).toBe(403);
      expect(['not_process_administrator', 'not_administrator']).toContain(r.json.error.reason);
    }
    expect((await invite(w, w.headers.mediator, { role: 'delegate', partyId: 'nobody' })).json.error.reason).toBe('unknown_reference');
    expect((await invite(w, w.headers.mediator, { role: 'delegate' })).json.error.reason).toBe('party_required');
    expect((await invite(w, w.headers.mediator, { role: 'monitor', partyId: 'ukr' })).json.error.reason).toBe('party_unexpected');
    expect((await invite({ ...w, pid: 'no-such-process' }, w.headers.mediator, { role: 'monitor' })).status).toBe(404);
    expect(JSON.stringify((await req('GET', `/api/processes/${v.pid}/accounts`, v.headers.mediator)).json)).toBe(before);
    expect((await me({ cookie: (await session(victim.username)).cookie })).roles).toEqual([]);

    // An invite stops working when whoever issued it loses the right to issue it.
    const m = await account(rt);
    await req('POST', w.url('/roles'), admin, { username: m.username, role: 'mediator' });
    const ms = await session(m.username);
    const made = (await invite(w, ms, { role: 'delegate', partyId: 'rus' })).json;
    expect((await req('GET', `/api/invites/${tokenOf(made.path)}`)).status).toBe(200);
    expect((await req('DELETE', w.url(`/roles/${m.username}/mediator`), w.headers.mediator)).status).toBe(204);
    expect((await req('GET', `/api/invites/${tokenOf(made.path)}`)).json.error.reason).toBe('link_revoked');
    expect((await invite(w, ms, { role: 'monitor' })).json.error.reason).toBe('not_process_administrator');
  });

  it('grants and revokes roles as journalled versions, effective from the next request', async () => {
    const a = await account(rt);
    const s = await session(a.username);
    const granted = await req('POST', w.url('/roles'), w.headers.mediator, { username: a.username, role: 'delegate', partyId: 'rus' });
    expect(granted.status, JSON.stringify(granted.json)).toBe(201);
    expect((await req('POST', w.url('/sources'), s, build.source())).status).toBe(201);
    expect((await req('DELETE', w.url(`/roles/${a.username}/delegate`), w.headers.mediator)).status).toBe(204);
    expect((await req('DELETE', w.url(`/roles/${a.username}/delegate`), w.headers.mediator)).json.error.reason).toBe('not_found_or_no_access');
    expect((await req('POST', w.url('/sources'), s, build.source())).json.error.reason).toBe('role_may_not_write');
    const person = (await req('GET', w.url('/accounts'), w.headers.mediator)).json.items.find((p: { username: string }) => p.username === a.username);
    expect(person.roles).toEqual([{ role: 'delegate', partyId: 'rus', version: 2, status: 'revoked', revokedAt: expect.any(String) }]);
    const history = await rt.store.reader.journal(w.pid, 'role_grant', `${a.accountId}:delegate`);
    expect(history.map((e) => [e.version, e.supersedes, (e.body as { status: string }).status])).toEqual([
      [1, null, 'active'],
      [2, 1, 'revoked'],
    ]);
    await req('POST', w.url('/roles'), w.headers.mediator, { username: a.username, role: 'delegate', partyId: 'rus' });
    expect((await rt.store.reader.journal(w.pid, 'role_grant', `${a.accountId}:delegate`)).map((e) => e.version)).toEqual([1, 2, 3]);
  });

  it('deactivates an account: its sessions and tokens stop at once, and it cannot sign in', async () => {
    const a = await account(rt);
    const s = await session(a.username);
    const { token } = (await req('POST', '/api/auth/tokens', s, { name: 'script' })).json;
    expect((await req('POST', `/api/accounts/${a.username}/deactivate`, w.headers.mediator)).json.error.reason).toBe('not_administrator');
    expect((await req('POST', `/api/accounts/${adminName}/deactivate`, admin)).json.error.reason).toBe('own_account');
    expect((await req('POST', `/api/accounts/${a.username}/deactivate`, admin)).status).toBe(204);
    expect((await me(s)).username).toBeNull();
    expect((await req('GET', '/api/auth/me', { authorization: `Bearer ${token}` })).json.error.reason).toBe('bad_token');
    expect((await login(app, a.username, PASSWORD, address())).json().error.reason).toBe('bad_credentials');
    const listed = (await req('GET', '/api/accounts', admin)).json.items.find((x: { username: string }) => x.username === a.username);
    expect(listed).toMatchObject({ active: false, admin: false });
    expect((await req('POST', `/api/accounts/${a.username}/reset-link`, admin)).status).toBe(404);
  });

  it('resets a password with a one-time link and ends the old sessions', async () => {
    const a = await account(rt);
    const s = await session(a.username);
    const first = (await req('POST', `/api/accounts/${a.username}/reset-link`, admin)).json;
    const link = await req('POST', `/api/accounts/${a.username}/reset-link`, admin);
    expect(link.status).toBe(201);
    expect(link.json.path).toMatch(/^\/reset\/rst-/);
    const fresh = 'a brand new passphrase here';
    expect((await req('POST', `/api/resets/${tokenOf(first.path)}`, {}, { password: fresh })).json.error.reason).toBe('link_revoked');
    expect((await req('POST', `/api/resets/${tokenOf(link.json.path)}`, {}, { password: 'password1234' })).json.error.reason).toBe('weak_password');
    const done = await req('POST', `/api/resets/${tokenOf(link.json.path)}`, {}, { password: fresh });
    expect(done.json).toEqual({ username: a.username });
    expect((await me(s)).username).toBeNull();
    expect((await login(app, a.username, PASSWORD, address())).statusCode).toBe(401);
    await session(a.username, fresh);
    expect((await req('POST', `/api/resets/${tokenOf(link.json.path)}`, {}, { password: `${fresh}!` })).json.error.reason).toBe('link_used');
    // A reset token is no invite token, and the other way round.
    expect((await req('GET', `/api/invites/${tokenOf(link.json.path)}`)).json.error.reason).toBe('link_not_found');
  });

  it('lets only one of two simultaneous acceptances of one invite through', async () => {
    const made = (await invite(w, w.headers.mediator, { role: 'delegate', partyId: 'rus' })).json;
    const names = [`race-${rand()}`, `race-${rand()}`];
    const results = await Promise.all(names.map((username) => req('POST', `/api/invites/${tokenOf(made.path)}/accept`, {}, { username, password: PASSWORD })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    const created = await Promise.all(names.map((n) => rt.accounts.findByUsername(n)));
    expect(created.filter(Boolean)).toHaveLength(1);
  });

  it('throttles guessed tokens per address, with Retry-After, and leaves other addresses alone', async () => {
    const from = address();
    const made = (await invite(w, w.headers.mediator, { role: 'monitor' })).json;
    const guess = (t: string, at = from) => req('GET', `/api/invites/${t}`, {}, undefined, at);
    for (let i = 0; i < 5; i++) expect((await guess(`inv-${'0'.repeat(12)}.${'x'.repeat(43)}`)).status).toBe(404);
    const limited = await guess(tokenOf(made.path));
    expect(limited.status).toBe(429);
    expect(limited.json.error.reason).toBe('too_many_attempts');
    expect(Number(limited.res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await guess(tokenOf(made.path), address())).status).toBe(200);
  });
});
