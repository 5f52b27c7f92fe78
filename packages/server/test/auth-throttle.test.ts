import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../src/compose.ts';
import { buildApp } from '../src/http/app.ts';
import { account, address, login, PASSWORD } from './support/auth.ts';
import { runtime } from './support/world.ts';

describe(`sign-in throttling (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let rt: Runtime;
  let app: FastifyInstance;
  // The server's clock, moved by the tests: a slow machine cannot make a wait run out between two requests.
  let now = Date.now();
  const clock = () => new Date(now);
  beforeAll(async () => {
    rt = await runtime();
    app = await buildApp({ ...rt, clock, webRoot: null });
  });
  const wrong = (username: string, from: string) => login(app, username, 'wrong password, again', from);

  it('answers 429 too_many_attempts with Retry-After after five failures, and the right password waits too; another address does not', async () => {
    const { username } = await account(rt);
    const from = address();
    for (let i = 0; i < 5; i++) expect((await wrong(username, from)).json().error.reason).toBe('bad_credentials');
    const sixth = await wrong(username, from);
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().error).toMatchObject({ code: 'rate_limited', reason: 'too_many_attempts', details: { retryAfterSeconds: 1 } });
    expect(sixth.headers['retry-after']).toBe('1');
    const right = await login(app, username, PASSWORD, from);
    expect(right.statusCode).toBe(429);
    expect(right.cookies).toEqual([]);
    expect((await login(app, username, PASSWORD, address())).statusCode).toBe(200);
  });

  it('locks a username out of one address for 15 minutes after ten failures, right password included, across a restart', async () => {
    const { username } = await account(rt);
    const from = address();
    // Ten failures as fast as the rules allow: the waits grow 1, 2, 4, 8, 16 s after the fifth.
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      let r = await wrong(username, from);
      if (r.statusCode === 429) {
        waits.push(Number(r.headers['retry-after']));
        now += waits.at(-1)! * 1000;
        r = await wrong(username, from);
      }
      expect(r.json().error.reason).toBe('bad_credentials');
    }
    expect(waits).toEqual([1, 2, 4, 8, 16]);
    now += 9_000;
    const locked = await login(app, username, PASSWORD, from);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.details.retryAfterSeconds).toBe(891);
    expect(locked.headers['retry-after']).toBe('891');
    // The counters are in the database, so another server (or this one restarted) refuses as well.
    const restarted = await buildApp({ ...rt, clock, webRoot: null });
    expect((await login(restarted, username, PASSWORD, from)).statusCode).toBe(429);
    await restarted.close();
    // Ten failures are below the per-account limit: the owner still signs in from elsewhere.
    expect((await login(app, username, PASSWORD, address())).statusCode).toBe(200);
    // And here once the quarter of an hour is over.
    now += 890_000;
    expect((await login(app, username, PASSWORD, from)).statusCode).toBe(429);
    now += 1_000;
    expect((await login(app, username, PASSWORD, from)).statusCode).toBe(200);
  });

  it('starts the count afresh after a successful sign-in', async () => {
    const { username } = await account(rt);
    const from = address();
    for (let i = 0; i < 4; i++) expect((await wrong(username, from)).statusCode).toBe(401);
    expect((await login(app, username, PASSWORD, from)).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await wrong(username, from)).statusCode).toBe(401);
    expect((await wrong(username, from)).statusCode).toBe(429);
  });

  it('slows a username attacked from many addresses, but not for its owner where the owner signed in before', async () => {
    const { username } = await account(rt);
    const home = address();
    expect((await login(app, username, PASSWORD, home)).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expect((await wrong(username, address())).statusCode).toBe(401);
    const elsewhere = await login(app, username, PASSWORD, address());
    expect(elsewhere.statusCode).toBe(429);
    expect(elsewhere.json().error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await login(app, username, PASSWORD, home)).statusCode).toBe(200);
  });

  it('counts attempts sent at the same moment one after another', async () => {
    const { username } = await account(rt);
    const from = address();
    const answers = await Promise.all(Array.from({ length: 12 }, () => wrong(username, from)));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  });

  it('answers an unknown username exactly as a known one, as slowly', async () => {
    const { username } = await account(rt);
    const unknown = `nobody-${username}`;
    const known = address();
    const stranger = address();
    for (let i = 0; i < 5; i++) {
      const a = await wrong(username, known);
      const b = await wrong(unknown, stranger);
      expect([b.statusCode, b.body]).toEqual([a.statusCode, a.body]);
    }
    const a = await wrong(username, known);
    const b = await wrong(unknown, stranger);
    expect(b.statusCode).toBe(429);
    expect([b.statusCode, b.body, b.headers['retry-after']]).toEqual([a.statusCode, a.body, a.headers['retry-after']]);

    // Time: a known username with a wrong password against an unknown one, taken in turns (so both see the same load), each from a fresh address.
    const timed = async (name: string) => {
      const start = performance.now();
      expect((await wrong(name, address())).statusCode).toBe(401);
      return performance.now() - start;
    };
    // Fresh names: nine more failures on the ones above would meet the per-account limit.
    const timedKnown = (await account(rt)).username;
    const timedUnknown = `nobody-${timedKnown}`;
    const k: number[] = [];
    const u: number[] = [];
    for (let i = 0; i < 9; i++) {
      k.push(await timed(timedKnown));
      u.push(await timed(timedUnknown));
    }
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[4]!;
    const ratio = median(u) / median(k);
    // Without the throwaway hash an unknown user skips argon2, most of the work, and answers in well under half the time.
    expect(ratio, `known ${median(k).toFixed(1)} ms, unknown ${median(u).toFixed(1)} ms`).toBeGreaterThan(0.6);
    expect(ratio, `known ${median(k).toFixed(1)} ms, unknown ${median(u).toFixed(1)} ms`).toBeLessThan(1 / 0.6);
  });
});
