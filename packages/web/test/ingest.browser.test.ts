/**
 * A news report into the record, in Debian's Chromium against the real server with the demo, through the interface
 * only: an analyst pastes a wire report, the server reads it off the request path, and the review shows the
 * proposed statements with their speakers and stances, the casualty figure with its qualifier and period and the
 * events, with the donation appeal set aside; confirming adds them to the record citing the span. Screenshots
 * (desktop and 390 px, in en, uk and ru) go to /tmp/shots-ingest/.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, follow, launchChromium, PageLog, type Parley, PROCESS, signIn, startParley } from './support/harness.ts';

const SHOTS = '/tmp/shots-ingest';
const WIRE = readFileSync(new URL('../../server/test/fixtures/ingest/wire-report.txt', import.meta.url), 'utf8');

describe.skipIf(!existsSync(CHROMIUM))('ingesting a report in Chromium', () => {
  let parley: Parley;
  let browser: Browser;
  const log = new PageLog();
  let reviewUrl = '';
  const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

  const as = (username: string, lang = 'en') => signIn(parley, log, browser, username, { lang, timeout: 20_000 });
  const go = (page: Page, path: string) => follow(page, `/p/${PROCESS}${path}`);

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    parley = await startParley();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  it('an analyst pastes a wire report and within seconds reviews what Parley proposes, the appeal set aside', async () => {
    const page = await as('analyst');
    await go(page, '/sources');
    await page.getByRole('button', { name: 'Add a report' }).click();
    const form = page.getByRole('form', { name: 'Add a report' });
    await form.getByLabel('Text of the report').fill(WIRE);
    await form.getByLabel('Publisher').fill('Example Wire');
    await form.getByLabel('Published on').fill('2014-11-21');
    await shot(page, 'paste-en');
    const started = Date.now();
    await form.getByRole('button', { name: 'Read the report' }).click();
    await page.getByRole('heading', { name: 'Review: Ukraine talks stall as shelling goes on in Donetsk' }).waitFor();
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(20);
    reviewUrl = page.url();
    // Appeal set aside, kept for the reviewer.
    const text = page.getByTestId('reading-text');
    expect(await text.innerText()).not.toContain('Donate now');
    await page.getByText(/^Set aside as boilerplate/).click();
    expect(await page.getByTestId('set-aside').innerText()).toContain('Donate now');
    // Statements with speakers resolved through the record's names and mandates.
    const statements = page.locator('[data-kind="statement"]');
    expect(await statements.count()).toBeGreaterThanOrEqual(2);
    const all = await statements.allInnerTexts();
    expect(all.some((s) => s.includes('Leonid Kuchma') && /condition/.test(s))).toBe(true);
    expect(all.some((s) => s.includes('Alexander Lukashevich'))).toBe(true);
    // The casualty figure with its qualifier and period.
    const figure = page.locator('[data-kind="figure"]').filter({ hasText: '4,300' });
    expect(await figure.innerText()).toMatch(/more than 4,300/);
    expect(await figure.innerText()).toMatch(/mid-April/);
    // The scrapped teleconference as an event.
    expect(await page.locator('[data-event$="cancelled"]').count()).toBeGreaterThanOrEqual(1);
    await shot(page, 'review-en');
    await axeCheck(page, 'review');
  });

  it('shows a candidate’s words in the text, and confirming one adds a statement citing the source', async () => {
    const page = await as('analyst');
    await page.goto(reviewUrl);
    const card = page.locator('[data-kind="statement"]').filter({ hasText: 'Leonid Kuchma' }).first();
    await card.getByRole('button', { name: 'Show in the text' }).click();
    const mark = page.getByTestId('reading-text').locator('mark.hl').first();
    await mark.waitFor();
    expect(await page.getByTestId('reading-text').locator('mark').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/Kuchma|viable/)]));
    await shot(page, 'highlight-en');
    await card.getByRole('button', { name: 'Confirm', exact: true }).click();
    await card.getByText('confirmed').waitFor();
    // The figure, corrected, then confirmed.
    const figure = page.locator('[data-kind="figure"]').filter({ hasText: '4,300' });
    await figure.getByRole('button', { name: 'Correct and confirm' }).click();
    await figure.getByLabel('Measure').fill('killed');
    await figure.getByRole('button', { name: 'Confirm as corrected' }).click();
    await figure.getByText('confirmed').waitFor();
    // A rejection keeps the candidate, marked.
    const other = page.locator('[data-kind="event"]').first();
    await other.getByRole('button', { name: 'Reject' }).click();
    await other.getByText('rejected', { exact: true }).waitFor();
    // The statement is in the record: verified in the log by the browser, and listed with the other statements.
    await card.getByRole('link', { name: 'Verify the record it made' }).click();
    await page.waitForURL(/\/record\/statement\//);
    await page.getByText('Verified in your browser').waitFor();
    await go(page, '/statements');
    await page.getByText('a new meeting was not viable', { exact: false }).filter({ visible: true }).first().waitFor();
    await shot(page, 'confirmed-statement-en');
  });

  it('a monitor reads the review but may not confirm a statement; the review reads well on a phone in Ukrainian and Russian', async () => {
    const monitor = await as('monitor');
    await monitor.goto(reviewUrl);
    await monitor.getByRole('heading', { name: /^Review:/ }).waitFor();
    expect(await monitor.locator('[data-kind="statement"]').first().getByRole('button', { name: 'Confirm', exact: true }).count()).toBe(0);
    for (const lang of ['uk', 'ru']) {
      const page = await as('analyst', lang);
      await page.goto(reviewUrl);
      await page.locator('[data-kind="statement"]').first().waitFor();
      await shot(page, `review-${lang}-desktop`);
      await page.setViewportSize({ width: 390, height: 844 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await shot(page, `review-${lang}-phone`);
      await shot(page, `review-${lang}-phone-top`, false);
      await axeCheck(page, `review ${lang} phone`);
    }
  });
});
