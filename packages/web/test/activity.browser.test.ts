/**
 * The activity feed, version history and view-as in Debian's Chromium against the real server (loopback, PGlite, the
 * demo loaded): the mediator's edit shows in the feed and as a field difference on the record page; viewing as the
 * public hides a mediator-only record; an anonymous reader's feed lacks the hidden entry.
 */
import { createClient } from '@parley/contracts';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, sessionFetch, startParley } from './support/harness.ts';

describe.skipIf(!existsSync(CHROMIUM))('activity, history and view-as in Chromium', () => {
  let parley: Parley;
  let browser: Browser;
  let secretId: string;
  let editedId: string;
  const log = new PageLog();

  beforeAll(async () => {
    parley = await startParley();
    const f = sessionFetch();
    const mediator = createClient({ baseUrl: parley.base, fetch: f });
    await mediator.login('mediator', parley.passwords.get('mediator')!);
    const source = { publisher: 'Agency', date: '2014-11-21', language: 'en', kind: 'article' } as const;
    const path = { params: { path: { processId: PROCESS } } };
    secretId = (await mediator.POST('/api/processes/{processId}/sources', { ...path, body: { ...source, title: 'Mediator note', audience: 'mediator' } })).id;
    const made = await mediator.POST('/api/processes/{processId}/sources', { ...path, body: { ...source, title: 'Old title', audience: 'public' } });
    editedId = made.id;
    await mediator.PUT('/api/processes/{processId}/sources/{id}', {
      params: { path: { processId: PROCESS, id: editedId } },
      body: { ...source, title: 'New title', audience: 'public', version: 1 },
    });
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  const signedIn = async (username: string): Promise<Page> => {
    const page = await log.open(browser);
    await page.goto(`${parley.base}/sign-in`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(parley.passwords.get(username)!);
    await page.locator('#password').press('Enter');
    await page.getByTestId('whoami').waitFor({ state: 'attached' });
    return page;
  };
  const feed = async (page: Page) => {
    await page.goto(`${parley.base}/p/${PROCESS}/activity?kind=source`);
    // The list is there once the feed has loaded, empty or not ("Loading…" is a status too, so it is no sign).
    await page.locator('.activity-list').waitFor();
    await page.locator('main h1').waitFor();
    return page.locator('.activity-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-record')));
  };

  it('shows the mediator the edit in the feed and its difference on the record page', async () => {
    const page = await signedIn('mediator');
    const records = await feed(page);
    expect(records).toContain(`source/${editedId}`);
    expect(records).toContain(`source/${secretId}`);
    await expect(page.locator(`.activity-item[data-record="source/${editedId}"]`).first().textContent()).resolves.toContain('revised');
    await axeCheck(page, 'activity');
    await page.goto(`${parley.base}/p/${PROCESS}/record/source/${editedId}`);
    const history = page.locator('.version-history');
    await history.locator('[data-version="2"]').waitFor();
    await expect(history.locator('[data-version="2"] .history-changes').textContent()).resolves.toMatch(/title.*Old title.*New title/);
    await expect(history.locator('[data-version="1"]').textContent()).resolves.toContain('First version');
    await expect(history.locator('.audience-badge').first().textContent()).resolves.toContain('Public');
  });

  it('lets the mediator view as the public: the mediator-only record is gone, with a way back', async () => {
    const page = await signedIn('mediator');
    await page.goto(`${parley.base}/p/${PROCESS}/activity?kind=source`);
    await page.getByLabel('View as').selectOption('public');
    await page.locator('.view-as-banner').waitFor();
    await expect(page.locator('.view-as-banner').textContent()).resolves.toContain('as the public sees it');
    const records = await feed(page);
    expect(records).toContain(`source/${editedId}`);
    expect(records).not.toContain(`source/${secretId}`);
    await page.getByRole('button', { name: 'Back to my own view' }).click();
    await page.getByLabel('View as').waitFor();
    expect(await feed(page)).toContain(`source/${secretId}`);
  });

  it('gives an anonymous reader a feed without the hidden entry', async () => {
    const page = await log.open(browser);
    const records = await feed(page);
    expect(records).toContain(`source/${editedId}`);
    expect(records).not.toContain(`source/${secretId}`);
    expect(log.problems).toEqual([]);
  });
});
