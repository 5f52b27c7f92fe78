/**
 * Sources as a reader without a mouse meets them: a citation is a link the keyboard reaches, its title shows
 * beside it when focused, and it opens the source's page with its address; the sources page lists and finds them.
 * Desktop and 390 px screenshots in uk and ru go to test-results/sources-*.png.
 */
import { createClient } from '@parley/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, SHOTS, startParley } from './support/harness.ts';

describe.skipIf(!existsSync(CHROMIUM))('sources in Chromium', () => {
  let parley: Parley;
  let browser: Browser;
  const log = new PageLog();

  beforeAll(async () => {
    parley = await startParley();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  async function pageIn(lang: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await log.open(browser);
    await page.setViewportSize(viewport);
    await page.addInitScript((l) => localStorage.setItem('parley.lang', l), lang);
    return page;
  }

  it('reaches a citation by Tab, shows its title on focus, and opens the source with Enter', async () => {
    const page = await pageIn('en');
    await page.goto(`${parley.base}/p/${PROCESS}/statements`);
    await page.locator('.cite-link').first().waitFor();
    let focused: string | null = null;
    for (let i = 0; i < 300 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.classList.contains('cite-link') ? document.activeElement.getAttribute('data-title') : null));
    }
    expect(focused, 'no citation was reached by Tab').toBeTruthy();
    const shown = await page.evaluate(() => getComputedStyle(document.activeElement!, '::after').content);
    expect(shown).toBe(JSON.stringify(focused));
    await page.screenshot({ path: join(SHOTS, 'sources-cite-focused.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/sources\/[^/]+$/);
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const source = (await createClient({ baseUrl: parley.base }).GET('/api/processes/{processId}/sources/{id}', {
      params: { path: { processId: PROCESS, id } },
    })) as {
      title: string;
      url?: string;
    };
    await expect(page.locator('main h1').textContent()).resolves.toBe(source.title);
    expect(source.title).toBe(focused);
    if (source.url) await expect(page.getByRole('link', { name: 'Open the document' }).getAttribute('href')).resolves.toBe(source.url);
    else await page.getByText('No address recorded').waitFor();
    await axeCheck(page, 'source page');
  });

  it('lists every source and finds them by publisher, in Ukrainian and Russian, on a desktop and a phone', async () => {
    const all = (
      await createClient({ baseUrl: parley.base }).GET('/api/processes/{processId}/sources', {
        params: { path: { processId: PROCESS }, query: { limit: 500 } },
      })
    ).items;
    const tass = all.filter((s) => s.publisher === 'TASS').length;
    expect(tass).toBeGreaterThan(1);
    for (const [lang, find, count] of [
      ['uk', 'Знайти джерело', `${tass} джерела з ${all.length}`],
      ['ru', 'Найти источник', `${tass} источника из ${all.length}`],
    ] as const)
      for (const viewport of [
        { width: 1280, height: 800 },
        { width: 390, height: 844 },
      ]) {
        const page = await pageIn(lang, viewport);
        await page.goto(`${parley.base}/p/${PROCESS}/sources`);
        await expect.poll(() => page.locator('[data-source-item]').count()).toBe(all.length);
        await page.getByLabel(find).fill('tass');
        await expect.poll(() => page.locator('[data-source-item]').count()).toBe(tass);
        await expect(page.getByRole('status').textContent()).resolves.toBe(count);
        await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: join(SHOTS, `sources-${lang}-${viewport.width}.png`), fullPage: true });
        await axeCheck(page, `sources ${lang} ${viewport.width}`);
      }
    expect(log.problems).toEqual([]);
  });
});
