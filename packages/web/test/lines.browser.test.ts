/**
 * Lines compared in Chromium against the real server with the demo: Ukraine's delegate tables a proposal from a
 * GeoJSON file and Russia's from a KML file, through the page; the mediator compares them and sees the parcel
 * between them, its area, the place that changes sides (a place of the demo's own records) and the export links.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, SHOTS, startParley } from './support/harness.ts';

// Two proposals a few km either side of the Donetsk airport (37.76°E 48.08°N), both crossing the Donbas area.
const UKR = {
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'LineString',
    coordinates: [
      [38.6, 48.9],
      [37.6, 48.1],
      [37.7, 47.6],
    ],
  },
};
const RUS_KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>proposal</name>
<LineString><coordinates>38.7,48.9 37.9,48.1 37.9,47.6</coordinates></LineString></Placemark></Document></kml>`;

describe.skipIf(!existsSync(CHROMIUM))('lines compared in Chromium', () => {
  let parley: Parley;
  let browser: Browser;
  const log = new PageLog();
  const tabled: string[] = [];

  beforeAll(async () => {
    parley = await startParley();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await parley?.close();
  });

  async function linesAs(username: string): Promise<Page> {
    const page = await log.open(browser);
    await page.goto(`${parley.base}/sign-in`);
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(parley.passwords.get(username)!);
    await page.locator('#password').press('Enter');
    await page.getByTestId('whoami').waitFor({ state: 'attached' });
    await page.goto(`${parley.base}/p/${PROCESS}/lines`);
    await page.getByRole('heading', { level: 1, name: 'Lines compared' }).waitFor();
    return page;
  }

  async function table(page: Page, name: string, text: string) {
    await page.getByLabel('Line file (GeoJSON, KML or GPX)').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Table the proposal' }).click();
    const status = page.getByTestId('table-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Tabled as /);
    tabled.push((await status.textContent())!.replace(/^Tabled as (.*)\.$/, '$1'));
  }

  /** Drags the n-th vertex marker of a map by (dx, dy) pixels, as a mouse would. */
  async function dragVertex(page: Page, map: ReturnType<Page['getByTestId']>, n: number, dx: number, dy: number) {
    const v = (await map.locator(`.lines-map-vertex[data-vertex="${n}"]`).boundingBox())!;
    await page.mouse.move(v.x + v.width / 2, v.y + v.height / 2);
    await page.mouse.down();
    await page.mouse.move(v.x + v.width / 2 + dx / 2, v.y + v.height / 2 + dy / 2, { steps: 4 });
    await page.mouse.move(v.x + v.width / 2 + dx, v.y + v.height / 2 + dy, { steps: 4 });
    await page.mouse.up();
  }

  /** A line as the API answers it to the signed-in page. */
  async function lineAt(page: Page, id: string): Promise<{ version: number; geometry: { coordinates: [number, number][] } }> {
    return page.evaluate(async ([p, i]) => (await fetch(`/api/processes/${p}/lines/${i}`)).json(), [PROCESS, id] as const);
  }

  it('delegates table their parties’ proposals from GeoJSON and KML files', async () => {
    await table(await linesAs('delegate-ukr'), 'ukr.geojson', JSON.stringify(UKR));
    await table(await linesAs('delegate-rus'), 'rus.kml', RUS_KML);
    expect(tabled).toHaveLength(2);
  }, 40_000);

  it('the mediator compares the two proposals: the parcel between them, its area and the place that changes sides', async () => {
    const page = await linesAs('mediator');
    await page.getByLabel('Line A').selectOption(tabled[0]!);
    await page.getByLabel('Line B').selectOption(tabled[1]!);
    await page.getByRole('button', { name: 'Compare' }).click();
    const parcels = page.getByTestId('parcels');
    await parcels.waitFor();
    const rows = parcels.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    // Ukraine's line lies west of Russia's: the land between them is east of A and west of B.
    await expect(rows.first().locator('td').nth(2).textContent()).resolves.toBe('north-west');
    const area = Number((await rows.first().locator('td').nth(3).textContent())!.replace(/[^\d.]/g, ''));
    expect(area).toBeGreaterThan(500);
    const places = page.getByTestId('settlements');
    await expect(places.textContent()).resolves.toContain('near Donetsk airport (synthetic)');
    // On the base map: the parcel labelled with its area, in the reader's number format.
    const labels = page.getByTestId('lines-map').locator('.lines-map-label');
    await expect.poll(() => labels.count(), { timeout: 10_000 }).toBe(1);
    await expect(labels.first().textContent()).resolves.toMatch(/^[\d,]+ km²$/);
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const res = await fetch(csv!, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('near Donetsk airport (synthetic)');
    await page.screenshot({ path: join(SHOTS, 'lines-compared.png'), fullPage: true });
    await axeCheck(page, 'lines compared');
    await page.setViewportSize({ width: 390, height: 800 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    expect(log.problems).toEqual([]);
  }, 40_000);

  it('a delegate withdraws its own party’s proposal and cannot touch the other side’s', async () => {
    const page = await linesAs('delegate-rus');
    const own = page.getByTestId(`proposal-${tabled[1]!}`);
    const other = page.getByTestId(`proposal-${tabled[0]!}`);
    await own.waitFor();
    await expect(other.getByRole('button').count()).resolves.toBe(0);
    await expect(own.getByRole('button', { name: 'Record as agreed' }).count()).resolves.toBe(0);
    await own.getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => own.textContent(), { timeout: 10_000 }).toContain('withdrawn · v2');
    await axeCheck(page, 'proposal standing');
    expect(log.problems).toEqual([]);
  }, 40_000);

  it('a delegate draws a proposal on the map, moves a point, tables it, and edits a vertex into a new version', async () => {
    const page = await linesAs('delegate-ukr');
    const form = page.getByRole('region', { name: 'Table a proposal' });
    const map = form.getByTestId('lines-map');
    await map.scrollIntoViewIfNeeded();
    // Wait for the base map (the contact line is drawn for reference) before clicking on it.
    await expect.poll(() => map.locator('.map-place').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const box = (await map.boundingBox())!;
    for (const [x, y] of [
      [0.45, 0.1],
      [0.5, 0.5],
      [0.55, 0.9],
    ])
      await map.click({ position: { x: box.width * x!, y: box.height * y! } });
    await expect.poll(() => form.getByTestId('draft-points').textContent()).toBe('3 points');
    await form.getByRole('button', { name: 'Remove the last point' }).click();
    await map.click({ position: { x: box.width * 0.6, y: box.height * 0.9 } });
    await dragVertex(page, map, 1, 25, 0);
    await expect.poll(() => form.getByTestId('draft-points').textContent()).toBe('3 points');
    await page.screenshot({ path: join(SHOTS, 'lines-drawn.png'), fullPage: true });
    await form.getByRole('button', { name: 'Table the proposal' }).click();
    const status = page.getByTestId('table-status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Tabled as /);
    const id = (await status.textContent())!.replace(/^Tabled as (.*)\.$/, '$1');
    const first = await lineAt(page, id);
    expect(first.version).toBe(1);
    expect(first.geometry.coordinates).toHaveLength(3);

    const row = page.getByTestId(`proposal-${id}`);
    await row.getByRole('button', { name: 'Edit the line' }).click();
    const editor = page.getByTestId('edit-line');
    const editMap = editor.getByTestId('lines-map');
    await editMap.scrollIntoViewIfNeeded();
    await expect.poll(() => editMap.locator('.lines-map-vertex').count(), { timeout: 15_000 }).toBe(3);
    await dragVertex(page, editMap, 2, -30, 0);
    await axeCheck(page, 'line editor');
    await editor.getByRole('button', { name: 'Save as version 2' }).click();
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('v2');
    const second = await lineAt(page, id);
    expect(second.version).toBe(2);
    expect(second.geometry.coordinates.slice(0, 2)).toEqual(first.geometry.coordinates.slice(0, 2));
    expect(second.geometry.coordinates[2]![0]).toBeLessThan(first.geometry.coordinates[2]![0]);
    expect(log.problems).toEqual([]);
  }, 60_000);

  it('the comparison map and the drawing form read in Ukrainian and Russian, on a desktop and a 390 px phone', async () => {
    const page = await linesAs('delegate-rus');
    await page.getByLabel('Line A').selectOption('line-2014-09-19');
    await page.getByLabel('Line B').selectOption('line-2015-02-20');
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByTestId('settlements').waitFor();
    for (const [lang, languageLabel, mapLabel] of [
      ['uk', 'Language', 'Мапа для креслення запропонованої лінії'],
      ['ru', 'Мова', 'Карта для черчения предлагаемой линии'],
    ] as const) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.getByLabel(languageLabel).selectOption(lang);
      await expect.poll(() => page.locator('.lines-draft canvas').first().getAttribute('aria-label')).toBe(mapLabel);
      await expect(page.locator('body').textContent()).resolves.toContain(lang === 'uk' ? 'Дебальцеве' : 'Дебальцево');
      // Both maps name their places in the reader's language.
      for (const figure of ['.lines-figure', '.lines-draft'])
        await expect.poll(() => page.locator(`${figure} .map-place[data-place]`).first().getAttribute('lang'), { timeout: 5_000 }).toBe(lang);
      await page.screenshot({ path: join(SHOTS, `lines-${lang}.png`), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
      await page.screenshot({ path: join(SHOTS, `lines-${lang}-390.png`), fullPage: true });
      await axeCheck(page, `lines in ${lang}`);
    }
    expect(log.problems).toEqual([]);
  }, 60_000);

  it('the mediator asks which weapons of a period would be in violation if measured from a proposal', async () => {
    const page = await linesAs('mediator');
    const panel = page.getByRole('region', { name: 'Weapons in the field under a line' });
    await panel.getByLabel('Measure from').selectOption(tabled[0]!);
    await panel.getByLabel('From', { exact: true }).fill('2014-09-25');
    await panel.getByLabel('To', { exact: true }).fill('2014-10-10');
    await panel.getByRole('button', { name: 'Show the weapons in violation' }).click();
    const result = panel.getByTestId('line-violations');
    await result.waitFor();
    // The demo's synthetic howitzer of 2 October is inside the memorandum's 15 km of the contact line.
    const contact = result.locator('.lines-tables').nth(1);
    await expect(contact.locator('h3').textContent()).resolves.toBe('Measured from the contact line in force: 1 in violation');
    await expect(contact.textContent()).resolves.toContain('2 October 2014');
    await expect(result.locator('.lines-tables').first().locator('h3').textContent()).resolves.toMatch(/^Measured from this line: /);
    await axeCheck(page, 'weapons under a line');
    expect(log.problems).toEqual([]);
  }, 40_000);

  it('the contact line over time: one click compares a version with the one before, and Debaltseve changes sides', async () => {
    const page = await linesAs('analyst');
    const timeline = page.getByRole('region', { name: 'Contact line over time' });
    await timeline
      .getByRole('button', { name: /^Change since / })
      .first()
      .click();
    const places = page.getByTestId('settlements');
    await places.waitFor();
    await expect(places.textContent()).resolves.toContain('Debaltseve');
    await expect(page.getByLabel('Line A').inputValue()).resolves.toBe('line-2014-09-19');
    await expect(page.getByLabel('Line B').inputValue()).resolves.toBe('line-2015-02-20');
    await axeCheck(page, 'contact line over time');
    await page.screenshot({ path: join(SHOTS, 'lines-timeline.png'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'lines-timeline-390.png'), fullPage: true });
    expect(log.problems).toEqual([]);
  }, 40_000);
});
