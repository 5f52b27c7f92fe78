// Listing meetings over HTTP against the same query in bare SQL, in one run, as a ratio.
// PostgreSQL when DATABASE_URL is set (the goal, ≥ 0.7, is stated for it), else PGlite.
import http from 'node:http';
import { sql } from 'kysely';
import { openRuntime } from '../packages/server/src/compose.ts';
import { SYSTEM } from '../packages/server/src/domain/shared/actor.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { addAccount, createApiToken, grantRole } from '../packages/server/src/use-cases/access/accounts.ts';
import { createProcess } from '../packages/server/src/use-cases/create-process.ts';
import { createRecord } from '../packages/server/src/use-cases/create-record.ts';
import { resource } from '../packages/server/src/use-cases/resources.ts';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 2000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = 8;
const PAGE = 100;

/** Runs `op` from CONCURRENCY loops for SECONDS and returns operations per second. */
async function throughput(op: () => Promise<unknown>): Promise<number> {
  const end = Date.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        await op();
        done++;
      }
    }),
  );
  return done / SECONDS;
}

export async function benchMeetings() {
  const rt = await openRuntime({ databaseUrl: process.env.DATABASE_URL, dataDir: null });
  const pid = `bench-${Date.now().toString(36)}`;
  await createProcess(rt, SYSTEM, { id: pid, names: { en: 'Bench' } });
  await createRecord(rt, SYSTEM, pid, resource('party'), { id: 'osce', names: { en: 'OSCE' }, aliases: [], kind: 'intergovernmental_organisation' });
  await createRecord(rt, SYSTEM, pid, resource('forum'), {
    id: 'tcg',
    names: { en: 'TCG' },
    members: [{ partyId: 'osce', role: 'mediator' }],
    participants: [],
  });
  for (let i = 0; i < MEETINGS; i++) {
    const day = new Date(Date.UTC(2014, 6, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    await createRecord(rt, SYSTEM, pid, resource('meeting'), {
      forumId: 'tcg',
      title: { en: `Round ${i}` },
      kind: 'round',
      modality: 'in_person',
      timeZone: 'Europe/Minsk',
      plannedStart: day,
      hostRequiresConfirmation: false,
      agenda: [],
      sources: [],
      audience: 'forum',
    });
  }
  const username = `bench-${pid}`;
  await addAccount(rt, { username, password: 'bench password 1' });
  await grantRole(rt, SYSTEM, pid, { username, role: 'mediator', partyId: null });
  const account = (await rt.accounts.findByUsername(username))!;
  const { token } = await createApiToken(rt, { accountId: account.accountId, username, roles: [] }, { name: 'bench' });

  const app = await buildApp(rt);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `${address}/api/processes/${pid}/meetings?limit=${PAGE}&from=2014-09-01`;
  const headers = { authorization: `Bearer ${token}` };
  // node:http with keep-alive: undici's fetch costs several times more client CPU per request,
  // and on two cores the client's cost would be billed to the server.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const viaHttp = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(url, { agent, headers }, (res) => {
          // Received whole, like the rows of the bare query; parsing it would bill the client too.
          res.on('data', () => {});
          res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${res.statusCode}`))));
        })
        .on('error', reject);
    });
  const bare = async () => {
    const rows = await sql`select * from meetings where process_id = ${pid} and sort_on >= '2014-09-01' order by sort_on, id limit ${PAGE + 1}`.execute(
      rt.handle.db,
    );
    JSON.stringify(rows.rows);
  };
  await throughput(viaHttp); // warm-up of both paths, not counted
  await throughput(bare);
  // Alternating rounds, medians: a noisy neighbour then slows both sides alike.
  const sqlRates: number[] = [];
  const httpRates: number[] = [];
  for (let round = 0; round < 3; round++) {
    sqlRates.push(await throughput(bare));
    httpRates.push(await throughput(viaHttp));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const sqlRate = median(sqlRates);
  const httpRate = median(httpRates);
  agent.destroy();
  await app.close();
  await rt.close();
  return [
    `meetings listing (${rt.engine}, ${MEETINGS} meetings, page of ${PAGE}, ${CONCURRENCY} concurrent, 3 alternating rounds of ${SECONDS}s, medians)`,
    `  bare SQL:  ${sqlRate.toFixed(0)} lists/s (baseline)`,
    `  HTTP API:  ${httpRate.toFixed(0)} lists/s`,
    `  ratio HTTP/SQL: ${(httpRate / sqlRate).toFixed(2)} (goal ≥ 0.70 on PostgreSQL)`,
  ].join('\n');
}
