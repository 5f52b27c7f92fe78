import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../src/domain/shared/actor.ts';
import { addAccount, grantRole } from '../src/use-cases/access/accounts.ts';
import { build, call, world, type World } from './support/world.ts';

describe(`bad input is refused and changes nothing (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let src: string;
  beforeAll(async () => {
    w = await world();
    src = (await call(w, 'POST', '/sources', 'mediator', build.source())).json.id;
  });

  const cases: [string, string, () => Record<string, unknown>, number, string, string | undefined][] = [
    ['an unknown field', '/sources', () => ({ ...build.source(), colour: 'red' }), 400, 'unknown_field', 'colour'],
    ['a nested unknown field', '/parties', () => ({ names: { en: 'X', fr: 'X' }, kind: 'state' }), 400, 'unknown_field', 'names/fr'],
    [
      'a number sent as text',
      '/figures',
      () => ({ qualifier: 'about', value: '4300', unit: 'people', measure: 'killed', asOf: '2014-11-18', sourceId: src }),
      400,
      'invalid_type',
      'value',
    ],
    ['a missing field', '/sources', () => ({ title: 'x', publisher: 'y', date: '2014', language: 'en' }), 400, 'missing_field', 'kind'],
    ['a value outside the list', '/sources', () => build.source({ kind: 'rumour' }), 400, 'invalid_choice', 'kind'],
    ['an impossible date', '/sources', () => build.source({ date: '2014-02-30' }), 400, 'impossible_date', 'date'],
    ['a malformed date', '/sources', () => build.source({ date: '20/11/2014' }), 400, 'invalid_pattern', 'date'],
    [
      'a span that ends before it starts',
      '/meetings',
      () => build.meeting({ plannedStart: '2014-12-10', plannedEnd: '2014-12-09' }),
      400,
      'span_reversed',
      'plannedEnd',
    ],
    ['an unknown time zone', '/meetings', () => build.meeting({ timeZone: 'Europe/Atlantis' }), 400, 'unknown_time_zone', 'timeZone'],
    ['a reference to nothing', '/meetings', () => build.meeting({ forumId: 'no-forum' }), 400, 'unknown_reference', 'forumId'],
    [
      'low above the value',
      '/figures',
      () => ({ qualifier: 'about', value: 10, low: 20, unit: 'people', measure: 'killed', asOf: '2014-11-18', sourceId: src }),
      400,
      'bounds_reversed',
      'low',
    ],
    ['a bad id', '/parties', () => ({ id: 'Not An Id', names: { en: 'X' }, kind: 'state' }), 400, 'invalid_pattern', 'id'],
    ['party-confidential without its party', '/sources', () => build.source({ audience: 'party' }), 400, 'audience_party_required', 'audienceParty'],
  ];

  it.each(cases)('refuses %s', async (_name, path, body, status, reason, field) => {
    const before = (await w.rt.store.reader.allJournal(w.pid)).length;
    const r = await call(w, 'POST', path, 'mediator', body());
    expect(r.status, r.body).toBe(status);
    expect(r.json.error.reason).toBe(reason);
    if (field) expect(r.json.error.details.field).toBe(field);
    expect(r.json.error.message.length).toBeGreaterThan(10);
    expect((await w.rt.store.reader.allJournal(w.pid)).length).toBe(before);
  });

  it('refuses malformed JSON, unknown routes and bad path ids with the same error shape', async () => {
    const bad = await w.app.inject({
      method: 'POST',
      url: w.url('/sources'),
      headers: { ...w.headers.mediator, 'content-type': 'application/json' },
      payload: '{"title":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.reason).toBe('malformed_json');
    expect((await call(w, 'GET', '/nothing-here', 'anonymous')).json.error.code).toBe('not_found');
    expect((await call(w, 'GET', '/sources/BAD%20ID', 'anonymous')).status).toBe(400);
    expect((await call(w, 'GET', '/api/processes/no-such-process/sources', 'anonymous')).status).toBe(404);
    expect((await call(w, 'GET', '/sources?limit=0', 'anonymous')).json.error.details.field).toBe('limit');
    expect((await call(w, 'GET', '/sources?colour=red', 'anonymous')).json.error.reason).toBe('unknown_field');
  });

  it('signs in with a cookie, refuses wrong passwords alike, and accepts API tokens', async () => {
    const username = `mediator-${w.pid}`;
    const wrong = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'nope nope nope' } });
    const nobody = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody-at-all', password: 'nope nope nope' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toBe(nobody.body);
    const ok = await w.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'correct horse battery' } });
    expect(ok.statusCode).toBe(200);
    const cookie = ok.cookies[0]!;
    expect(cookie).toMatchObject({ name: 'parley_session', httpOnly: true, sameSite: 'Strict' });
    const me = await w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(me.json()).toMatchObject({ username, roles: [{ processId: w.pid, role: 'mediator' }] });
    // As the web app's fetch does: a change on the session cookie names its origin.
    await w.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `${cookie.name}=${cookie.value}`, origin: 'http://localhost:80' } });
    const after = await w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(after.json().username).toBeNull();
    const badToken = await w.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: 'Bearer pat_forged' } });
    expect(badToken.statusCode).toBe(401);
    expect((await call(w, 'GET', '/api/auth/me', 'analyst')).json.username).toBe(`analyst-${w.pid}`);
  });

  it('refuses unknown roles and weak passwords when managing accounts', async () => {
    await expect(addAccount(w.rt, { username: 'Bad Name', password: 'long enough password' })).rejects.toMatchObject({ reason: 'bad_username' });
    await expect(addAccount(w.rt, { username: `weak-${w.pid}`, password: 'short' })).rejects.toMatchObject({ reason: 'weak_password' });
    await expect(grantRole(w.rt, SYSTEM, w.pid, { username: `analyst-${w.pid}`, role: 'king' as 'analyst', partyId: null })).rejects.toMatchObject({
      reason: 'unknown_role',
    });
    await expect(grantRole(w.rt, SYSTEM, w.pid, { username: `analyst-${w.pid}`, role: 'delegate', partyId: null })).rejects.toMatchObject({
      reason: 'party_required',
    });
    await expect(grantRole(w.rt, w.actors.mediator, w.pid, { username: `analyst-${w.pid}`, role: 'mediator', partyId: null })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('serves health, the OpenAPI 3.1 document and the docs page', async () => {
    expect((await call(w, 'GET', '/api/health', 'anonymous')).json.status).toBe('ok');
    const spec = (await call(w, 'GET', '/api/openapi.json', 'anonymous')).json;
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toContain('/api/processes/{processId}/meetings/{id}/transitions');
    expect((await w.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
  });
});
