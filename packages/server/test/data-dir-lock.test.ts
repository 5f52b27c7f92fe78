import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Real processes on one embedded data directory: the server, a second server, the CLI beside it, kill -9.
 * PGlite only: PostgreSQL arbitrates its own clients, and the lock is the embedded engine's.
 */
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const UCDP = fileURLToPath(new URL('../../../../shared/data/ucdp/ged-ukraine-2014.csv', import.meta.url));
const ROWS = 30;

/** The header and the first rows of the 2014 UCDP file, cut between records (a quoted field may hold a newline). */
function smallUcdp(): Buffer {
  const out: string[] = [];
  let record = '';
  for (const line of readFileSync(UCDP, 'utf8').split('\n')) {
    record = record ? `${record}\n${line}` : line;
    if ((record.match(/"/g)?.length ?? 0) % 2 === 1) continue;
    out.push(record);
    record = '';
    if (out.length === ROWS + 1) break;
  }
  return Buffer.from(`${out.join('\n')}\n`);
}

const freePort = () =>
  new Promise<number>((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

describe.skipIf(process.env.PARLEY_TEST_ENGINE !== 'pglite')('one writer per data directory (real processes)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-lock-'));
  const file = join(dataDir, 'small.csv');
  writeFileSync(file, smallUcdp());
  const env = { ...process.env, PARLEY_DATA_DIR: dataDir, PARLEY_DEMO: 'off', PARLEY_DEMO_UCDP: join(dataDir, 'none.csv'), PARLEY_CHECKPOINT_SECONDS: '1' };
  const children = new Set<ChildProcess>();

  function parley(args: string[], extra: Record<string, string> = {}): { child: ChildProcess; done: Promise<Run> } {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const done = new Promise<Run>((ok) => child.on('exit', (code, signal) => (children.delete(child), ok({ code, signal, stdout, stderr }))));
    return { child, done };
  }
  const cli = (...args: string[]) => parley(args).done;

  /** Starts `serve` and waits until it has published its address for the CLI. */
  async function serve() {
    const port = await freePort();
    const s = parley(['serve'], { PORT: String(port) });
    const deadline = Date.now() + 240_000;
    for (;;) {
      const info = existsSync(join(dataDir, 'server.json')) ? JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')) : null;
      if (info?.pid === s.child.pid) break;
      if (s.child.exitCode !== null) throw new Error(`the server exited: ${(await s.done).stderr}`);
      if (Date.now() > deadline) throw new Error('the server did not start in time');
      await new Promise((ok) => setTimeout(ok, 200));
    }
    return { ...s, url: `http://127.0.0.1:${port}` };
  }
  const incidents = (exported: string) => (JSON.parse(exported) as { records: { incidents: unknown[] } }).records.incidents.length;

  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  let server: Awaited<ReturnType<typeof serve>>;
  /** The demo's own incidents plus the imported rows. */
  let stored = 0;

  it('refuses a second server at once, naming the first, while the first keeps working', async () => {
    server = await serve();
    const second = await parley(['serve'], { PORT: String(await freePort()) }).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`is in use by process ${server.child.pid} (`);
    expect(second.stderr).toMatch(/main\.ts serve\), since \d{4}-\d\d-\d\dT/);
    expect(second.stderr).toContain('Stop that process first');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 300_000);

  it('runs the CLI through the running server, with the same output and exit codes', async () => {
    const seeded = await cli('seed', 'demo');
    expect(seeded).toMatchObject({ code: 0 });
    expect(seeded.stderr).toContain(`through the running Parley server, process ${server.child.pid}`);
    expect(seeded.stdout).toMatch(/^mediator\t/m);
    stored = incidents((await cli('export', 'minsk-2014')).stdout) + ROWS;
    const imported = await cli('import', 'ucdp', file, '--process', 'minsk-2014');
    expect(imported.stdout).toContain(`${ROWS} rows (ucdp, utf-8): ${ROWS} accepted, 0 warned, 0 refused; ${ROWS} incidents created`);
    expect(imported.code).toBe(0);
    expect((await cli('user', 'add', 'lock-test', '--password', 'a long password', '--process', 'minsk-2014', '--role', 'monitor')).stdout).toContain(
      'Added lock-test.',
    );
    const badRole = await cli('user', 'add', 'lock-bad', '--password', 'a long password', '--process', 'minsk-2014', '--role', 'king');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('There is no role "king"');
    expect((await cli('checkpoint', 'minsk-2014')).stdout).toMatch(/^# log key \(for a verifier policy\): parley\.local\/minsk-2014\+/);
    // The server was never disturbed: it still serves what the CLI wrote.
    const list = (await (await fetch(`${server.url}/api/processes/minsk-2014/incidents?limit=100`)).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(stored);
  }, 300_000);

  it('takes over the lock of a server killed with -9, with every acknowledged record kept', async () => {
    server.child.kill('SIGKILL');
    expect((await server.done).signal).toBe('SIGKILL');
    expect(readdirSync(join(dataDir, 'pglite.lock'))).toHaveLength(1);
    server = await serve();
    expect(incidents((await cli('export', 'minsk-2014')).stdout)).toBe(stored);
  }, 300_000);

  it('gives the directory back on a clean stop, and it opens again with all records', async () => {
    server.child.kill('SIGTERM');
    expect((await server.done).code).toBe(0);
    expect(readdirSync(join(dataDir, 'pglite.lock'))).toEqual([]);
    expect(existsSync(join(dataDir, 'server.json'))).toBe(false);
    const exported = await cli('export', 'minsk-2014');
    expect(exported.stderr).not.toContain('through the running');
    expect(incidents(exported.stdout)).toBe(stored);
    expect((await cli('user', 'list')).stdout).toContain('lock-test\tminsk-2014:monitor');
  }, 300_000);
});
