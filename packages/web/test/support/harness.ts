/**
 * What every browser test needs: the built web app, a real server on a loopback port with an
 * in-memory PGlite and the demo loaded, Debian's Chromium with the flags this closed network
 * needs, a cookie-keeping fetch for the typed client, and an axe-core check.
 */
import axe from 'axe-core';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { openRuntime, type Runtime } from '../../../server/src/compose.ts';
import { seedDemo } from '../../../server/src/demo/seed.ts';
import { buildApp } from '../../../server/src/http/app.ts';
import { ensureSetupLink } from '../../../server/src/use-cases/administration/setup.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const DIST = join(ROOT, 'packages/web/dist');
export const SHOTS = join(ROOT, 'test-results');
export const PROCESS = 'minsk-2014';

/** The newest change to the web app's sources, so a stale build is rebuilt before the browser sees it. */
function newestSource(): number {
  const web = join(ROOT, 'packages/web');
  const files = [
    join(web, 'index.html'),
    join(web, 'vite.config.ts'),
    ...readdirSync(join(web, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => join(web, 'src', f)),
  ];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

export function ensureWebBuilt(): void {
  if (!existsSync(join(DIST, 'index.html')) || newestSource() > statSync(join(DIST, 'index.html')).mtimeMs) {
    const built = spawnSync('npm', ['run', 'build', '-w', '@parley/web'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    if (built.status !== 0) throw new Error('the web build failed');
  }
  mkdirSync(SHOTS, { recursive: true });
}

export interface Parley {
  rt: Runtime;
  app: Awaited<ReturnType<typeof buildApp>>;
  base: string;
  passwords: Map<string, string>;
  /** With the demo off: the one-time set-up link's path (/setup/TOKEN), as `serve` prints it. */
  setupPath: string | null;
  close(): Promise<void>;
}

/**
 * Builds the web app if needed and starts Parley on a random loopback port: with the demo, or (demo: false, as
 * PARLEY_DEMO=off) empty, with the set-up link `serve` prints for the first administrator.
 */
export async function startParley(opts: { demo?: boolean } = {}): Promise<Parley> {
  ensureWebBuilt();
  const rt = await openRuntime({ dataDir: null });
  const demo = opts.demo ?? true;
  const passwords = new Map(demo ? (await seedDemo(rt)).map((a) => [a.username, a.password]) : []);
  const setupPath = demo ? null : ((await ensureSetupLink(rt))?.path ?? null);
  const app = await buildApp({ ...rt, webRoot: DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return { rt, app, base: `http://127.0.0.1:${addr.port}`, passwords, setupPath, close: async () => (await app.close(), await rt.close()) };
}

/** Without the networking flags Chromium floods the closed network with requests of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fetch that keeps the session cookie, so the typed client can act as a signed-in person from Node. */
export function sessionFetch(): typeof fetch {
  let cookie = '';
  return async (input, init = {}) => {
    // openapi-fetch passes a Request, whose own headers (content-type, accept) must survive.
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    if (cookie) headers.set('cookie', cookie);
    // As a browser does: the server refuses cookie-authenticated changes that do not name their origin.
    headers.set('origin', new URL(input instanceof Request ? input.url : input).origin);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.getSetCookie();
    if (set.length) cookie = set.map((c) => c.split(';')[0]).join('; ');
    return res;
  };
}

/** Runs axe-core in the page; serious and critical violations fail the test, the rest are printed. */
export async function axeCheck(page: Page, label: string): Promise<void> {
  await page.evaluate(axe.source);
  const result = (await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }))) as axe.AxeResults;
  for (const v of result.violations) console.log(`axe ${label}: ${v.impact} ${v.id} (${v.nodes.length}) ${v.help}`);
  expect(
    result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

/**
 * Opens pages that record every request (for the offline check) and every page error or
 * content-security complaint; `problems` must stay empty. Tests may watch for more console errors.
 */
export class PageLog {
  readonly requests: string[] = [];
  readonly problems: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(private readonly consoleErrors = /Content Security Policy|Uncaught/) {}

  async open(browser: Browser, opts: { bypassCSP?: boolean } = {}): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', bypassCSP: opts.bypassCSP ?? false });
    this.contexts.push(context);
    context.on('request', (r) => this.requests.push(r.url()));
    const page = await context.newPage();
    page.on('pageerror', (e) => this.problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && this.consoleErrors.test(m.text())) this.problems.push(`console: ${m.text()}`);
    });
    return page;
  }

  async closeAll(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => {});
  }
}

/**
 * Signs a demo account in through the sign-in page, as a person would (its button fills the username, the password
 * is typed), in the language given; the page waits until the header names the account.
 */
export async function signIn(parley: Parley, log: PageLog, browser: Browser, username: string, opts: { lang?: string; timeout?: number } = {}): Promise<Page> {
  const page = await log.open(browser);
  page.setDefaultTimeout(opts.timeout ?? 15_000);
  if (opts.lang) await page.addInitScript((l) => localStorage.setItem('parley.lang', l), opts.lang);
  await page.goto(`${parley.base}/sign-in`);
  await page.getByRole('button', { name: username, exact: true }).click();
  await expect.poll(() => page.locator('#username').inputValue()).toBe(username);
  await page.keyboard.type(parley.passwords.get(username)!);
  await page.keyboard.press('Enter');
  await page.getByTestId('whoami').filter({ hasText: username }).waitFor();
  return page;
}

/** Follows an in-app link, as a reader would, so the session and the language stay. */
export async function follow(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}
