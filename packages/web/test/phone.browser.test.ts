/**
 * Every page of the app on a phone (390×844) in English, Ukrainian and Russian: nothing scrolls sideways, axe finds
 * nothing serious, and the header's sections sit behind a menu button. Screenshots go to test-results/phone-*.png.
 */
import { createClient } from '@parley/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, SHOTS, startParley } from './support/harness.ts';

const PHONE = { width: 390, height: 844 };
const LANGS = ['en', 'uk', 'ru'] as const;

describe.skipIf(!existsSync(CHROMIUM))('the app on a phone', () => {
  let parley: Parley;
  let browser: Browser;
  let pages: [string, string][];
  const log = new PageLog();

  beforeAll(async () => {
    parley = await startParley();
    const client = createClient({ baseUrl: parley.base });
    const path = { processId: PROCESS };
    const [meetings, agreements, incidents, sources] = await Promise.all([
      client.GET('/api/processes/{processId}/meetings', { params: { path, query: { limit: 500 } } }),
      client.GET('/api/processes/{processId}/agreements', { params: { path, query: { limit: 5 } } }),
      client.GET('/api/processes/{processId}/incidents', { params: { path, query: { limit: 1 } } }),
      client.GET('/api/processes/{processId}/sources', { params: { path, query: { limit: 1 } } }),
    ]);
    // The meeting with the most to show: the one with invitations and answers (a dossier with the widest tables).
    const meeting = meetings.items.find((m) => m.id.includes('2014-11')) ?? meetings.items[0]!;
    pages = [
      ['overview', '/'],
      ['talks', '/talks'],
      ['meeting', `/talks/${meeting.id}`],
      ['agreements', '/agreements'],
      ['agreement', `/agreements/${agreements.items.find((a) => a.id === 'minsk-protocol')?.id ?? agreements.items[0]!.id}`],
      ['statements', '/statements'],
      ['sources', '/sources'],
      ['source', `/sources/${sources.items[0]!.id}`],
      ['lines', '/lines'],
      ['monitoring', '/monitoring'],
      ['incident', `/monitoring/incidents/${incidents.items[0]!.id}`],
      ['report', '/monitoring/report'],
      ['record', '/record/party/ukr'],
      ['search', `/search?q=${encodeURIComponent('Донецк')}`],
      ['todo', '/todo'],
      ['activity', '/activity'],
      ['people', '/people'],
      ['sign-in', '/sign-in'],
    ];
    browser = await launchChromium();
  });

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  async function phonePage(lang: string): Promise<Page> {
    const page = await log.open(browser);
    await page.setViewportSize(PHONE);
    await page.addInitScript((l) => localStorage.setItem('parley.lang', l), lang);
    return page;
  }

  /** The elements that reach past the right edge, for a failure that says what to fix. */
  const overflowing = (page: Page) =>
    page.evaluate((w) => {
      const wide: string[] = [];
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > w + 0.5 && r.width > 0) wide.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(r.right)}`);
      }
      return wide.slice(0, 8);
    }, PHONE.width);

  async function signIn(page: Page, username: string) {
    await page.goto(`${parley.base}/sign-in`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(parley.passwords.get(username)!);
    await page.locator('#password').press('Enter');
    await page.getByTestId('whoami').waitFor({ state: 'attached' });
  }

  for (const lang of LANGS)
    it(`fits every page at 390 px in ${lang}, passes axe, and folds the header into a menu`, async () => {
      const page = await phonePage(lang);
      await signIn(page, 'mediator');
      const widths: Record<string, number> = {};
      for (const [name, path] of pages) {
        await page.goto(`${parley.base}${path}`, { waitUntil: 'networkidle' });
        await page.locator('main h1').first().waitFor();
        await expect.poll(() => page.locator('main [role="status"]', { hasText: /…$/ }).count(), { timeout: 20_000 }).toBe(0);
        await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
        widths[name] = await page.evaluate(() => document.documentElement.scrollWidth);
        if (widths[name]! > PHONE.width) console.log(`${lang} ${name}: scrollWidth ${widths[name]}`, await overflowing(page));
        if (lang === 'en' || ['meeting', 'agreement', 'report', 'todo', 'search'].includes(name))
          await page.screenshot({ path: join(SHOTS, `phone-${lang}-${name}.png`), fullPage: true });
        await axeCheck(page, `phone ${lang} ${name}`);
      }
      console.log(`scrollWidth at 390 px, ${lang}:`, JSON.stringify(widths));
      expect(Object.entries(widths).filter(([, w]) => w > PHONE.width)).toEqual([]);

      // The sections are behind the menu button: hidden until it is pressed, then reachable, and closed by a choice.
      const nav = page.getByRole('navigation');
      const button = page.locator('header .menu-button');
      await expect(nav.isVisible()).resolves.toBe(false);
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
      await button.click();
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      await nav.waitFor({ state: 'visible' });
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: join(SHOTS, `phone-${lang}-menu.png`) });
      await axeCheck(page, `phone ${lang} menu open`);
      await nav.getByRole('link').nth(1).click();
      await page.waitForURL(/\/talks$/);
      await expect(nav.isVisible()).resolves.toBe(false);
      expect(log.problems).toEqual([]);
    });

  it('shows every section in the header on a desktop, without the menu button', async () => {
    const page = await log.open(browser);
    await page.goto(`${parley.base}/p/${PROCESS}`, { waitUntil: 'networkidle' });
    // The sections come with the process's data; wait for them rather than race them.
    await expect.poll(() => page.getByRole('navigation').getByRole('link').count()).toBeGreaterThanOrEqual(8);
    await expect(page.locator('header .menu-button').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('navigation').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: join(SHOTS, 'desktop-header.png') });

    // A mediator has the most to choose from (People, view as, the account): the sections still take at most two rows.
    const mediator = await log.open(browser);
    await mediator.setViewportSize({ width: 1280, height: 800 });
    await signIn(mediator, 'mediator');
    await mediator.goto(`${parley.base}/p/${PROCESS}/talks`, { waitUntil: 'networkidle' });
    await expect.poll(() => mediator.getByRole('navigation').getByRole('link', { name: 'People' }).count()).toBe(1);
    const rows = await mediator
      .getByRole('navigation')
      .getByRole('link')
      .evaluateAll((links) => new Set(links.map((a) => Math.round(a.getBoundingClientRect().top))).size);
    await mediator.screenshot({ path: join(SHOTS, 'desktop-header-mediator.png') });
    expect(rows).toBeLessThanOrEqual(2);
    await expect(mediator.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(1280);
  });
});
