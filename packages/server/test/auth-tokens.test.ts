import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/compose.ts';
import { buildApp } from '../src/http/app.ts';
import { addAccount } from '../src/use-cases/access/accounts.ts';
import { account, address, cookieOf, login, PASSWORD, SAME_ORIGIN } from './support/auth.ts';
import { rand, runtime } from './support/world.ts';

const DAY = 86_400_000;

describe(`passwords, sessions and API tokens (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let rt: Runtime;
  let app: FastifyInstance;
  let now = Date.now();
  beforeAll(async () => {
    rt = await runtime();
    app = await buildApp({ ...rt, clock: () => new Date(now), webRoot: null });
  });

  /** A signed-in person: a session cookie and the headers the web app sends with it. */
  const signedIn = async () => {
    const a = await account(rt);
    const res = await login(app, a.username, PASSWORD, address());
    expect(res.statusCode, res.body).toBe(200);
    return { ...a, session: { cookie: cookieOf(res), ...SAME_ORIGIN } };
  };
  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
    app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = async (headers: Record<string, string>) => (await req('GET', '/api/auth/me', headers)).json().username;

  it('refuses common, repetitive and guessable passwords with the estimator’s advice, and takes strong ones', async () => {
    const username = `p-${rand()}`;
    for (const password of ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop123', '1234567890', `${username}${username}`, 'short']) {
      const refused = addAccount(rt, { username, password });
      await expect(refused, password).rejects.toMatchObject({ code: 'validation', reason: 'weak_password', details: { field: 'password' } });
    }
    await expect(addAccount(rt, { username, password: 'aaaaaaaaaaaa' })).rejects.toThrow(/Repeated characters/);
    await expect(addAccount(rt, { username, password: 'password1234' })).rejects.toThrow(/commonly used password/);
    expect(await rt.accounts.findByUsername(username)).toBeUndefined();
    // The test accounts' phrase and the demo's generated passwords (9 random bytes) pass.
    await expect(addAccount(rt, { username, password: PASSWORD })).resolves.toMatchObject({ accountId: expect.any(String) });
    for (let i = 0; i < 5; i++)
      await expect(addAccount(rt, { username: `d-${rand()}`, password: randomBytes(9).toString('base64url') })).resolves.toBeDefined();
  });

  it('issues tokens only to a session, with a default, chosen or refused expiry', async () => {
    const { session } = await signedIn();
    const made = await req('POST', '/api/auth/tokens', session, { name: 'script' });
    expect(made.statusCode, made.body).toBe(201);
    const token = made.json();
    expect(token).toMatchObject({ id: expect.stringMatching(/^tok-/), name: 'script', token: expect.stringMatching(/^pat_/), lastUsedAt: null });
    expect(Date.parse(token.expiresAt) - now).toBe(90 * DAY);
    const week = (await req('POST', '/api/auth/tokens', session, { name: 'week', expiresInDays: 7 })).json();
    expect(Date.parse(week.expiresAt) - now).toBe(7 * DAY);
    for (const expiresInDays of [0, 366, 1.5, '7'])
      expect((await req('POST', '/api/auth/tokens', session, { name: 'bad', expiresInDays })).json().error, String(expiresInDays)).toMatchObject({
        code: 'validation',
        details: { field: 'expiresInDays' },
      });

    // A token cannot mint tokens: 403, and nothing is created.
    const minted = await req('POST', '/api/auth/tokens', bearer(token.token), { name: 'child' });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().error).toMatchObject({ code: 'forbidden', reason: 'session_required' });
    expect((await req('POST', '/api/auth/tokens', {}, { name: 'anon' })).statusCode).toBe(401);
    const names = (await req('GET', '/api/auth/tokens', session)).json().items.map((t: { name: string }) => t.name);
    expect(names.sort()).toEqual(['script', 'week']);
  });

  it('lists tokens with name, dates and last use, never the token', async () => {
    const { session } = await signedIn();
    const made = (await req('POST', '/api/auth/tokens', session, { name: 'listed' })).json();
    now += 5 * 60_000;
    expect(await me(bearer(made.token))).not.toBeNull();
    const list = await req('GET', '/api/auth/tokens', bearer(made.token));
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      { id: made.id, name: 'listed', createdAt: expect.any(String), expiresAt: made.expiresAt, lastUsedAt: new Date(now).toISOString() },
    ]);
    expect(list.body).not.toContain(made.token);
    expect(list.body).not.toContain(made.token.slice(4));
    expect((await req('GET', '/api/auth/tokens', {})).statusCode).toBe(401);
  });

  it('refuses a token once it has expired', async () => {
    const { session } = await signedIn();
    const day = (await req('POST', '/api/auth/tokens', session, { name: 'day', expiresInDays: 1 })).json();
    expect(await me(bearer(day.token))).not.toBeNull();
    now += DAY;
    const expired = await req('GET', '/api/auth/me', bearer(day.token));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.reason).toBe('bad_token');
  });

  it('revokes one’s own token, and nobody else’s', async () => {
    const owner = await signedIn();
    const other = await signedIn();
    const a = (await req('POST', '/api/auth/tokens', owner.session, { name: 'a' })).json();
    const b = (await req('POST', '/api/auth/tokens', owner.session, { name: 'b' })).json();
    const foreign = await req('DELETE', `/api/auth/tokens/${a.id}`, other.session);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.reason).toBe('not_found_or_no_access');
    expect(await me(bearer(a.token))).toBe(owner.username);
    expect((await req('DELETE', `/api/auth/tokens/${a.id}`, owner.session)).statusCode).toBe(204);
    expect((await req('GET', '/api/auth/me', bearer(a.token))).statusCode).toBe(401);
    expect((await req('DELETE', `/api/auth/tokens/${a.id}`, owner.session)).statusCode).toBe(404);
    expect(await me(bearer(b.token))).toBe(owner.username);
    expect((await req('DELETE', '/api/auth/tokens/Bad%20Id', owner.session)).statusCode).toBe(400);
  });

  it('ends a session on logout, and every session and token on logout-everywhere', async () => {
    const { username, session } = await signedIn();
    const second = { cookie: cookieOf(await login(app, username, PASSWORD, address())), ...SAME_ORIGIN };
    const third = { cookie: cookieOf(await login(app, username, PASSWORD, address())), ...SAME_ORIGIN };
    const token = (await req('POST', '/api/auth/tokens', session, { name: 'cli' })).json().token;
    const out = await req('POST', '/api/auth/logout', third);
    expect(out.statusCode).toBe(204);
    expect(await me(third)).toBeNull();
    expect(await me(second)).toBe(username);

    const everywhere = await req('POST', '/api/auth/logout-everywhere', session);
    expect(everywhere.statusCode).toBe(204);
    expect(everywhere.cookies.find((c) => c.name === 'parley_session')?.value).toBe('');
    expect(await me(session)).toBeNull();
    expect(await me(second)).toBeNull();
    expect((await req('GET', '/api/auth/me', bearer(token))).statusCode).toBe(401);
    expect((await req('POST', '/api/auth/logout-everywhere', {})).statusCode).toBe(401);
  });
});
