/**
 * The forms of the verbs in Debian's Chromium against the real server with the demo (as web.browser.test.ts),
 * driven through the interface only: each account signs in on the sign-in page and clicks and types as a person
 * would. Screenshots go to /tmp/shots-talks/.
 */
import { createClient } from '@parley/contracts';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, follow, launchChromium, PageLog, type Parley, PROCESS, sessionFetch, signIn, startParley } from './support/harness.ts';

const SHOTS = '/tmp/shots-talks';
const TITLE = 'Working group on the exchange of prisoners';

describe.skipIf(!existsSync(CHROMIUM))('forms of the verbs in Chromium', () => {
  let parley: Parley;
  let base: string;
  let browser: Browser;
  let meetingId = '';
  const log = new PageLog();

  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const as = async (username: string) => {
    const client = createClient({ baseUrl: base, fetch: sessionFetch() });
    await client.login(username, parley.passwords.get(username)!);
    return client;
  };

  const enter = (username: string) => signIn(parley, log, browser, username, { timeout: 10_000 });
  const go = follow;

  /** Searches a source by title inside a group of the form and adds the first match. */
  async function addSource(page: Page, group: string, words: string) {
    const g = page.getByRole('group', { name: group, exact: true });
    await g.getByLabel('Find a source by title').fill(words);
    await g
      .getByRole('button', { name: /^Add source:/ })
      .first()
      .click();
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    parley = await startParley();
    base = parley.base;
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  it('the mediator proposes a meeting for the mediator only, schedules it, and postpones it with each side’s account', async () => {
    const page = await enter('mediator');
    await go(page, '/talks');
    await page.getByRole('button', { name: 'Propose a meeting' }).click();
    const form = page.getByRole('form', { name: 'Propose a meeting' });
    await form.getByLabel('Title in English').fill(TITLE);
    await form.getByLabel('Title in Ukrainian').fill('Робоча група з обміну полоненими');
    await form.getByLabel('Title in Russian').fill('Рабочая группа по обмену пленными');
    await form.getByLabel('Kind').selectOption('working_group');
    await form.getByLabel('Modality').selectOption('video');
    await form.getByLabel('Precision').selectOption('time');
    await form.getByLabel('When').fill('2026-12-10T10:00');
    await form.getByLabel('Time zone').selectOption('Europe/Minsk');
    await form.getByLabel('Place').fill('Minsk');
    await form.getByLabel('Who may read it').selectOption('mediator');
    await form.getByRole('button', { name: 'Propose the meeting' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    meetingId = new URL(page.url()).pathname.split('/').pop()!;
    // 10:00 in Minsk is 07:00 UTC: the time went out with the zone's offset.
    const read = await (await as('mediator')).GET('/api/processes/{processId}/meetings/{id}', { params: { path: { processId: PROCESS, id: meetingId } } });
    expect(read).toMatchObject({ plannedStart: '2026-12-10T10:00+03:00', timeZone: 'Europe/Minsk', audience: 'mediator', status: 'proposed' });

    // The server's refusal shows at the field it names.
    await page.getByRole('button', { name: 'Change the status' }).click();
    let status = page.getByRole('form', { name: 'Change the status' });
    await status.getByLabel('New status').selectOption('scheduled');
    await status.getByRole('button', { name: 'Record the status change' }).click();
    await expect.poll(() => status.getByLabel('Reason', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await status.getByLabel('Reason', { exact: true }).fill('The sides agreed the date by teleconference.');
    await addSource(page, 'Sources', 'Minsk Protocol');
    // A double click sends one request.
    const steps = await page.locator('[data-transition]').count();
    await status.getByRole('button', { name: 'Record the status change' }).dblclick();
    await expect.poll(() => page.locator('[data-transition]').count()).toBe(steps + 1);
    await expect.poll(() => page.locator('.facts').textContent()).toContain('scheduled');

    await page.getByRole('button', { name: 'Change the status' }).click();
    status = page.getByRole('form', { name: 'Change the status' });
    await status.getByLabel('New status').selectOption('postponed');
    await status.getByLabel('Reason', { exact: true }).fill('The round did not take place on the planned date.');
    // The source gives the reason in Ukrainian too: a variant beside the words in the writer's language.
    const reasonVariants = status.locator('[data-field="reason"] ~ details.words-variants');
    await reasonVariants.locator('summary').click();
    await reasonVariants.locator('[data-field="reason/uk"] textarea').fill('Раунд не відбувся в запланований день.');
    for (const [i, party, text, language] of [
      [1, 'ukr', 'The other side did not confirm its delegation.', 'en'],
      [2, 'rus', 'Киев не гарантировал прекращения огня, нужного для встречи.', 'ru'],
    ] as const) {
      await status.getByRole('button', { name: 'Add a side’s account' }).click();
      await status.getByLabel(`Party of account ${i}`).selectOption(party);
      await status.getByLabel(`Language of account ${i}`).selectOption(language);
      await status.getByLabel(`Account ${i}: what this side says caused it`).fill(text);
      await addSource(page, `Sources of account ${i}`, 'contact group');
    }
    await shot(page, 'forms-status-open-desktop-en');
    await status.getByRole('button', { name: 'Record the status change' }).click();
    await expect.poll(() => page.locator('[data-claim-party]').count()).toBe(2);
    expect(await page.locator('[data-claim-party="ukr"]').textContent()).toContain('did not confirm');
    // Russian words shown to an English reader are marked as Russian, for the eye and for a screen reader.
    const russian = page.locator('[data-claim-party="rus"] [data-text-lang="ru"]');
    expect(await russian.getAttribute('lang')).toBe('ru');
    expect(await russian.textContent()).toContain('не гарантировал');
    await expect.poll(() => page.locator('.facts').textContent()).toContain('postponed');
    const dossier = await (
      await as('mediator')
    ).GET('/api/processes/{processId}/meetings/{id}/dossier', { params: { path: { processId: PROCESS, id: meetingId } } });
    expect(dossier.history.at(-1)).toMatchObject({
      reason: { en: 'The round did not take place on the planned date.', uk: 'Раунд не відбувся в запланований день.' },
      reasonLanguage: 'en',
      claims: [
        { partyId: 'ukr', text: 'The other side did not confirm its delegation.', language: 'en' },
        { partyId: 'rus', language: 'ru' },
      ],
    });
  }, 120_000);

  it('a change made meanwhile shows what changed and lets the mediator redo the edit on the new version', async () => {
    const page = await enter('mediator');
    await go(page, `/talks/${meetingId}`);
    await page.getByRole('button', { name: 'Change the status' }).click();
    const status = page.getByRole('form', { name: 'Change the status' });
    await status.getByLabel('New status').selectOption('scheduled');
    await status.getByLabel('Reason', { exact: true }).fill('A new date was agreed.');
    // Someone else renames the meeting between the load and the submit.
    await (
      await as('mediator')
    ).PATCH('/api/processes/{processId}/meetings/{id}', {
      params: { path: { processId: PROCESS, id: meetingId } },
      body: { title: { en: `${TITLE} (renamed)` } },
    });
    await status.getByRole('button', { name: 'Record the status change' }).click();
    const stale = page.getByTestId('stale');
    await stale.waitFor();
    expect(await stale.textContent()).toContain('Changed meanwhile');
    expect(await page.getByTestId('stale-fields').locator('li').allTextContents()).toContain('Title');
    await shot(page, 'forms-stale-desktop-en');
    await stale.getByRole('button', { name: 'Redo my change on the new version' }).click();
    // The values typed are kept.
    expect(await status.getByLabel('Reason', { exact: true }).inputValue()).toBe('A new date was agreed.');
    await status.getByRole('button', { name: 'Record the status change' }).click();
    await expect.poll(() => page.locator('.facts').textContent()).toContain('scheduled');
  }, 120_000);

  it('the mediator makes the meeting public, told who will newly see it; an anonymous reader then sees it', async () => {
    const anon = await log.open(browser);
    await anon.goto(`${base}/talks/${meetingId}`);
    await anon.getByText('Not found, or you may not see it.').waitFor();

    const page = await enter('mediator');
    await go(page, `/talks/${meetingId}`);
    await page.getByRole('button', { name: 'Make public' }).click();
    expect(await page.getByTestId('publish-who').textContent()).toContain('Will newly see this meeting: Everyone, including anonymous readers');
    await page.getByRole('button', { name: 'Yes, make it public' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Make public' }).count()).toBe(0);

    const fresh = await log.open(browser);
    await fresh.goto(`${base}/talks/${meetingId}`);
    await fresh.getByRole('heading', { level: 1, name: `${TITLE} (renamed)` }).waitFor();
    expect(await fresh.getByRole('button', { name: 'Change the status' }).count()).toBe(0);
  }, 120_000);

  it('shows the status form in three languages on a desktop and a phone, without horizontal scroll and clean under axe', async () => {
    const page = await enter('mediator');
    for (const [lang, label] of [
      ['en', 'Language'],
      ['uk', 'Мова'],
      ['ru', 'Язык'],
    ] as const) {
      await go(page, `/talks/${meetingId}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      if (lang !== 'en') await page.getByLabel(label === 'Мова' ? 'Language' : 'Мова').selectOption(lang);
      await page.locator('button[aria-controls="meeting-form"]').first().click();
      await page.locator('#meeting-form form').waitFor();
      for (const [w, h, name] of [
        [1280, 800, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await shot(page, `forms-meeting-status-${name}-${lang}`);
        if (w === 390) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
      await axeCheck(page, `meeting status form ${lang}`);
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.locator('button[aria-controls="meeting-form"]').first().click();
    }
    await page.getByLabel('Язык').selectOption('en');
  }, 180_000);

  it('a delegate answers their own party’s invitation with a condition, and has no answer control on another party’s', async () => {
    const page = await enter('delegate-ordo');
    await go(page, '/talks/tcg-next-round');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const answers = page.getByRole('button', { name: /^Answer for/ });
    await expect.poll(() => answers.count()).toBe(1);
    expect(
      await page
        .locator('[data-invitation="ordo"]')
        .getByRole('button', { name: /^Answer for/ })
        .count(),
    ).toBe(1);
    for (const other of ['ukr', 'rus', 'osce', 'ordl']) expect(await page.locator(`[data-invitation="${other}"] button`).count()).toBe(0);
    await answers.click();
    const form = page.getByRole('form', { name: 'Answer the invitation' });
    await form.getByLabel('Answer', { exact: true }).selectOption('declined_with_conditions');
    await form.getByRole('button', { name: 'Add a condition' }).click();
    // The delegate writes the condition in their own language; an English reader sees it marked as Russian.
    await form.getByLabel('Language of condition 1').selectOption('ru');
    await form.getByLabel('Condition 1', { exact: true }).fill('Только с гарантиями безопасного прохода для делегации.');
    await axeCheck(page, 'answer form');
    await form.getByRole('button', { name: 'Send the answer' }).click();
    await expect.poll(() => page.locator('[data-invitation="ordo"]').textContent()).toContain('Только с гарантиями безопасного прохода');
    expect(await page.locator('[data-invitation="ordo"] [data-text-lang="ru"]').getAttribute('lang')).toBe('ru');
    expect(await page.locator('[data-invitation="ordo"]').textContent()).toContain('declined with conditions');
  }, 120_000);

  it('a delegate adds their own party’s account of a status change, offered no other party, in their language', async () => {
    const page = await enter('delegate-ordo');
    await go(page, `/talks/${meetingId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const last = page.locator('[data-transition]').last();
    await last.getByRole('button', { name: /^Add a side’s account of change/ }).click();
    const form = page.getByRole('form', { name: 'Add a side’s account of this change' });
    const party = form.getByLabel('Party whose account it is');
    expect(await party.inputValue()).toBe('ordo');
    expect(await party.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean))).toEqual(['ordo']);
    await form.getByLabel('Language of the account').selectOption('ru');
    await form.getByLabel('What this side says caused it').fill('Встречу перенесли, потому что не были согласованы гарантии безопасности.');
    await addSource(page, 'Sources of the account', 'contact group');
    await axeCheck(page, 'cause claim form');
    const before = await last.locator('[data-claim-party]').count();
    await form.getByRole('button', { name: 'Add the account' }).click();
    await expect.poll(() => last.locator('[data-claim-party="ordo"]').count()).toBe(1);
    expect(await last.locator('[data-claim-party="ordo"] [data-text-lang="ru"]').textContent()).toContain('гарантии безопасности');
    // The accounts already there stay as they were.
    expect(await last.locator('[data-claim-party]').count()).toBe(before + 1);
    // The server refuses an account in another party's name from this delegate, whatever the form offers.
    const client = await as('delegate-ordo');
    const other = await client
      .POST('/api/processes/{processId}/meetings/{id}/claims', {
        params: { path: { processId: PROCESS, id: meetingId } },
        body: {
          transition: Number(await last.getAttribute('data-transition')),
          claim: { partyId: 'ukr', text: 'x', sources: [{ sourceId: 'minsk-protocol' }] },
        },
      })
      .then(
        () => null,
        (e: { status?: number }) => e.status,
      );
    expect([403, 404]).toContain(other);
  }, 120_000);

  it('an analyst moves an incident’s verification one step with a reason and a source', async () => {
    const analyst = await as('analyst');
    const list = await analyst.GET('/api/processes/{processId}/incidents', { params: { path: { processId: PROCESS }, query: { limit: 50 } } });
    const incident = list.items.find(
      (i) => i.abilities.actions.includes('verify') && ((i as { verification?: string | null }).verification ?? 'reported') === 'reported',
    );
    expect(incident, 'a reported incident the analyst may verify').toBeDefined();
    const page = await enter('analyst');
    await go(page, `/monitoring/incidents/${incident!.id}`);
    await page.getByRole('button', { name: 'Change the verification' }).click();
    const form = page.getByRole('form', { name: 'Change the verification' });
    await form.getByLabel('New verification status').selectOption('corroborated');
    await form.getByLabel('Reason').fill('A second, independent report describes the same shelling.');
    await addSource(page, 'Sources', 'Minsk');
    await axeCheck(page, 'verify form');
    const before = await page.locator('[data-testid="verifications"] li').count();
    await form.getByRole('button', { name: 'Record the verification step' }).click();
    await expect.poll(() => page.locator('[data-testid="verifications"] li').count()).toBe(before + 1);
    expect(await page.locator('[data-testid="verifications"] li').last().textContent()).toContain('A second, independent report');
  }, 120_000);

  it('the mediator sets a held meeting’s agenda in three languages, its outcome and minutes, and records who attended for which party', async () => {
    const held = 'tcg-2014-07-31';
    const page = await enter('mediator');
    await go(page, `/talks/${held}`);
    await page.getByRole('button', { name: 'Edit agenda, outcome and minutes' }).click();
    const form = page.getByRole('form', { name: 'Edit agenda, outcome and minutes' });
    const before = await form.getByRole('button', { name: /^Remove agenda item/ }).count();
    await form.getByRole('button', { name: 'Add an agenda item' }).click();
    const n = before + 1;
    const item = form.getByRole('group', { name: `Agenda item ${n}` });
    await item.getByLabel('In English').fill('Lists of detainees for the exchange');
    await item.getByLabel('In Ukrainian').fill('Списки утримуваних для обміну');
    await item.getByLabel('In Russian').fill('Списки удерживаемых для обмена');
    await form.getByLabel(`Item ${n} proposed by`).selectOption('ukr');
    await form.getByRole('group', { name: 'Outcome' }).getByLabel('In English').fill('The sides handed over their lists.');
    await form.getByLabel('Minutes').fill('Opened at 14:00.\nLists handed over; the next round to reconcile them.');
    await shot(page, 'meeting-details-form');
    await axeCheck(page, 'meeting details form');
    await form.getByRole('button', { name: 'Save the changes' }).click();
    const agenda = page.locator('section[aria-labelledby="agenda-h"]');
    await agenda.getByText('Lists of detainees for the exchange').waitFor();
    await expect(agenda.locator('li').last().textContent()).resolves.toContain('(Ukraine)');
    await expect(page.locator('section[aria-labelledby="outcome-h"]').textContent()).resolves.toContain('The sides handed over their lists.');
    await expect(page.getByTestId('minutes').textContent()).resolves.toBe('Opened at 14:00.\nLists handed over; the next round to reconcile them.');
    // The version history says what changed in words: the new agenda item by its fields, never as JSON.
    const latest = page.locator('.version-history .history-list > li').first();
    await expect.poll(() => latest.locator('.history-changes').textContent()).toContain('Lists of detainees for the exchange');
    expect(await latest.locator('.history-changes').textContent()).not.toMatch(/[{}"]/);

    await page.getByRole('button', { name: 'Record attendance' }).click();
    const att = page.getByRole('form', { name: 'Record attendance' });
    await att.getByLabel('Party', { exact: true }).selectOption('rus');
    await att.getByLabel('Attendance').selectOption('left_early');
    await att.getByLabel('Note').fill('Left before the second item.');
    await att.getByRole('button', { name: 'Record the attendance' }).click();
    const row = page.locator('section[aria-labelledby="att-h"] tbody tr', { hasText: 'Left before the second item.' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Russian Federation.*left early/);
    await shot(page, 'meeting-attendance');

    // A Ukrainian reader reads the new agenda item in Ukrainian, unmarked.
    const uk = await log.open(browser);
    await uk.addInitScript(() => localStorage.setItem('parley.lang', 'uk'));
    await uk.goto(`${base}/p/${PROCESS}/talks/${held}`);
    await uk.locator('section[aria-labelledby="agenda-h"]').getByText('Списки утримуваних для обміну', { exact: true }).waitFor();
  });

  it('had no page errors', () => {
    expect(log.problems).toEqual([]);
  });
});
