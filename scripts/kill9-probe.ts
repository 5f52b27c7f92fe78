/**
 * Kill -9 probe: are acknowledged writes ever lost when the server dies mid-write?
 *
 *   npx tsx scripts/kill9-probe.ts [--rounds 5] [--seconds 8] [--import on|off]
 *   PROBE_DATABASE_URL=postgres://parley:parley@127.0.0.1:5432/parley_lock npx tsx scripts/kill9-probe.ts
 *
 * Each round starts `parley serve` on one data directory (PGlite, or PostgreSQL when PROBE_DATABASE_URL is set),
 * signs in as the demo mediator, POSTs sources from four workers and, beside them, runs `parley import ucdp` of a
 * fresh slice of the 2014 UCDP file (through the server when it holds the embedded directory), then kills the server
 * with SIGKILL while writes are in flight (odd rounds: during the import; even rounds: after it answered, at --seconds). The next start must take the directory over, and every source answered
 * 2xx and every incident of an import that reported success must be stored. Only 127.0.0.1 is contacted; the
 * probe is bounded by rounds, seconds and a per-step deadline, and stops by itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: { rounds: { type: 'string', default: '5' }, seconds: { type: 'string', default: '8' }, import: { type: 'string', default: 'on' } },
});
const ROUNDS = Math.min(20, Number(opt.rounds));
const SECONDS = Math.min(60, Number(opt.seconds));
const WITH_IMPORT = opt.import !== 'off';
const MAIN = fileURLToPath(new URL('../packages/server/src/main.ts', import.meta.url));
const UCDP = fileURLToPath(new URL('../../shared/data/ucdp/ged-ukraine-2014.csv', import.meta.url));
const DB = process.env.PROBE_DATABASE_URL;
if (DB && new URL(DB).hostname !== '127.0.0.1') throw new Error('PROBE_DATABASE_URL must point at 127.0.0.1');
const PROCESS = 'minsk-2014';
const dataDir = mkdtempSync(join(tmpdir(), 'parley-kill9-'));
const env = { ...process.env, PARLEY_DATA_DIR: dataDir, PARLEY_DEMO: 'on', PARLEY_DEMO_UCDP: join(dataDir, 'none.csv'), DATABASE_URL: DB ?? '' };
const children = new Set<ChildProcess>();
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

function parley(args: string[], extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const done = new Promise<{ code: number | null; out: string }>((ok) => child.on('exit', (code) => (children.delete(child), ok({ code, out }))));
  return { child, done, output: () => out };
}

async function serve() {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const s = parley(['serve'], { PORT: String(port) });
  const deadline = Date.now() + 300_000;
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    // With PGlite the CLI needs server.json, written just after listen; wait for it too.
    const published = DB || (existsSync(join(dataDir, 'server.json')) && JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')).pid === s.child.pid);
    if (ok && published) return { ...s, url };
    if (s.child.exitCode !== null) throw new Error(`server exited: ${(await s.done).out}`);
    if (Date.now() > deadline) throw new Error('server did not start in 300 s');
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function signIn(url: string): Promise<Record<string, string>> {
  const line = readFileSync(join(dataDir, 'demo-accounts.txt'), 'utf8')
    .split('\n')
    .find((l) => /\smediator\b/.test(l))!;
  const [username, password] = line.trim().split(/\s+/);
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    origin: url,
    'content-type': 'application/json',
  };
}

/** The UCDP header and records [from, to) as a file, cut between records (a quoted field may hold a newline). */
const records: string[] = [];
{
  let record = '';
  for (const line of readFileSync(UCDP, 'utf8').split('\n')) {
    record = record ? `${record}\n${line}` : line;
    if ((record.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    if (record) records.push(record);
    record = '';
  }
}
const slice = (from: number, to: number) => {
  const file = join(dataDir, `slice-${from}.csv`);
  writeFileSync(file, `${[records[0], ...records.slice(1 + from, 1 + to)].join('\n')}\n`);
  return { file, ids: records.slice(1 + from, 1 + to).map((r) => `ucdp-${r.split(',')[0]}`) };
};

const ackedSources: string[] = [];
const ackedIncidents: string[] = [];
let sent = 0;
let errors = 0;
const rows: string[] = [];
let server = await serve();
for (let round = 1; round <= ROUNDS; round++) {
  const headers = await signIn(server.url);
  const stopAt = Date.now() + SECONDS * 1000;
  let running = true;
  const worker = async (w: number) => {
    for (let n = 0; running && n < 5000; n++) {
      sent++;
      const body = { title: `probe r${round} w${w} n${n}`, publisher: 'kill9 probe', date: '2014-11-21', language: 'en', kind: 'article' };
      const res = await fetch(`${server.url}/api/processes/${PROCESS}/sources`, { method: 'POST', headers, body: JSON.stringify(body) }).catch(() => null);
      if (res?.ok) ackedSources.push(((await res.json().catch(() => ({}))) as { id: string }).id);
      else errors++;
    }
  };
  const load = [0, 1, 2, 3].map(worker);
  // A fresh slice of rows per round, so every round's import writes new incidents.
  const part = slice((round - 1) * 200, round * 200);
  const cli = WITH_IMPORT ? parley(['import', 'ucdp', part.file, '--process', PROCESS]) : null;
  const imp = cli ? cli.done : Promise.resolve(null);
  if (round % 2 === 1 && cli) {
    // Odd rounds kill while the import is being written: once it has reached the server (or the database), soon after.
    while (Date.now() < stopAt && cli.child.exitCode === null && !/through the running|imported \d/.test(cli.output()))
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
  } else {
    await new Promise((r) => setTimeout(r, Math.max(0, stopAt - Date.now())));
    // Even rounds let the import finish first (bounded), so that its answer is acknowledged.
    await Promise.race([imp, new Promise((r) => setTimeout(r, 120_000))]);
  }
  server.child.kill('SIGKILL');
  running = false;
  await Promise.all(load);
  const imported = await Promise.race([imp, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 120_000))]);
  const importAcked = imported !== null && imported !== 'timeout' && imported.code === 0;
  if (importAcked) ackedIncidents.push(...part.ids);
  await server.done;
  server = await serve();
  const exported = (await (await fetch(`${server.url}/api/processes/${PROCESS}/export`, { headers: await signIn(server.url) })).json()) as {
    records: { sources: { id: string }[]; incidents: { id: string }[] };
  };
  const sources = new Set(exported.records.sources.map((s) => s.id));
  const incidents = new Set(exported.records.incidents.map((i) => i.id));
  const lostSources = ackedSources.filter((id) => !sources.has(id)).length;
  const lostIncidents = ackedIncidents.filter((id) => !incidents.has(id)).length;
  rows.push(
    `round ${round}: ${ackedSources.length} sources acknowledged in total (${sent} sent, ${errors} not acknowledged), ${lostSources} lost; ` +
      `import ${imported === null ? 'off' : importAcked ? 'acknowledged' : `not acknowledged (${imported === 'timeout' ? 'timeout' : `exit ${imported.code}`})`}, ` +
      `${ackedIncidents.length} acknowledged incidents in total, ${lostIncidents} lost`,
  );
  console.log(rows.at(-1));
}
server.child.kill('SIGTERM');
await server.done;
console.log(`engine ${DB ? 'postgres' : 'pglite'}, ${ROUNDS} rounds of ${SECONDS} s: see above; data directory ${dataDir}`);
process.exit(0);
