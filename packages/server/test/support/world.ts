import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { openRuntime, type Runtime } from '../../src/compose.ts';
import { SYSTEM, type Actor, type Role } from '../../src/domain/shared/actor.ts';
import { buildApp } from '../../src/http/app.ts';
import { addAccount, authenticate, createApiToken, grantRole } from '../../src/use-cases/access/accounts.ts';
import { createProcess } from '../../src/use-cases/create-process.ts';
import type { AreaInput } from '../../src/domain/lines/process-area.ts';
import { createRecord } from '../../src/use-cases/create-record.ts';
import { resource } from '../../src/use-cases/resources.ts';
import { checkResponses } from './response-contract.ts';

let shared: Promise<Runtime> | undefined;

/** One database per engine and worker; PostgreSQL when the suite runs as db-postgres. */
export function runtime(): Promise<Runtime> {
  const engine = process.env.PARLEY_TEST_ENGINE ?? 'pglite';
  if (engine === 'postgres' && !process.env.TEST_DATABASE_URL) throw new Error('db-postgres needs TEST_DATABASE_URL');
  shared ??= openRuntime({ databaseUrl: engine === 'postgres' ? process.env.TEST_DATABASE_URL : undefined, dataDir: null });
  return shared;
}

export const rand = () => randomBytes(4).toString('hex');

export const ROLES = {
  mediator: { role: 'mediator', partyId: null },
  delegateUkr: { role: 'delegate', partyId: 'ukr' },
  delegateRus: { role: 'delegate', partyId: 'rus' },
  monitor: { role: 'monitor', partyId: null },
  analyst: { role: 'analyst', partyId: null },
} as const satisfies Record<string, { role: Role; partyId: string | null }>;
export type RoleName = keyof typeof ROLES;

export interface World {
  rt: Runtime;
  app: FastifyInstance;
  pid: string;
  actors: Record<RoleName, Actor>;
  headers: Record<RoleName | 'anonymous', Record<string, string>>;
  url(path: string): string;
}

/** A fresh process (with an area of interest when given) with the five parties, the contact group, and one account per role. */
export async function world(options: { areaOfInterest?: AreaInput } = {}): Promise<World> {
  const rt = await runtime();
  const pid = `t-${rand()}`;
  await createProcess(rt, SYSTEM, { id: pid, names: { en: `Test ${pid}` }, ...options });
  for (const id of ['ukr', 'rus', 'osce', 'ordo', 'ordl'])
    await createRecord(rt, SYSTEM, pid, resource('party'), { id, names: { en: id.toUpperCase() }, aliases: [], kind: 'state', audience: 'public' });
  await createRecord(rt, SYSTEM, pid, resource('forum'), {
    id: 'tcg',
    names: { en: 'Trilateral Contact Group' },
    audience: 'public',
    members: [
      { partyId: 'ukr', role: 'party' },
      { partyId: 'rus', role: 'party' },
      { partyId: 'osce', role: 'mediator' },
    ],
    participants: [{ partyId: 'ordo' }, { partyId: 'ordl' }],
  });
  const actors = {} as World['actors'];
  const headers = { anonymous: {} } as World['headers'];
  for (const [name, grant] of Object.entries(ROLES) as [RoleName, (typeof ROLES)[RoleName]][]) {
    const username = `${name.toLowerCase()}-${pid}`;
    await addAccount(rt, { username, password: 'correct horse battery' });
    await grantRole(rt, SYSTEM, pid, { username, ...grant });
    const account = (await rt.accounts.findByUsername(username))!;
    const actor = await authenticate(rt, {});
    actors[name] = { ...actor, accountId: account.accountId, username, roles: await rt.accounts.grants(account.accountId) };
    const { token } = await createApiToken(rt, actors[name], { name: 'test' });
    headers[name] = { authorization: `Bearer ${token}` };
  }
  const app = await buildApp(rt);
  checkResponses(app);
  return { rt, app, pid, actors, headers, url: (path) => `/api/processes/${pid}${path}` };
}

/** Builders with overrides, for inputs the tests vary. */
export const build = {
  meeting: (o: Record<string, unknown> = {}) => ({
    forumId: 'tcg',
    title: { en: 'Round' },
    kind: 'round',
    modality: 'in_person',
    timeZone: 'Europe/Minsk',
    plannedStart: '2014-12-09',
    hostRequiresConfirmation: false,
    agenda: [],
    sources: [],
    ...o,
  }),
  source: (o: Record<string, unknown> = {}) => ({ title: 'Report', publisher: 'Agency', date: '2014-11-21', language: 'en', kind: 'article', ...o }),
  agreement: (o: Record<string, unknown> = {}) => ({ titles: { en: 'Memorandum' }, date: '2014-09-19', ...o }),
};

export async function call(w: World, method: 'GET' | 'POST' | 'PUT', path: string, who: RoleName | 'anonymous', payload?: unknown) {
  const res = await w.app.inject({
    method,
    url: path.startsWith('/api') ? path : w.url(path),
    headers: w.headers[who],
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const json = res.headers['content-type']?.toString().includes('json') ? res.json() : undefined;
  return { status: res.statusCode, json, body: res.body, headers: res.headers };
}
