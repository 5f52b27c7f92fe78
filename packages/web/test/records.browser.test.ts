/**
 * The record forms in Debian's Chromium against the real server with the demo, through the interface only:
 * agreements and provisions, assessments, claims and counter-claims, and changing a record's audience from the
 * record page. Screenshots go to /tmp/shots-records/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, startParley } from './support/harness.ts';

const SHOTS = '/tmp/shots-records';
const P = `/p/${PROCESS}`;

describe.skipIf(!existsSync(CHROMIUM))('record forms in Chromium', () => {
  let parley: Parley;
  let browser: Browser;
  const log = new PageLog();

  async function signIn(username: string): Promise<Page> {
    const page = await log.open(browser);
    page.setDefaultTimeout(10_000);
    await page.goto(`${parley.base}/sign-in`);
    await page.getByRole('button', { name: username, exact: true }).click();
    await expect.poll(() => page.getByLabel('Username').inputValue()).toBe(username);
    await page.keyboard.type(parley.passwords.get(username)!);
    await page.keyboard.press('Enter');
    await page.getByTestId('whoami').filter({ hasText: username }).waitFor();
    return page;
  }

  /** Follows an in-app link, as a reader would, so the session stays. */
  const go = (page: Page, path: string) =>
    page.evaluate((to) => {
      window.history.pushState(null, '', to);
      window.dispatchEvent(new PopStateEvent('popstate'));
    }, path);

  async function addSource(page: Page, group: string, words: string) {
    const g = page.getByRole('group', { name: group, exact: true }).last();
    await g.getByLabel('Find a source by title').fill(words);
    await g
      .getByRole('button', { name: /^Add source:/ })
      .first()
      .click();
  }

  /** Axe on the page as it stands, and no sideways scroll at 390 px; a screenshot of each width. */
  async function checkPage(page: Page, name: string) {
    await axeCheck(page, name);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SHOTS, `${name}-phone.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} at 390 px`).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    parley = await startParley();
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  it('the mediator records an agreement for the mediator only, adds a provision, and publishes it from the record page', async () => {
    const page = await signIn('mediator');
    await go(page, `${P}/agreements`);
    await page.getByRole('button', { name: 'Record an agreement' }).click();
    const form = page.getByRole('form', { name: 'Record an agreement' });
    const title = form.getByRole('group', { name: 'Title' });
    await title.getByLabel('In English').fill('Test accord on the exchange of prisoners');
    await title.getByLabel('In Ukrainian').fill('Тестова угода про обмін полоненими');
    await title.getByLabel('In Russian').fill('Тестовое соглашение об обмене пленными');
    await form.getByLabel('Short name (English)').fill('Test accord');
    await form.getByLabel('Stage (PA-X)').selectOption({ label: 'Ceasefire and related' });
    await form.getByRole('button', { name: 'Add a signatory' }).click();
    await form.getByLabel('Signatory 1', { exact: true }).selectOption({ label: 'Heidi Tagliavini' });
    await form.getByLabel('Signatory 1: in what capacity').fill('OSCE special representative');
    await addSource(page, 'Sources', 'Minsk');
    expect(await form.getByLabel('Who may read it').inputValue()).toBe('mediator');
    await checkPage(page, 'agreement-create');
    await form.getByRole('button', { name: 'Record the agreement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Test accord' }).waitFor();
    const id = new URL(page.url()).pathname.split('/').pop()!;
    expect(await page.locator('.facts').textContent()).toContain('Ceasefire and related');

    await page.getByRole('button', { name: 'Add a provision' }).click();
    const prov = page.getByRole('form', { name: 'Add a provision' });
    await prov.getByLabel('Provision number').fill('1.x');
    await prov.getByRole('group', { name: 'What the provision says (paraphrase)' }).getByLabel('In English').fill('Both sides release all detainees.');
    await prov.getByLabel('Prisoner release').check();
    await prov.getByLabel('Ukraine').check();
    await prov.getByRole('button', { name: 'Add the provision' }).click();
    // The server's refusal of a malformed number is shown at the number.
    await expect.poll(() => prov.locator('[data-field="number"] .field-error').count()).toBe(1);
    await prov.getByLabel('Provision number').fill('1');
    await checkPage(page, 'provision-add');
    await prov.getByRole('button', { name: 'Add the provision' }).click();
    await page.locator('[data-provision="1"]').waitFor();
    const row = (await page.locator('[data-provision="1"]').textContent()) ?? '';
    expect(row).toContain('Both sides release all detainees.');
    expect(row).toContain('Prisoner release');

    const anon = await log.open(browser);
    await anon.goto(`${parley.base}${P}/agreements/${id}`);
    await anon.getByText('Not found, or you may not see it.').waitFor();

    await page.locator(`[data-verify="agreement/${id}"]`).click();
    const panel = page.getByTestId('record-audience');
    await panel.getByRole('button', { name: 'Make public' }).click();
    const who = (await page.getByTestId('publish-who').textContent()) ?? '';
    expect(who).toContain('Now readable by: mediator only');
    expect(who).toContain('Will newly see this agreement: Everyone, including anonymous readers');
    await page.getByRole('form', { name: 'Change who may read it' }).getByLabel('New audience').selectOption('forum');
    expect(await page.getByTestId('publish-who').textContent()).toMatch(/Will newly see this agreement: Delegates of .*Ukraine/);
    await page.getByRole('form', { name: 'Change who may read it' }).getByLabel('New audience').selectOption('public');
    await checkPage(page, 'record-publish');
    await page.getByRole('button', { name: 'Yes, make it public' }).click();
    await expect.poll(() => panel.textContent()).toContain('Who may read it: public');

    const fresh = await log.open(browser);
    await fresh.goto(`${parley.base}${P}/agreements/${id}`);
    await fresh.getByRole('heading', { level: 1, name: 'Test accord' }).waitFor();
  }, 120_000);

  it('an analyst assesses a provision with a score whose meaning is shown, a rationale and evidence', async () => {
    const page = await signIn('analyst');
    await go(page, `${P}/agreements/minsk-protocol`);
    await page.getByRole('button', { name: 'Assess provision 1', exact: true }).click();
    const form = page.getByRole('form', { name: 'Assess provision 1' });
    expect(await form.getByRole('definition').allTextContents()).toContain('carried out in full');
    await form.getByLabel('Score (Peace Accords Matrix)').selectOption('2');
    await form.getByLabel('Assessor').fill('Analyst of the mediation team');
    await form.getByLabel('Rationale').fill('The ceasefire holds in most sectors; shelling continues near the airport.');
    await form.getByRole('button', { name: 'Record the assessment' }).click();
    await expect.poll(() => form.locator('.field-error').count()).toBeGreaterThan(0); // no evidence: refused at the field
    await addSource(page, 'Evidence (sources)', 'Minsk');
    await checkPage(page, 'assess');
    await form.getByRole('button', { name: 'Record the assessment' }).click();
    await expect.poll(() => page.locator('.assessments').textContent()).toContain('shelling continues near the airport');
  }, 90_000);

  it('a delegate claims for their own party only; the other side’s counter-claim is drawn as an equal', async () => {
    const ukr = await signIn('delegate-ukr');
    await go(ukr, `${P}/statements`);
    await ukr.getByRole('button', { name: 'Enter a claim' }).click();
    const form = ukr.getByRole('form', { name: 'Enter a claim' });
    const party = form.getByLabel('For which party');
    expect(await party.locator('option').allTextContents()).toEqual(['—', 'Ukraine']);
    expect(await party.inputValue()).toBe('ukr');
    await form.getByLabel('What it is about').fill('shelling of the school in test village');
    await form.getByLabel('The claim').fill('The school was shelled from the east at dawn.');
    await addSource(ukr, 'Source', 'Minsk');
    await checkPage(ukr, 'claim-enter');
    await form.getByRole('button', { name: 'Record the claim' }).click();
    const mine = ukr.locator('li.claim', { hasText: 'The school was shelled from the east' });
    await mine.waitFor();

    const rus = await signIn('delegate-rus');
    await go(rus, `${P}/statements`);
    const theirs = rus.locator('li.claim', { hasText: 'The school was shelled from the east' });
    await theirs.getByRole('button', { name: 'Answer the claim of Ukraine' }).click();
    const counter = rus.getByRole('form', { name: 'Enter a counter-claim' });
    expect(await counter.getByLabel('For which party').inputValue()).toBe('rus');
    await counter.getByLabel('The claim').fill('No fire came from the east that morning.');
    await addSource(rus, 'Source', 'Minsk');
    await checkPage(rus, 'claim-counter');
    await counter.getByRole('button', { name: 'Record the counter-claim' }).click();

    const pair = rus.getByRole('group', { name: 'shelling of the school in test village' });
    await expect.poll(() => pair.locator('li.claim').count()).toBe(2);
    const looks = await pair.locator('li.claim').evaluateAll((els) =>
      els.map((e) => {
        const s = getComputedStyle(e);
        return {
          cls: e.className,
          border: `${s.borderStyle} ${s.borderWidth} ${s.borderColor}`,
          weight: s.fontWeight,
          width: Math.round(e.getBoundingClientRect().width),
        };
      }),
    );
    expect(looks[0]).toEqual(looks[1]);
    expect(await pair.locator('li.claim').nth(1).textContent()).toContain('Answers the claim of Ukraine');
  }, 90_000);

  it('a delegate enters a statement in Ukrainian with the Russian words its source also gives; each reader sees their own or the original, marked', async () => {
    const ukr = await signIn('delegate-ukr');
    await go(ukr, `${P}/statements`);
    await ukr.getByRole('button', { name: 'Enter a statement' }).click();
    const form = ukr.getByRole('form', { name: 'Enter a statement' });
    await form.getByLabel('Language of the words').selectOption('uk');
    await form.getByLabel('What was said').fill('Тестова заява: нова зустріч неможлива, поки триває обстріл.');
    await form.getByText('The same words in other languages, where the source gives them').click();
    await form.getByLabel('The same words in Russian').fill('Тестовое заявление: новая встреча невозможна, пока продолжается обстрел.');
    await addSource(ukr, 'Source', 'Minsk');
    await checkPage(ukr, 'statement-enter');
    await form.getByRole('button', { name: 'Record the statement' }).click();
    const row = (page: Page) => page.locator('[data-text-lang]', { hasText: /^Тестов/ });
    await row(ukr).waitFor();
    // The English reader sees the original, marked as Ukrainian for eyes and screen readers.
    await expect(row(ukr).getAttribute('lang')).resolves.toBe('uk');
    await expect(row(ukr).textContent()).resolves.toMatch(/^Тестова заява.*\(in Ukrainian\)$/);
    for (const [lang, start] of [
      ['ru', 'Тестовое заявление'],
      ['uk', 'Тестова заява'],
    ] as const) {
      const reader = await log.open(browser);
      await reader.addInitScript((l) => localStorage.setItem('parley.lang', l), lang);
      await reader.goto(`${parley.base}${P}/statements`);
      await row(reader).waitFor();
      await expect(row(reader).textContent()).resolves.toMatch(new RegExp(`^${start}[^(]*$`));
      await expect(row(reader).getAttribute('lang')).resolves.toBeNull();
    }
  }, 90_000);

  it('had no page errors', () => {
    expect(log.problems).toEqual([]);
  });
});
