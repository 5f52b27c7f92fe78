import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { addAccount } from '../../src/use-cases/access/accounts.ts';
import type { Runtime } from '../../src/compose.ts';
import { rand } from './world.ts';

export const PASSWORD = 'correct horse battery';

/** A fresh account: throttle counters are per username, so tests never share one. */
export async function account(rt: Runtime) {
  const username = `u-${rand()}${rand()}`;
  const { accountId } = await addAccount(rt, { username, password: PASSWORD });
  return { username, accountId };
}

/** A fresh client address (the suite's database outlives a run, and so do counters per address). */
export const address = () => `10.${[...randomBytes(3)].join('.')}`;

export const login = (app: FastifyInstance, username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

/** The session cookie of a successful sign-in, as a Cookie header. */
export const cookieOf = (res: { cookies: { name: string; value: string }[] }) => {
  const c = res.cookies.find((x) => x.name === 'parley_session');
  if (!c) throw new Error('no session cookie');
  return `parley_session=${c.value}`;
};

/** What the web app's fetch sends with a state-changing request on its own origin (inject's Host is localhost:80). */
export const SAME_ORIGIN = { origin: 'http://localhost:80' };
