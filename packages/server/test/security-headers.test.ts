import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/compose.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { API_CSP, WEB_CSP } from '../src/http/security.ts';
import { account, address, cookieOf, login, PASSWORD, SAME_ORIGIN } from './support/auth.ts';
import { runtime } from './support/world.ts';

describe(`security headers and the Origin check (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let rt: Runtime;
  let app: FastifyInstance;
  beforeAll(async () => {
    rt = await runtime();
    // A stand-in for the built web app: the page and one hashed asset.
    const web = mkdtempSync(join(tmpdir(), 'parley-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Parley</title><script type="module" src="/assets/app-1a2b.js"></script>');
    writeFileSync(join(web, 'assets', 'app-1a2b.js'), 'console.log("parley")');
    app = await buildApp({ ...rt, webRoot: web });
  });

  const COMMON = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' };

  it('sends them on every kind of answer', async () => {
    const cases: [string, string, number, string | RegExp][] = [
      ['API JSON', '/api/health', 200, API_CSP],
      ['API error', '/api/processes/no-such-process/sources/x', 404, API_CSP],
      ['unknown API route', '/api/nowhere', 404, API_CSP],
      ['OpenAPI document', '/api/openapi.json', 200, API_CSP],
      ['web page', '/', 200, WEB_CSP],
      ['web route', '/sign-in', 200, WEB_CSP],
      ['static asset', '/assets/app-1a2b.js', 200, WEB_CSP],
      ['missing asset', '/assets/none.js', 404, /frame-ancestors 'none'/],
      ['API docs', '/api/docs', 200, /^default-src 'self'.*frame-ancestors 'none'$/],
      ['API docs style', '/api/docs/static/swagger-ui.css', 200, /^default-src 'self'.*frame-ancestors 'none'$/],
      ['redirect', '/api/docs/static/index.html', 302, /^default-src 'self'/],
    ];
    for (const [what, url, status, csp] of cases) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, `${what}: ${r.body.slice(0, 200)}`).toBe(status);
      expect(r.headers, what).toMatchObject(COMMON);
      expect(r.headers['content-security-policy'], what).toMatch(typeof csp === 'string' ? new RegExp(`^${csp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : csp);
    }
    const refused = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'x' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers).toMatchObject({ ...COMMON, 'content-security-policy': API_CSP });
  });

  it('refuses changes on the session cookie from another site, or that do not say where they come from', async () => {
    const { username } = await account(rt);
    const cookie = cookieOf(await login(app, username, PASSWORD, address()));
    const create = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie, ...headers }, payload: { name: 'x' } });
    const refusals: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'http://localhost.evil.example' },
      { origin: 'null' },
      {},
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { ...SAME_ORIGIN, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of refusals) {
      const r = await create(headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.json().error).toMatchObject({ code: 'forbidden', reason: 'cross_origin' });
    }
    const list = async () => (await app.inject({ method: 'GET', url: '/api/auth/tokens', headers: { cookie } })).json().items;
    expect(await list()).toEqual([]);
    expect((await create(SAME_ORIGIN)).statusCode).toBe(201);
    expect((await create({ origin: 'http://localhost' })).statusCode).toBe(201);
    expect((await create({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    const [first] = await list();
    expect((await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${first.id}`, headers: { cookie, origin: 'https://evil.example' } })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, origin: 'https://evil.example' } })).statusCode).toBe(403);
    expect(await list()).toHaveLength(3);
  });

  it('lets bearer tokens through from anywhere, and refuses a sign-in from another site', async () => {
    const { username } = await account(rt);
    const cookie = cookieOf(await login(app, username, PASSWORD, address()));
    const { token, id } = (await app.inject({ method: 'POST', url: '/api/auth/tokens', headers: { cookie, ...SAME_ORIGIN }, payload: { name: 'ci' } })).json();
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${id}`,
      headers: { authorization: `Bearer ${token}`, origin: 'https://ci.example' },
    });
    expect(revoked.statusCode).toBe(204);
    const forged = await login(app, username, PASSWORD, address(), { origin: 'https://evil.example' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.reason).toBe('cross_origin');
    expect(forged.cookies).toEqual([]);
    expect((await login(app, username, PASSWORD, address(), SAME_ORIGIN)).statusCode).toBe(200);
  });

  it('marks the session cookie Secure when configured, and by default off loopback', async () => {
    const { username } = await account(rt);
    const secure = await buildApp({ ...rt, secureCookies: true, webRoot: null });
    const set = (await login(secure, username, PASSWORD, address())).cookies.find((c) => c.name === 'parley_session');
    expect(set).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    await secure.close();
    expect((await login(app, username, PASSWORD, address())).cookies.find((c) => c.name === 'parley_session')?.secure).toBeFalsy();

    const secureFor = (env: Record<string, string>) => loadConfig({ PARLEY_DATA_DIR: tmpdir(), ...env }).secureCookies;
    expect(secureFor({})).toBe(false);
    expect(secureFor({ HOST: '127.0.0.1' })).toBe(false);
    expect(secureFor({ HOST: '::1' })).toBe(false);
    expect(secureFor({ HOST: 'localhost' })).toBe(false);
    expect(secureFor({ HOST: '0.0.0.0' })).toBe(true);
    expect(secureFor({ HOST: '0.0.0.0', PARLEY_SECURE_COOKIES: 'off' })).toBe(false);
    expect(secureFor({ HOST: '127.0.0.1', PARLEY_SECURE_COOKIES: 'on' })).toBe(true);
    expect(() => secureFor({ PARLEY_SECURE_COOKIES: 'yes' })).toThrow(/auto, on or off/);
  });
});
