/**
 * The talks and statements lists in Chromium against the real server with the demo: filters kept in the address (reload, Back),
 * paging past the first page by the server's cursor, a CSV of the current view, a Ukrainian plural, and the
 * desktop header on one row at 1280 px.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../server/src/domain/shared/actor.ts';
import { resource } from '../../server/src/use-cases/resources.ts';
import { bodyOf, today } from '../../server/src/use-cases/support.ts';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, startParley } from './support/harness.ts';

/** More public meetings than one page (100) holds, all in March 2016, after the demo's own. */
const EXTRA = 130;

describe.skipIf(!existsSync(CHROMIUM))('lists in Chromium', () => {
  let parley: Parley;
  let browser: Browser;
  const log = new PageLog();

  beforeAll(async () => {
    parley = await startParley();
    browser = await launchChromium();
    // Set-up only: enough records to need a second page, written in one unit of work as an import would.
    const meetings = resource('meeting');
    await parley.rt.store.write(PROCESS, SYSTEM, async (uow) => {
      for (let n = 0; n < EXTRA; n++) {
        const input = {
          forumId: 'tcg',
          title: { en: `Working round ${n + 1}` },
          kind: 'round',
          modality: 'video',
          timeZone: 'Europe/Minsk',
          plannedStart: `2016-03-${String((n % 28) + 1).padStart(2, '0')}`,
          hostRequiresConfirmation: false,
          agenda: [],
          sources: [],
        };
        const index = meetings.index(input, today(uow.now));
        await uow.insert('meetings', 'meeting', {
          id: `extra-${n}`,
          audience: 'public',
          audienceParty: null,
          ...index,
          body: bodyOf(input),
          owner: 'mediator',
        });
      }
    });
    // A cap for a shared, loaded machine; on a quiet one the demo and these rows take about 20 s.
  }, 360_000);

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
  const items = (page: Page) => page.locator('.timeline > li');

  it('filters the talks list by the address, keeps it on reload and Back, and pages past the first page', async () => {
    const page = await pageIn('en');
    await page.goto(`${parley.base}/p/${PROCESS}/talks`);
    await items(page).first().waitFor();
    await page.getByLabel('Status').selectOption('held');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('held');
    await expect.poll(async () => (await items(page).all()).length).toBeGreaterThan(0);
    const held = await items(page).count();
    expect(await page.locator('.timeline > li.status-held').count()).toBe(held);
    await page.reload();
    await expect.poll(() => page.getByLabel('Status').inputValue()).toBe('held');
    await expect.poll(() => page.locator('.timeline > li:not(.status-held)').count()).toBe(0);

    await page.getByLabel('From').fill('2016-03-01');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2016-03-01');
    // The field itself writes the date the chosen language's way (day first), whatever the browser's locale.
    await page.getByLabel('From').press('Tab');
    await expect.poll(() => page.getByLabel('From').inputValue()).toBe('01/03/2016');
    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Order').selectOption('-date');
    await expect.poll(() => items(page).count()).toBe(100);
    // Newest first: undated meetings (listed on the day they were written) come before the dated ones.
    expect(await page.locator('.timeline > li time').first().getAttribute('datetime')).toBe('2016-03-28');
    await page.getByRole('button', { name: 'Show more' }).click();
    // Every added meeting once, beside the demo's undated ones (listed on the day they were written, so after 2016).
    await expect.poll(() => page.locator('.timeline > li[data-meeting^="extra-"]').count()).toBe(EXTRA);
    const ids = await items(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-meeting')));
    expect(new Set(ids).size).toBe(ids.length);
    await expect(page.getByRole('button', { name: 'Show more' }).count()).resolves.toBe(0);

    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe(null);
    await expect.poll(() => page.getByLabel('Order').inputValue()).toBe('date');
    await axeCheck(page, 'talks list with filters');
  });

  it('filters the statements by stance and audience with the view in the address, newest first, and downloads it', async () => {
    const page = await pageIn('en');
    await page.goto(`${parley.base}/p/${PROCESS}/statements`);
    const rows = page.locator('table.statements tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    const dates = await rows.locator('td:first-child time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
    expect(dates).toEqual([...dates].sort().reverse());
    const table = page.locator('section[aria-labelledby="st-h"]');
    await table.getByLabel('Status').selectOption('accusation');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('accusation');
    // Each row's stance, read in one pass so a list still loading cannot pass or fail the check half-drawn.
    const stances = () => rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('.badge')?.textContent ?? ''));
    const onlyAccusations = async () => {
      const s = await stances();
      return s.length > 0 && s.length < all && s.every((x) => x === 'accusation');
    };
    await expect.poll(onlyAccusations).toBe(true);
    await page.reload();
    await expect.poll(onlyAccusations).toBe(true);
    await table.getByLabel('Audience').selectOption('mediator');
    await expect.poll(() => new URL(page.url()).searchParams.get('audience')).toBe('mediator');
    // An anonymous reader sees no mediator-only statement: the filtered list is empty, not an error.
    await expect.poll(() => rows.count()).toBe(0);
    await table.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBe(all);
    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('link', { name: 'Download this view (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('id,date,speakerId,speakerPartyId,speakerLabel,speech,stance,language,text,sourceId,audience');
    expect(csv).toHaveLength(all + 1);
    await axeCheck(page, 'statements filtered');
  });

  it('downloads the current view as CSV', async () => {
    const page = await pageIn('en');
    await page.goto(`${parley.base}/p/${PROCESS}/talks?from=2016-03-01&to=2016-03-02`);
    await items(page).first().waitFor();
    await expect.poll(() => items(page).count()).toBe(10);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download this view (CSV)' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    const rows = text.trim().split('\r\n');
    expect(rows[0]).toBe('id,title,status,kind,modality,start,timeZone,place,audience');
    expect(rows).toHaveLength(11);
    expect(rows.slice(1).every((r) => /,2016-03-0[12],/.test(r))).toBe(true);
  });

  it('says a count with the Ukrainian plural, and keeps the desktop header on one row at 1280 px', async () => {
    const page = await pageIn('uk');
    await page.goto(`${parley.base}/p/${PROCESS}/record`);
    const size = page.getByTestId('checkpoint-size');
    await size.waitFor();
    const n = Number((await size.textContent())!.replace(/\D/g, ''));
    const form = n % 10 === 1 && n % 100 !== 11 ? 'запис' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'записи' : 'записів';
    expect(await size.textContent()).toMatch(new RegExp(` ${form}$`));

    const header = page.locator('.site-header');
    const rows = await header.evaluate((h) => {
      const tops = new Set<number>();
      for (const el of h.querySelectorAll('a, button, select, input')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0) tops.add(Math.round(r.top + r.height / 2) >> 3);
      }
      return { rows: tops.size, height: h.getBoundingClientRect().height };
    });
    expect(rows.height).toBeLessThan(90);

    // A date typed the Ukrainian way reaches the address as ISO and is written back day first with dots; what is
    // not a date says what it expects and filters nothing.
    await page.goto(`${parley.base}/p/${PROCESS}/talks`);
    const from = page.getByLabel('Від', { exact: true });
    await from.fill('1.3.2016');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2016-03-01');
    await page.reload();
    await expect.poll(() => from.inputValue()).toBe('01.03.2016');
    await from.fill('31.02.2016');
    await expect(from.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByText('Це не дата: введіть її як ДД.ММ.РРРР.').waitFor();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(null);
  });

  it('gives a signed-in delegate a private calendar address that a client opens without a cookie, until revoked', async () => {
    const page = await pageIn('en');
    await page.goto(`${parley.base}/sign-in`);
    await page.getByRole('button', { name: 'delegate-ukr', exact: true }).click();
    await expect.poll(() => page.getByLabel('Username').inputValue()).toBe('delegate-ukr');
    await page.keyboard.type(parley.passwords.get('delegate-ukr')!);
    await page.keyboard.press('Enter');
    await page.getByTestId('whoami').filter({ hasText: 'delegate-ukr' }).waitFor();
    await page.evaluate((to) => {
      history.pushState(null, '', to);
      dispatchEvent(new PopStateEvent('popstate'));
    }, `/p/${PROCESS}/talks`);
    await page.getByRole('button', { name: 'Create a private calendar address' }).click();
    const address = await page.getByLabel('Your new address (shown only now):').inputValue();
    expect(address).toMatch(/\/api\/feeds\/cal_[A-Za-z0-9_-]{43}\/calendar\.ics$/);
    // As a calendar client reads it: no cookie, no header.
    const opened = await fetch(address);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('BEGIN:VCALENDAR');
    await axeCheck(page, 'calendar address');
    await page.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(async () => (await fetch(address)).status).toBe(404);
  });
});
