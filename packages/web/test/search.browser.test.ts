/**
 * Search and server errors in the reader's language, in Chromium against the real server with the demo: a party found
 * by its Russian name, the query in a shareable address, the kind filter, paging, the empty and error states.
 */
import { createClient } from '@parley/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, SHOTS, startParley } from './support/harness.ts';

describe.skipIf(!existsSync(CHROMIUM))('search in Chromium', () => {
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
  const hits = (page: Page) => page.locator('.search-results > li');

  it('finds Ukraine by its Russian name, with the query and the kind in the address, and opens its record', async () => {
    const page = await pageIn('en');
    await page.goto(`${parley.base}/search`);
    await page.getByText('Type the words to look for.').waitFor();
    await page.getByLabel('Words to find').fill('Украина');
    await page.getByLabel('Kind of record').selectOption('party');
    await page.locator('main').getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/p/minsk-2014/search' && u.searchParams.get('q') === 'Украина' && u.searchParams.get('kind') === 'party');
    const ukraine = page.locator('.search-hit[data-kind="party"][data-id="ukr"]');
    await ukraine.waitFor();
    // The English reader sees the English name, not marked; every hit is a party.
    await expect(ukraine.getByRole('link').textContent()).resolves.toBe('Ukraine');
    await expect(ukraine.getByRole('link').getAttribute('lang')).resolves.toBeNull();
    await expect(page.locator('.search-hit:not([data-kind="party"])').count()).resolves.toBe(0);
    await expect(ukraine.locator('mark').first().textContent()).resolves.toBe('Украина');
    await page.screenshot({ path: join(SHOTS, 'search-ukraine.png'), fullPage: true });
    await axeCheck(page, 'search results');
    await ukraine.getByRole('link').click();
    await page.waitForURL(/\/record\/party\/ukr$/);
  });

  it('opens a shared search address in Russian and finds the Donetsk party by a word start', async () => {
    const page = await pageIn('ru');
    await page.goto(`${parley.base}/search?q=${encodeURIComponent('Донецкой')}`);
    const ordo = page.locator('.search-hit[data-kind="party"][data-id="ordo"]');
    await ordo.waitFor();
    await expect(ordo.getByRole('link').textContent()).resolves.toBe('Представители отдельных районов Донецкой области');
    await expect(ordo.getByRole('link').getAttribute('href')).resolves.toBe('/p/minsk-2014/record/party/ordo');
    await expect(page.getByLabel('Слова для поиска').inputValue()).resolves.toBe('Донецкой');
    await expect(page.getByRole('heading', { level: 2, name: 'Результаты для «Донецкой»' }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(SHOTS, 'search-ru-ordo.png'), fullPage: true });
    // Back to an earlier search through the history: the page follows the address.
    await page.getByLabel('Слова для поиска').fill('Украина');
    await page.getByLabel('Слова для поиска').press('Enter');
    await page.locator('.search-hit[data-id="ukr"]').waitFor();
    await page.goBack();
    await ordo.waitFor();
    await expect(page.getByLabel('Слова для поиска').inputValue()).resolves.toBe('Донецкой');
  });

  it('searches from the header, pages with "more results", and says when nothing matches', async () => {
    const client = createClient({ baseUrl: parley.base });
    // A query with more than one page of hits in the demo.
    let query = '';
    for (const q of ['Donetsk', 'ceasefire', '2014', 'Донецк'])
      if ((await client.GET('/api/processes/{processId}/search', { params: { path: { processId: PROCESS }, query: { q, limit: 20 } } })).next) {
        query = q;
        break;
      }
    expect(query).not.toBe('');
    const page = await pageIn('en');
    await page.goto(`${parley.base}/talks`);
    await page.getByRole('searchbox', { name: 'Search the process' }).fill(query);
    await page.getByRole('searchbox', { name: 'Search the process' }).press('Enter');
    await page.waitForURL((u) => u.pathname === '/p/minsk-2014/search' && u.searchParams.get('q') === query);
    await expect.poll(() => hits(page).count()).toBe(20);
    await page.getByRole('button', { name: 'More results' }).click();
    await expect.poll(() => hits(page).count()).toBeGreaterThan(20);
    const keys = await hits(page).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}/${e.getAttribute('data-id')}`));
    expect(new Set(keys).size).toBe(keys.length);
    // From the header again while on the search page: the page follows the new query.
    await page.getByRole('searchbox', { name: 'Search the process' }).fill('zzqxv');
    await page.getByRole('searchbox', { name: 'Search the process' }).press('Enter');
    await page.getByText('Nothing that you may see matches “zzqxv”.').waitFor();
    await expect(hits(page).count()).resolves.toBe(0);
  });

  it('says the server’s refusal in the reader’s language: a search without words, a wrong password', async () => {
    const page = await pageIn('uk');
    await page.goto(`${parley.base}/search?q=${encodeURIComponent('!!!')}`);
    await expect(page.getByRole('alert').textContent()).resolves.toContain('У тексті пошуку немає літер чи цифр.');
    await page.screenshot({ path: join(SHOTS, 'search-uk-error.png'), fullPage: true });
    await axeCheck(page, 'search error');
    await page.goto(`${parley.base}/sign-in`);
    await page.locator('#username').fill('analyst');
    await page.locator('#password').fill('not-the-password');
    await page.locator('#password').press('Enter');
    await expect(page.locator('form [role="alert"]').textContent()).resolves.toBe('Не вдалося увійти: Неправильне ім’я користувача або пароль.');
    const ru = await pageIn('ru');
    await ru.goto(`${parley.base}/sign-in`);
    await ru.locator('#username').fill('analyst');
    await ru.locator('#password').fill('not-the-password');
    await ru.locator('#password').press('Enter');
    await expect(ru.locator('form [role="alert"]').textContent()).resolves.toMatch(/Неверное имя пользователя или пароль\.$/);
    expect(log.problems).toEqual([]);
  });
});
