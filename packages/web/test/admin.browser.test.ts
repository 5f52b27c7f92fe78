/**
 * Administration in Chromium, through the interface only, on a deployment without the demo (PARLEY_DEMO=off):
 * the set-up link creates the administrator, who opens a process, adds a party and invites a delegate; the
 * delegate opens the link in a browser of their own, chooses an account and lands in the process signed in.
 * Screenshots go to /tmp/shots-admin/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, startParley } from './support/harness.ts';

const SHOTS = '/tmp/shots-admin';
const ADMIN = { username: 'admin', password: 'violet tram ocean candle 4821' };
const DELEGATE = { username: 'delegate-north', password: 'quiet harbour lantern 7390 moss' };
const LANGS = ['en', 'uk', 'ru'] as const;

describe.skipIf(!existsSync(CHROMIUM))('administration in Chromium', () => {
  let parley: Parley;
  let base: string;
  let browser: Browser;
  let admin: Page;
  let inviteUrl = '';
  const log = new PageLog();

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const setLang = async (page: Page, lang: string) => {
    await page.evaluate((l) => localStorage.setItem('parley.lang', l), lang);
    await page.reload();
  };
  const noSideScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `horizontal scroll at ${page.url()}`).toBeLessThanOrEqual(390);

  /** Desktop and phone screenshots in each language, each checked for sideways scroll and by axe. */
  async function shootAll(page: Page, name: string, ready: () => Promise<unknown>) {
    for (const lang of LANGS) {
      await setLang(page, lang);
      await page.setViewportSize({ width: 1280, height: 800 });
      await ready();
      await axeCheck(page, `${name} ${lang}`);
      await shot(page, `${name}-${lang}-desktop`);
      await page.setViewportSize({ width: 390, height: 844 });
      await ready();
      await noSideScroll(page);
      await shot(page, `${name}-${lang}-phone`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await setLang(page, 'en');
    await ready();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    parley = await startParley({ demo: false });
    base = parley.base;
    browser = await launchChromium();
  });

  afterAll(async () => {
    expect(log.problems).toEqual([]);
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  it('creates the administrator with the set-up link, showing the password rule when refused', async () => {
    expect(parley.setupPath).toMatch(/^\/setup\/.+/);
    admin = await log.open(browser);
    await admin.goto(`${base}${parley.setupPath}`);
    await admin.getByRole('heading', { name: 'Create the administrator' }).waitFor();
    await admin.getByLabel('Username').fill(ADMIN.username);
    await admin.getByLabel('New password').fill('password12');
    await admin.getByRole('button', { name: 'Create the administrator' }).click();
    const password = admin.getByLabel('New password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('too easy to guess');
    await axeCheck(admin, 'setup refused');

    await password.fill(ADMIN.password);
    await admin.getByRole('button', { name: 'Create the administrator' }).click();
    await admin.getByTestId('whoami').filter({ hasText: ADMIN.username }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/admin');
  });

  it('opens a process named in three languages and adds a party on its people page', async () => {
    await admin.getByLabel('Process id').fill('test-talks');
    await admin.getByLabel('Name in English').fill('Test talks');
    await admin.getByLabel('Name in Ukrainian').fill('Тестові переговори');
    await admin.getByLabel('Name in Russian').fill('Тестовые переговоры');
    // An area of interest whose edge crosses itself is refused at its field, and nothing is opened.
    const areaFile = (ring: number[][]) => ({
      name: 'area.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } })),
    });
    const area = admin.getByLabel('Area of interest (optional): a GeoJSON polygon');
    await area.setInputFiles(
      areaFile([
        [30, 50],
        [31, 52],
        [31, 50],
        [30, 52],
        [30, 50],
      ]),
    );
    await admin.getByRole('button', { name: 'Open the process' }).click();
    await expect.poll(() => area.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toBe('The edge of the area of interest crosses or touches itself.');
    await area.setInputFiles(
      areaFile([
        [30, 50],
        [31, 50],
        [31, 52],
        [30, 52],
        [30, 50],
      ]),
    );
    await admin.getByRole('button', { name: 'Open the process' }).dblclick(); // a double click opens it once
    await admin.getByRole('status').filter({ hasText: 'The process test-talks is open.' }).waitFor();
    await admin.getByRole('link', { name: 'Test talks' }).waitFor();
    await expect.poll(() => admin.getByRole('alert').count()).toBe(0);
    const opened = await admin.evaluate(
      async () => ((await (await fetch('/api/processes')).json()) as { items: { id: string; areaOfInterest?: unknown }[] }).items,
    );
    expect(opened.find((p) => p.id === 'test-talks')?.areaOfInterest).toMatchObject({
      ring: [
        [30, 50],
        [31, 50],
        [31, 52],
        [30, 52],
        [30, 50],
      ],
      approximate: true,
    });

    await admin.getByRole('link', { name: 'Invite its people' }).click();
    await admin.getByRole('heading', { name: 'People of Test talks' }).waitFor();
    expect(new URL(admin.url()).pathname).toBe('/p/test-talks/people');
    // The administrator who opened it without naming a mediator is its mediator.
    await admin.getByRole('rowheader', { name: ADMIN.username }).waitFor();

    await admin.getByLabel('Party id').fill('north');
    await admin.locator('#party-en').fill('North');
    await admin.locator('#party-uk').fill('Північ');
    await admin.locator('#party-ru').fill('Север');
    await admin.getByRole('button', { name: 'Add the party' }).click();
    await admin.getByRole('status').filter({ hasText: 'The party North was added.' }).waitFor();
  });

  it('invites a delegate for the party and shows the link once', async () => {
    const form = admin.locator('form', { has: admin.getByRole('heading', { name: 'Invite a person' }) });
    await form.getByLabel('Role').selectOption('delegate');
    const party = form.getByLabel('Party (required for a delegate)');
    // The picker names the party in the reader's language, not by its id alone.
    expect(await party.locator('option').allTextContents()).toContain('North (north)');
    await party.selectOption('north');
    await form.getByRole('button', { name: 'Create the invite link' }).click();
    inviteUrl = await form.getByTestId('one-time-link').inputValue();
    expect(inviteUrl).toMatch(new RegExp(`^${base}/invite/.+`));
    await admin.getByRole('listitem').filter({ hasText: 'delegate — North' }).waitFor();

    await shootAll(admin, 'people', () => admin.getByRole('heading', { level: 1 }).waitFor());
    await admin.goto(`${base}/admin`);
    await shootAll(admin, 'admin', () =>
      admin
        .getByRole('link', { name: /Test talks|Тестові переговори|Тестовые переговоры/ })
        .first()
        .waitFor(),
    );
  });

  it('the delegate opens the link in a browser of their own, chooses an account and lands in the process', async () => {
    const page = await log.open(browser);
    await page.goto(inviteUrl);
    await page.getByRole('heading', { name: 'Invitation to a process' }).waitFor();
    const offer = page.locator('section', { has: page.getByRole('heading', { name: 'This link gives' }) });
    await expect.poll(() => offer.textContent()).toContain('Test talks');
    expect(await offer.textContent()).toContain('delegate');
    expect(await offer.textContent()).toContain('North');
    await shootAll(page, 'invite', () => page.getByRole('heading', { level: 2 }).first().waitFor());
    await setLang(page, 'uk');
    await expect.poll(() => page.locator('main').textContent()).toContain('Північ');
    expect(await page.locator('main').textContent()).toContain('Тестові переговори');
    await setLang(page, 'en');

    await page.getByLabel('Username').fill(DELEGATE.username);
    await page.getByLabel('New password').fill(DELEGATE.password);
    await page.getByRole('button', { name: 'Create the account and join' }).click();
    await page.getByTestId('whoami').filter({ hasText: DELEGATE.username }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/p/test-talks');
    await page.locator('.brand-process').filter({ hasText: 'Test talks' }).waitFor();

    // The delegate sees no administration: no links, and the pages answer as missing ones.
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Talks' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'People' }).count()).toBe(0);
    await page.goto(`${base}/p/test-talks/people`);
    await page.getByRole('alert').filter({ hasText: 'not found' }).waitFor();
    expect(await page.getByRole('heading', { name: 'People of Test talks' }).count()).toBe(0);
    await page.goto(`${base}/admin`);
    await page.getByRole('alert').filter({ hasText: 'not found' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Open a process' }).count()).toBe(0);

    // The administrator now sees the delegate with the party's name.
    await admin.goto(`${base}/p/test-talks/people`);
    await admin
      .getByRole('row', { name: new RegExp(DELEGATE.username) })
      .filter({ hasText: 'North' })
      .waitFor();
  });

  it('a used link says so, in a fresh browser', async () => {
    const page = await log.open(browser);
    await page.goto(inviteUrl);
    await page.getByRole('alert').filter({ hasText: 'This link has already been used.' }).waitFor();
    await axeCheck(page, 'invite used');
    await shot(page, 'invite-used-en-desktop');
    await page.goto(`${base}/invite/nothing.here`);
    await page
      .getByRole('alert')
      .filter({ hasText: /not known|already been used|expired|withdrawn/ })
      .waitFor();
  });

  it('the administrator issues a reset link; the person sets a new password with it, once', async () => {
    const row = admin.getByRole('row', { name: new RegExp(DELEGATE.username) });
    await row.getByRole('button', { name: 'Issue a password reset link' }).click();
    const url = await row.getByTestId('one-time-link').inputValue();
    expect(url).toMatch(new RegExp(`^${base}/reset/.+`));
    const page = await log.open(browser);
    await page.goto(url);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await expect.poll(() => page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('New password', { exact: true }).fill('amber kettle orbit 5512 fern');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `The password of ${DELEGATE.username} is set.` })
      .waitFor();
    await axeCheck(page, 'reset done');
    await page.goto(url);
    await page.getByLabel('New password', { exact: true }).fill('another fresh phrase 2290 dune');
    await page.getByRole('button', { name: 'Set the password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link has already been used.' }).waitFor();
  });

  it('old addresses without the process go to the first process', async () => {
    const page = await log.open(browser);
    await page.goto(`${base}/talks`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/p/test-talks/talks');
    await page.goto(`${base}/`);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/p/test-talks');
  });
});
