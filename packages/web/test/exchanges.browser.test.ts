/**
 * Prisoner exchanges in Debian's Chromium against the real server with the demo, through the interface only:
 * two delegates upload their sides' lists (a CSV in Ukrainian, an XLSX in Russian), the mediator reconciles
 * them, decides the review band from the keyboard, builds a batch and records what was delivered, and the access
 * log shows every read with its purpose. Screenshots go to /tmp/shots-exchanges/.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeCheck, CHROMIUM, follow, launchChromium, PageLog, type Parley, signIn, startParley } from './support/harness.ts';

const SHOTS = '/tmp/shots-exchanges';
const PURPOSE = 'Preparing the exchange of 27 December';

// The Ukrainian side writes in Ukrainian; the Russian side in Russian, some names transliterated, one diminutive.
const UK_CSV = [
  'Прізвище,Ім’я,По батькові,Дата народження,Категорія,Військова частина',
  'Коваленко,Микола,Іванович,12.03.1985,військовий,93 ОМБр',
  'Шевченко,Олександр,Петрович,1990,військовий,',
  'Ковальова,Ольга,Миколаївна,11.1979,цивільний,',
  'Бондаренко,Тарас,Григорович,05.07.1992,військовий,',
  'Гнатюк,Василь,Андрійович,1968,цивільний,',
  'Петренко,Іван,,1990,військовий,',
].join('\r\n');
const RU_ROWS = [
  ['Коваленко', 'Николай', 'Иванович', '12.03.1985', 'военный'],
  ['Shevchenko', 'Aleksandr', 'Petrovich', '1990', 'военный'],
  ['Ковалева', 'Ольга', 'Николаевна', '02.11.1979', 'гражданский'],
  ['Бондаренко', 'Тарас', 'Григорьевич', '07.05.1992', 'военный'],
  ['Мельник', 'Сергей', 'Петрович', '1971', 'гражданский'],
  // One man written twice, in Cyrillic and in Latin: the engine cannot tell which is the match and asks a person.
  ['Петренко', 'Иван', '', '1990', 'военный'],
  ['Petrenko', 'Ivan', '', '1990', 'военный'],
];

async function russianWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Список');
  sheet.addRow(['Фамилия', 'Имя', 'Отчество', 'Дата рождения', 'Категория']);
  for (const r of RU_ROWS) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!existsSync(CHROMIUM))('prisoner exchanges in Chromium', () => {
  let parley: Parley;
  let browser: Browser;
  const log = new PageLog();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  async function as(username: string, opts: { lang?: string; phone?: boolean } = {}): Promise<Page> {
    const page = await signIn(parley, log, browser, username, opts);
    if (opts.phone) await page.setViewportSize({ width: 390, height: 844 });
    return page;
  }
  const go = (page: Page, path: string) => follow(page, `/p/minsk-2014${path}`);
  async function upload(page: Page, o: { party?: string; heldBy?: string; title: string; file: { name: string; mimeType: string; buffer: Buffer } }) {
    const form = page.getByRole('form', { name: 'Submit a list' });
    if (o.party) await form.getByLabel('Submitting party').selectOption({ label: o.party });
    if (o.heldBy) {
      await form.getByLabel('the people this party says another party holds').check();
      await form.getByLabel('Party said to hold them').selectOption({ label: o.heldBy });
    }
    await form.getByLabel('Title of the list').fill(o.title);
    await form.getByLabel('File (CSV or XLSX)').setInputFiles(o.file);
    await form.getByRole('button', { name: 'Upload the list' }).click();
  }

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

  it('a delegate’s broken file is refused row by row and nothing is stored; the corrected one is', async () => {
    const page = await as('delegate-ukr');
    await go(page, '/exchanges');
    await page.getByRole('heading', { name: 'Prisoner exchanges' }).waitFor();
    const broken = UK_CSV.replace('12.03.1985', '31.02.1985').replace('Гнатюк', 'غناتيوك');
    await upload(page, {
      heldBy: 'Russian Federation',
      title: 'Held by the other side',
      file: { name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) },
    });
    const problems = page.getByRole('table', { name: 'Rows refused' });
    await problems.waitFor();
    await expect.poll(() => problems.locator('tbody tr').count()).toBe(2);
    expect(await problems.locator('tbody tr').first().innerText()).toMatch(/^2\s+Date of birth/);
    expect(await page.getByText('No list has been submitted that you may see.').count()).toBe(1);
    await shot(page, 'refused-rows');
    await upload(page, {
      heldBy: 'Russian Federation',
      title: 'Held by the other side',
      file: { name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(UK_CSV) },
    });
    await page.getByRole('status').filter({ hasText: '6 people stored.' }).waitFor();
    await page.getByRole('link', { name: 'Held by the other side' }).waitFor();
  });

  it('the other side uploads its list as XLSX in Russian, and sees only its own list', async () => {
    const page = await as('delegate-rus');
    await go(page, '/exchanges');
    const file = { name: 'список.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await russianWorkbook() };
    await upload(page, { title: 'Held by us', file });
    await page.getByRole('status').filter({ hasText: '7 people stored.' }).waitFor();
    const links = await page.getByRole('table').first().getByRole('link').allInnerTexts();
    expect(links).toEqual(['Held by us']);
  });

  it('a monitor sees no one’s data', async () => {
    const page = await as('monitor');
    await go(page, '/exchanges');
    await page
      .getByRole('alert')
      .filter({ hasText: /Not found|not found/ })
      .first()
      .waitFor();
    expect(await page.content()).not.toContain('Held by us');
  });

  it('the mediator reconciles the two lists, decides the review band by keyboard, and sees the explanations', async () => {
    const page = await as('mediator');
    await go(page, '/exchanges');
    const form = page.getByRole('form', { name: 'Reconcile two lists' });
    await form.getByLabel('First list').selectOption({ label: 'Held by the other side' });
    await form.getByLabel('Second list').selectOption({ label: 'Held by us' });
    await form.getByRole('button', { name: 'Reconcile' }).click();
    // No one's data is shown before the reader says why they read it.
    const purpose = page.getByRole('form', { name: 'Purpose of this read' });
    await purpose.getByLabel('Why are you opening this data?').fill(PURPOSE);
    await purpose.getByRole('button', { name: 'Open' }).click();
    const summary = page.getByTestId('rec-summary');
    await summary.waitFor();
    const count = async (label: string) => Number(await summary.locator('div', { hasText: label }).locator('dd').innerText());
    expect(await count('Matched')).toBe(4);
    expect(await count('To review')).toBe(1);
    expect(await count('On the first list only')).toBe(1);
    expect(await count('On the second list only')).toBe(2);
    let pending = await count('To review');
    const review = page.getByTestId('review');
    while (pending > 0) {
      await review.getByRole('table').waitFor();
      expect(await review.getByRole('table').innerText()).toMatch(/Surname|Given name/);
      await shot(page, `review-${pending}`);
      await review.focus();
      await page.keyboard.press('a');
      await expect.poll(() => count('To review')).toBe(pending - 1);
      pending -= 1;
    }
    await review.getByText('Every proposed pair has been decided.').waitFor();
    expect(await count('Matched')).toBe(5);
    // The Ukrainian and the Russian forms of one person sit in one matched row.
    const matched = page.getByRole('table', { name: /^Matched \(5\)/ });
    expect(await matched.innerText()).toContain('Ковальова Ольга Миколаївна');
    expect(await matched.innerText()).toContain('Ковалева Ольга Николаевна');
    await axeCheck(page, 'reconciliation');
    await shot(page, 'reconciliation');
  });

  it('the mediator builds a batch from a list, records who was delivered and who refused, and reads the access log', async () => {
    const page = await as('mediator');
    await page.addInitScript((p) => sessionStorage.setItem('parley.exchanges.purpose.minsk-2014', p), PURPOSE);
    await go(page, '/exchanges');
    await page.getByRole('link', { name: 'Held by us', exact: true }).click();
    const purpose = page.getByRole('form', { name: 'Purpose of this read' });
    if (await purpose.count()) {
      await purpose.getByLabel('Why are you opening this data?').fill(PURPOSE);
      await purpose.getByRole('button', { name: 'Open' }).click();
    }
    // A status from a date, with its source, before the batch: an ICRC visit verified one of them.
    await page
      .locator('tr', { hasText: 'Ковалева Ольга Николаевна' })
      .getByRole('button', { name: /^Record a status of/ })
      .click();
    const status = page.getByRole('form', { name: 'A status of Ковалева Ольга Николаевна' });
    await status.getByLabel('Status').selectOption({ label: 'verified' });
    await status.getByLabel('From (date)').fill('2017-12-20');
    await status.getByLabel('Source').fill('ICRC visit of 20 December');
    await status.getByRole('button', { name: 'Record the status' }).click();
    await page.locator('tr', { hasText: 'Ковалева Ольга Николаевна' }).getByRole('cell', { name: 'verified', exact: true }).waitFor();
    await page.getByLabel('Choose everyone').check();
    const batch = page.getByRole('form', { name: 'Agree a batch from the chosen people' });
    await batch.getByLabel('Title').fill('Exchange of 27 December');
    await batch.getByLabel('Other side of the exchange').selectOption({ label: 'Ukraine' });
    await batch.getByLabel('Agreed number this list’s holder hands over').fill('5');
    await batch.getByLabel('Agreed number the other side hands over').fill('3');
    await batch.getByLabel('Agreed on').fill('2017-12-27');
    await batch.getByRole('button', { name: 'Record the batch' }).click();
    const delivery = page.getByRole('form', { name: 'Record the delivery' });
    await delivery.waitFor();
    await delivery.getByLabel('Delivered on').fill('2017-12-27');
    const melnik = delivery.getByRole('group', { name: 'Мельник Сергей Петрович' });
    await melnik.getByLabel('refused to go').check();
    await melnik.getByLabel('Why Мельник Сергей Петрович refused').fill('chose to stay');
    await delivery.getByRole('group', { name: 'Бондаренко Тарас Григорьевич' }).getByLabel('not handed over').check();
    await delivery.getByRole('button', { name: 'Record what was delivered' }).click();
    const sides = page.getByTestId('batch-sides');
    await page.getByText('Delivered on').first().waitFor();
    const row = await sides.locator('tbody tr').first().innerText();
    expect(
      row
        .split(/\t|\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    ).toEqual(['Russian Federation', '5', '7', '5', '1', '1']);
    expect(await page.getByText('refused to go: chose to stay').count()).toBe(1);
    await shot(page, 'batch');

    await go(page, '/exchanges/access-log');
    const table = page.getByTestId('access-log');
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain(PURPOSE);
    expect(text).toContain('read reconciliation');
    expect(text).toContain('read batch');
  });

  it('a delegate adds a person to its list by hand, which is the list’s next version', async () => {
    const page = await as('delegate-ukr');
    await go(page, '/exchanges');
    await page.getByRole('link', { name: 'Held by the other side', exact: true }).click();
    const purpose = page.getByRole('form', { name: 'Purpose of this read' });
    await purpose.getByLabel('Why are you opening this data?').fill('Adding a name reported by a family');
    await purpose.getByRole('button', { name: 'Open' }).click();
    await page.getByText('version 1 of 1').waitFor();
    const form = page.getByRole('form', { name: 'Add a person to this list' });
    await form.getByLabel('Surname').fill('Ткаченко');
    await form.getByLabel('Given name').fill('Богдан');
    await form.getByLabel('Date of birth').fill('1994-08');
    await form.getByLabel('Category').selectOption({ label: 'military' });
    await form.getByRole('button', { name: 'Add (the list’s next version)' }).click();
    await page.getByText('version 2 of 2').waitFor();
    expect(await page.locator('tr', { hasText: 'Ткаченко Богдан' }).innerText()).toContain('1994-08');
    // Its people are the same as before, plus one; a name in no known script is refused at its field.
    await form.getByLabel('Surname').fill('Tкаченко');
    await form.getByLabel('Given name').fill('Богдан');
    await form.getByRole('button', { name: 'Add (the list’s next version)' }).click();
    await form.locator('[data-field$="/surname"] .field-error').waitFor();
    await page.getByText('version 2 of 2').waitFor();
  });

  for (const lang of ['uk', 'ru'])
    it(`the exchanges pages fit a 390 px phone in ${lang} and pass axe`, async () => {
      const page = await as('mediator', { lang, phone: true });
      await go(page, '/exchanges');
      await page.locator('table').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await axeCheck(page, `exchanges ${lang}`);
      await shot(page, `phone-${lang}-exchanges`);
    });
});
