/**
 * "What needs me" (/todo) in Chromium against the real server with the demo: each reader sees what their roles let
 * them act on, as the server's abilities say, and each item links to its page.
 */
import { createClient } from '@parley/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, sessionFetch, SHOTS, startParley } from './support/harness.ts';

describe.skipIf(!existsSync(CHROMIUM))('what needs me in Chromium', () => {
  let parley: Parley;
  let browser: Browser;
  let meetingId: string;
  let invitationId: string;
  const log = new PageLog();

  beforeAll(async () => {
    parley = await startParley();
    const mediator = createClient({ baseUrl: parley.base, fetch: sessionFetch() });
    await mediator.login('mediator', parley.passwords.get('mediator')!);
    const path = { processId: PROCESS };
    const meeting = await mediator.POST('/api/processes/{processId}/meetings', {
      params: { path },
      body: {
        forumId: 'tcg',
        title: { en: 'Working group on the exchange', uk: 'Робоча група з обміну', ru: 'Рабочая группа по обмену' },
        kind: 'working_group',
        modality: 'video',
        timeZone: 'Europe/Minsk',
        plannedStart: '2014-12-20',
        hostRequiresConfirmation: false,
        agenda: [],
        sources: [],
      },
    });
    meetingId = meeting.id;
    invitationId = (
      await mediator.POST('/api/processes/{processId}/meetings/{id}/invitations', { params: { path: { ...path, id: meetingId } }, body: { partyId: 'ukr' } })
    ).id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  async function todoAs(username: string | null, lang = 'en'): Promise<Page> {
    const page = await log.open(browser);
    await page.addInitScript((l) => localStorage.setItem('parley.lang', l), lang);
    if (username) {
      await page.goto(`${parley.base}/sign-in`);
      await page.locator('#username').fill(username);
      await page.locator('#password').fill(parley.passwords.get(username)!);
      await page.locator('#password').press('Enter');
      await page.getByTestId('whoami').waitFor({ state: 'attached' });
      await page.getByRole('link', { name: { en: 'What needs me', uk: 'Що чекає на мене', ru: 'Что ждёт меня' }[lang]! }).click();
    } else await page.goto(`${parley.base}/todo`);
    await page.locator('main h1').waitFor();
    if (username) await page.locator('[data-section]').first().waitFor();
    return page;
  }
  const section = (page: Page, id: string) => page.locator(`[data-section="todo-${id}"]`);

  it('shows Ukraine’s delegate the invitation to answer, and nothing to verify or schedule', async () => {
    const page = await todoAs('delegate-ukr');
    const item = section(page, 'invitations').locator(`[data-todo="invitation"][data-id="${invitationId}"]`);
    await expect(item.getByRole('link').textContent()).resolves.toBe('Working group on the exchange');
    await expect(section(page, 'meetings').locator(`[data-id="${meetingId}"]`).count()).resolves.toBe(0);
    await expect(section(page, 'incidents').textContent()).resolves.toContain('Nothing here.');
    await page.screenshot({ path: join(SHOTS, 'todo-delegate-ukr.png'), fullPage: true });
    await axeCheck(page, 'todo delegate');
    await item.getByRole('link').click();
    await page.waitForURL(new RegExp(`/talks/${meetingId}$`));
  });

  it('does not show Russia’s delegate an invitation of Ukraine', async () => {
    const page = await todoAs('delegate-rus', 'ru');
    await expect(section(page, 'invitations').locator(`[data-id="${invitationId}"]`).count()).resolves.toBe(0);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Что ждёт меня');
  });

  it('shows the mediator the proposed meeting, and the analyst reported incidents to verify, ten at first', async () => {
    const mediator = await todoAs('mediator', 'uk');
    const meeting = section(mediator, 'meetings').locator(`[data-todo="meeting"][data-id="${meetingId}"]`);
    await expect(meeting.getByRole('link').textContent()).resolves.toBe('Робоча група з обміну');
    await expect(meeting.getByRole('link').getAttribute('href')).resolves.toBe(`/p/minsk-2014/talks/${meetingId}`);

    const analyst = await todoAs('analyst');
    const incidents = section(analyst, 'incidents');
    const count = await incidents.locator('[data-todo="incident"]').count();
    expect(count).toBe(10);
    await incidents.getByRole('button', { name: /^Show all/ }).click();
    await expect.poll(() => incidents.locator('[data-todo="incident"]').count()).toBeGreaterThan(10);
    const first = incidents.locator('[data-todo="incident"]').first();
    const id = await first.getAttribute('data-id');
    await analyst.screenshot({ path: join(SHOTS, 'todo-analyst.png') });
    await axeCheck(analyst, 'todo analyst');
    await first.getByRole('link').click();
    await analyst.waitForURL(new RegExp(`/monitoring/incidents/${id}$`));
    expect(log.problems).toEqual([]);
  });

  it('asks a reader who is not signed in to sign in', async () => {
    const page = await todoAs(null);
    await expect(page.getByRole('link', { name: 'Sign in to see what waits for you.' }).getAttribute('href')).resolves.toBe('/p/minsk-2014/sign-in');
  });
});
