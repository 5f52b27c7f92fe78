/**
 * The web app in Debian's Chromium against the real server: in-process, on a random loopback
 * port, with an in-memory PGlite and the demo loaded. Screenshots go to test-results/.
 */
import { createClient, type ApiError } from '@parley/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../server/src/compose.ts';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, sessionFetch, SHOTS, startParley } from './support/harness.ts';

const SECRET = 'Confidential note for the Russian delegation only: draft list R-7 for the exchange.';

describe.skipIf(!existsSync(CHROMIUM))('web app in Chromium', () => {
  let parley: Parley;
  let rt: Runtime;
  let app: Parley['app'];
  let base: string;
  let browser: Browser;
  let passwords: Map<string, string>;
  let secretId: string;
  const log = new PageLog();
  const { requests, problems } = log;

  const as = async (username: string) => {
    const client = createClient({ baseUrl: base, fetch: sessionFetch() });
    await client.login(username, passwords.get(username)!);
    return client;
  };

  const newPage = (opts: { bypassCSP?: boolean } = {}) => log.open(browser, opts);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  async function signIn(page: Page, username: string) {
    await page.goto(`${base}/sign-in`);
    await page.getByRole('button', { name: username, exact: true }).click();
    await expect.poll(() => page.getByLabel('Username').inputValue()).toBe(username);
    // The switcher moves focus to the password: the person types it.
    await page.keyboard.type(passwords.get(username)!);
    await page.keyboard.press('Enter');
    await page.getByTestId('whoami').filter({ hasText: username }).waitFor();
  }

  beforeAll(async () => {
    parley = await startParley();
    ({ rt, app, base } = parley);
    passwords = parley.passwords;

    // A record only Russia's delegation (and the mediator) may read, written by the mediator.
    const mediator = await as('mediator');
    const secret = await mediator.POST('/api/processes/{processId}/statements', {
      params: { path: { processId: PROCESS } },
      body: {
        speakerLabel: 'Russian delegation',
        date: '2014-11-25',
        speech: 'direct',
        stance: 'report',
        text: SECRET,
        sourceId: 'src-nov-report',
        audience: 'party',
        audienceParty: 'rus',
        partyIds: [],
        meetingIds: [],
      },
    });
    secretId = secret.id;

    browser = await launchChromium();
  });

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await app?.close();
    await rt?.close();
  });

  it('opens the overview: parties, meetings, casualty chart with sources (and times the first load)', async () => {
    const page = await newPage();
    const started = Date.now();
    await page.goto(`${base}/`, { waitUntil: 'load' });
    const nav = await page.evaluate(() => {
      const e = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoaded: e.domContentLoadedEventEnd - e.startTime, load: e.loadEventEnd - e.startTime };
    });
    await page.locator('.chart svg').first().waitFor();
    const content = Date.now() - started;
    console.log(
      `first load of the overview: load event ${nav.load.toFixed(0)} ms (DOMContentLoaded ${nav.domContentLoaded.toFixed(0)} ms); content with the chart ${content} ms`,
    );

    await expect.poll(() => page.title()).toContain('Parley');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Minsk process');
    const parties = page.locator('.party-list');
    for (const name of [
      'Ukraine',
      'Russian Federation',
      'Organization for Security and Co-operation in Europe',
      'Representatives of certain areas of Donetsk region',
    ])
      await expect(parties.textContent()).resolves.toContain(name);
    await expect(page.locator('#last-h + div').textContent()).resolves.toContain('19–20 September 2014');
    await expect(page.locator('#next-h + div').textContent()).resolves.toContain('Next round of the contact group');
    // The chart is one labelled image; every figure in the table names its source.
    await expect(page.getByRole('img', { name: 'Casualties over time' }).count()).resolves.toBe(1);
    const row = page.locator('tr[data-figure="fig-un-2014-11-18-killed"]');
    await expect(row.textContent()).resolves.toMatch(/at least 4,317 killed.*Business Standard/);
    await expect(page.locator('tr[data-figure] .cite').count()).resolves.toBe(await page.locator('tr[data-figure]').count());

    // The ceasefire, read from the agreements: the Protocol's from 18:00 Kyiv time on 5 September, confirmed by the Memorandum.
    const ceasefire = page.locator('section[data-ceasefire="minsk-protocol"]');
    await expect(ceasefire.getByRole('heading', { name: 'Ceasefire' }).count()).resolves.toBe(1);
    await expect(ceasefire.textContent()).resolves.toMatch(
      /Minsk Protocol.*5 September 2014.*18:00.*Confirmed and extended by: Minsk Memorandum \(19 September 2014\)/s,
    );
    const days = Number(await ceasefire.locator('[data-days]').getAttribute('data-days'));
    expect(days).toBeGreaterThan(70);
    // Incidents before and since, from the series endpoint, agree with the API; the UN figure since the ceasefire names its source.
    await ceasefire.locator('tr[data-measure="incidents"]').waitFor();
    const cells = await ceasefire.locator('tr[data-measure="incidents"] td').allTextContents();
    const client = createClient({ baseUrl: base });
    const count = async (from: string, to: string) =>
      (
        await client.GET('/api/processes/{processId}/incidents/series', { params: { path: { processId: PROCESS }, query: { from, to, interval: 'day' } } })
      ).points.reduce((n, p) => n + p.incidents, 0);
    const add = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const before = await count(add('2014-09-05', 1 - days), '2014-09-05');
    const since = await count('2014-09-06', add('2014-09-05', days));
    expect(before + since).toBeGreaterThan(0);
    expect(cells.map((c) => Number(c.replace(/\D/g, '')))).toEqual([before, since]);
    await expect(ceasefire.textContent()).resolves.toContain('UCDP');
    await expect(ceasefire.locator('[data-figure-since="fig-un-2014-11-18-killed-since-ceasefire"] .cite').count()).resolves.toBe(1);
    // Incidents over time (before and after the ceasefire, not all of them its violations): one labelled image, the ceasefire marked, every week read out.
    const chart = page.getByRole('img', { name: 'Incidents over time' });
    await expect(chart.count()).resolves.toBe(1);
    await expect(chart.locator('.marker text').textContent()).resolves.toContain('5 September 2014');
    await expect(chart.locator('desc').textContent()).resolves.toMatch(/week of 1 September 2014: \d+/);
    await shot(page, 'web-overview');
    await page.locator('section[data-ceasefire]').screenshot({ path: join(SHOTS, 'web-overview-ceasefire.png') });
    await page.locator('section[aria-labelledby="viol-h"]').screenshot({ path: join(SHOTS, 'web-overview-violations.png') });
  });

  it('opens the cancelled preparatory teleconference and shows both sides’ claims with their sources', async () => {
    const page = await newPage();
    await page.goto(`${base}/talks`);
    await page.locator('.timeline').waitFor();
    await shot(page, 'web-talks');
    await page.getByRole('link', { name: 'Preparatory teleconference of the contact group, November 2014' }).click();
    await page.getByRole('heading', { name: 'Status history' }).waitFor();
    expect(page.url()).toBe(`${base}/p/${PROCESS}/talks/tcg-2014-11-teleconference`);
    await expect(page.locator('.facts').textContent()).resolves.toContain('cancelled');
    const rus = page.locator('[data-claim-party="rus"]');
    const ukr = page.locator('[data-claim-party="ukr"]');
    await expect(rus.textContent()).resolves.toMatch(/According to Russian Federation.*Kyiv scrapped the teleconference/);
    await expect(ukr.textContent()).resolves.toMatch(/According to Ukraine.*not viable while the firing continues/);
    await expect(rus.locator('.cite').first().textContent()).resolves.toContain('China Radio International');
    await expect(ukr.locator('.cite').first().textContent()).resolves.toMatch(/news agency report.*21 November 2014/);
    // Side by side: the two accounts share a row.
    const [a, b] = [await rus.boundingBox(), await ukr.boundingBox()];
    expect(Math.abs(a!.y - b!.y)).toBeLessThan(5);
    await shot(page, 'web-meeting-teleconference');

    // The next round: invitations with answers and conditions.
    await page.goto(`${base}/talks/tcg-next-round`);
    const ukrInvitation = page.locator('tr[data-invitation="ukr"]');
    await expect(ukrInvitation.textContent()).resolves.toMatch(/declined with conditions.*Not while the firing continues/);
    await expect(page.locator('tr[data-invitation="rus"]').textContent()).resolves.toContain('confirmed');
    await shot(page, 'web-meeting-next-round');
  });

  it('serves the calendar link from the talks page', async () => {
    const page = await newPage();
    await page.goto(`${base}/talks`);
    const href = await page.getByRole('link', { name: 'Calendar (iCalendar)' }).getAttribute('href');
    expect(href).toBe(`${base}/api/processes/${PROCESS}/calendar.ics`);
    const ics = await (await fetch(href!)).text();
    expect(ics).toContain('BEGIN:VCALENDAR');
  });

  it('opens an agreement with its provisions, implementation matrix and assessments with evidence', async () => {
    const page = await newPage();
    await page.goto(`${base}/agreements`);
    await page.getByRole('link', { name: 'Minsk Protocol', exact: true }).click();
    await page.getByRole('heading', { name: 'Implementation matrix' }).waitFor();
    await expect(page.locator('tr[data-provision="1"]').textContent()).resolves.toMatch(/Both sides stop using weapons.*Cea/);
    const matrix = page.locator('table.matrix');
    const headers = await matrix.locator('thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['neutral', 'view of Ukraine']));
    await expect(matrix.locator('tbody tr').first().textContent()).resolves.toContain('1 minimal');
    const evidence = page.locator('.assessment').first();
    await expect(evidence.textContent()).resolves.toMatch(/Evidence.*figure:.*at least 957 killed/);
    await shot(page, 'web-agreement');
    await page.locator('section[aria-labelledby="matrix-h"]').screenshot({ path: join(SHOTS, 'web-agreement-matrix.png') });
    await page.locator('section[aria-labelledby="ass-h"]').screenshot({ path: join(SHOTS, 'web-agreement-assessments.png') });
  });

  it('switches to Ukrainian: interface and party names change, and the choice is remembered', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.locator('.party-list').waitFor();
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('link', { name: 'Огляд' }).waitFor();
    await expect(page.locator('.party-list').textContent()).resolves.toContain('Україна');
    await expect(page.locator('.party-list').textContent()).resolves.toContain('Російська Федерація');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('uk');
    // Numbers and dates follow the reader's language through Intl.
    await expect(page.locator('tr[data-figure="fig-un-2014-11-18-killed"]').textContent()).resolves.toMatch(/щонайменше 4\s317/);
    await page.reload();
    await page.locator('.party-list').waitFor();
    await expect(page.locator('.party-list').textContent()).resolves.toContain('Україна');
    await shot(page, 'web-overview-uk');
    await page.getByLabel('Мова').selectOption('ru');
    await expect(page.locator('.party-list').textContent()).resolves.toContain('Украина');
  });

  it('signs in as Ukraine’s delegate, who cannot find Russia’s confidential statement; Russia’s delegate can', async () => {
    // The API first: not found for Ukraine, exactly as for a record that does not exist.
    const ukr = await as('delegate-ukr');
    const denied = await ukr
      .GET('/api/processes/{processId}/statements/{id}', { params: { path: { processId: PROCESS, id: secretId } } })
      .catch((e: ApiError) => e);
    expect((denied as ApiError).status).toBe(404);
    expect(
      (await ukr.GET('/api/processes/{processId}/statements', { params: { path: { processId: PROCESS }, query: { limit: 500 } } })).items.map((s) => s.text),
    ).not.toContain(SECRET);
    const rus = await as('delegate-rus');
    expect((await rus.GET('/api/processes/{processId}/statements/{id}', { params: { path: { processId: PROCESS, id: secretId } } })).text).toBe(SECRET);

    const page = await newPage();
    await signIn(page, 'delegate-ukr');
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Your roles.*delegate — Ukraine/);
    await shot(page, 'web-signed-in-ukr');
    await page.getByRole('link', { name: 'Statements' }).click();
    await page.locator('table.statements tbody tr').first().waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain('Moscow blames Kyiv for scrapping');
    await expect(page.locator('main').textContent()).resolves.not.toContain(SECRET);
    await page.goto(`${base}/statements`); // a fresh load, not just a client-side route
    await page.locator('table.statements tbody tr').first().waitFor();
    await expect(page.locator('main').textContent()).resolves.not.toContain(SECRET);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();

    await signIn(page, 'delegate-rus');
    await page.getByRole('link', { name: 'Statements' }).click();
    const row = page.locator(`tr[data-statement="${secretId}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/confidential to Russian Federation/);
    await shot(page, 'web-statements-rus');
  });

  it('passes an axe-core check (no serious or critical violations) on the overview and a meeting page', async () => {
    const page = await newPage({ bypassCSP: true });
    await page.goto(`${base}/`);
    await page.locator('.chart svg').first().waitFor();
    await axeCheck(page, 'overview');
    await page.goto(`${base}/talks/tcg-2014-11-teleconference`);
    await page.locator('[data-claim-party]').first().waitFor();
    await axeCheck(page, 'meeting');
    await page.goto(`${base}/agreements/minsk-protocol`);
    await page.locator('table.matrix').waitFor();
    await axeCheck(page, 'agreement');
  });

  it('is reachable by keyboard: skip link first, then the sections', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.locator('.party-list').waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Skip to content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    for (const name of ['Talks', 'Agreements', 'Statements']) await expect(page.getByRole('navigation').getByRole('link', { name }).count()).resolves.toBe(1);
  });

  it('made no request to any host but the loopback server, and broke no content-security rule', () => {
    expect(requests.length).toBeGreaterThan(20);
    const foreign = requests.filter((u) => !u.startsWith('data:') && new URL(u).hostname !== '127.0.0.1');
    expect(foreign).toEqual([]);
    expect(problems).toEqual([]);
  });
});
