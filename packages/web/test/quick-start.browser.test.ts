/**
 * The README's quick start as a new user runs it: `npm start` (scripts/start.mjs, which builds what changed and
 * serves the bundled server) on an empty data directory, the demo loaded, the app opened in Chromium; then a restart
 * on the same directory. The times are printed, not asserted (these machines are noisy); the README states them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, PageLog, PROCESS, ROOT } from './support/harness.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe.skipIf(!existsSync(CHROMIUM))('the quick start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-quick-start-'));
  const log = new PageLog();
  let browser: Browser;
  let port = 0;
  // Stopped at the end even when a check fails midway, so no server outlives the test.
  const children: ChildProcess[] = [];

  /** `npm start` until /api/processes answers; what it printed, and how long it took. */
  async function start(): Promise<{ child: ChildProcess; ms: number; output: () => string }> {
    const t0 = Date.now();
    let out = '';
    const child = spawn('node', ['scripts/start.mjs'], { cwd: ROOT, env: { ...process.env, PORT: String(port), PARLEY_DATA_DIR: dataDir, PARLEY_DEMO: 'on' } });
    children.push(child);
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start ended (${child.exitCode}):\n${out}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/processes`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { child, ms: Date.now() - t0, output: () => out };
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const stop = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      child.on('exit', (code) => resolve(code));
      child.kill('SIGINT');
    });

  beforeAll(async () => {
    port = await freePort();
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await log.closeAll();
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with the demo, prints its accounts, serves the app, stops cleanly, and starts again on the same data', async () => {
    const first = await start();
    const printed = first.output();
    expect(printed).toMatch(/^mediator +\S+ +mediator$/m);
    expect(readFileSync(join(dataDir, 'demo-accounts.txt'), 'utf8')).toMatch(/^delegate-ukr +\S+ +delegate \(ukr\)$/m);
    const page = await log.open(browser);
    await page.goto(`http://127.0.0.1:${port}/p/${PROCESS}/talks`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await stop(first.child)).toBe(0);

    const again = await start();
    // A restart loads nothing again: the demo is there already.
    expect(again.output()).not.toContain('Loaded the demo process');
    const processes = (await (await fetch(`http://127.0.0.1:${port}/api/processes`)).json()) as { items: { id: string }[] };
    expect(processes.items.map((p) => p.id)).toContain(PROCESS);
    // The map as a reader opens it, from its address in a new tab, against the server as npm start runs it (the
    // other browser tests run the server in the test's own process, which slows both).
    // The first visit has nothing cached; a returning reader's browser has the app's files already.
    const reader = await log.open(browser);
    const mapTimes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const tab = i === 0 ? reader : await reader.context().newPage();
      const t0 = Date.now();
      await tab.goto(`http://127.0.0.1:${port}/p/${PROCESS}/monitoring`);
      await tab.locator('[data-testid="map"][data-state="drawn"]').waitFor({ timeout: 60_000 });
      mapTimes.push(Date.now() - t0);
    }
    console.log(
      `map page, navigation to drawn clusters: first visit ${mapTimes[0]} ms; again in a new tab of the same browser ${mapTimes.slice(1).join(', ')} ms`,
    );
    expect(await stop(again.child)).toBe(0);
    const said = (o: string) => /started in [^)]*/.exec(o)?.[0] ?? '';
    console.log(`npm start: first start answered after ${first.ms} ms (${said(printed)}); restart after ${again.ms} ms (${said(again.output())})`);
    expect(log.problems).toEqual([]);
  });
});
