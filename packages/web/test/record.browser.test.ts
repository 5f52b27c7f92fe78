/**
 * The Record page in Debian's Chromium against the real server (in-process, loopback, PGlite,
 * the demo loaded, as web.browser.test.ts): the signed checkpoint with a party's witness
 * cosigning it, and receipts verified by the browser itself with WebCrypto.
 * Screenshots go to test-results/record-*.png.
 */
import { createClient } from '@parley/contracts';
import { cosignatureSigner, createWitnessServer, generateCosignatureKey, MemoryWitnessStore, Witness } from '@parley/tlog';
import axe from 'axe-core';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../server/src/compose.ts';
import { signLatest } from '../../server/src/use-cases/log/sign-checkpoint.ts';
import { CHROMIUM, launchChromium, PageLog, type Parley, PROCESS, sessionFetch, SHOTS, startParley } from './support/harness.ts';

const STEPS = ['commitment', 'leaf', 'inclusion', 'signature'];

describe.skipIf(!existsSync(CHROMIUM))('the Record page in Chromium', () => {
  let parley: Parley;
  let rt: Runtime;
  let app: Parley['app'];
  let base: string;
  let browser: Browser;
  let witnessServer: Server;
  let witnessName: string;
  let secretId: string;
  const log = new PageLog();
  const { requests, problems } = log;

  const newPage = (opts: { bypassCSP?: boolean } = {}) => log.open(browser, opts);
  const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const stepStatuses = (page: Page) =>
    page.locator('[data-step]').evaluateAll((els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-step'), e.getAttribute('data-status')])));

  beforeAll(async () => {
    parley = await startParley();
    ({ rt, app, base } = parley);
    const passwords = parley.passwords;
    const as = async (username: string) => {
      const f = sessionFetch();
      await createClient({ baseUrl: base, fetch: f }).login(username, passwords.get(username)!);
      return { client: createClient({ baseUrl: base, fetch: f }), fetch: f };
    };

    // Ukraine runs a witness on its own machine (here: loopback) and its delegate registers it.
    const keys = generateCosignatureKey('witness-ukr-1');
    witnessName = 'witness-ukr-1';
    const witness = new Witness({
      signer: cosignatureSigner(keys.signerKey),
      logs: [{ origin: rt.logKeys.origin(PROCESS), key: rt.logKeys.verifierKey(PROCESS) }],
      store: new MemoryWitnessStore(),
    });
    witnessServer = createWitnessServer({ witness });
    await new Promise<void>((ok) => witnessServer.listen(0, '127.0.0.1', ok));
    const ukr = await as('delegate-ukr');
    const reg = await ukr.fetch(`${base}/api/processes/${PROCESS}/log/witnesses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ partyId: 'ukr', vkey: keys.verifierKey, url: `http://127.0.0.1:${(witnessServer.address() as AddressInfo).port}` }),
    });
    expect(reg.status, await reg.clone().text()).toBe(201);

    // A statement only Russia's delegation may read: its receipt reaches the public without body.
    const mediator = await as('mediator');
    // A delegate's witness is called only once the mediator has approved it.
    const approved = await mediator.fetch(`${base}/api/processes/${PROCESS}/log/witnesses/${witnessName}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: 1 }),
    });
    expect(approved.status, await approved.clone().text()).toBe(200);
    secretId = (
      await mediator.client.POST('/api/processes/{processId}/statements', {
        params: { path: { processId: PROCESS } },
        body: {
          speakerLabel: 'Russian delegation',
          date: '2014-11-25',
          speech: 'direct',
          stance: 'report',
          text: 'Confidential note for the Russian delegation.',
          sourceId: 'src-nov-report',
          audience: 'party',
          audienceParty: 'rus',
          partyIds: [],
          meetingIds: [],
        },
      })
    ).id;

    // The mediator signs before the round; the witness cosigns it.
    const signed = await signLatest(rt, PROCESS);
    await signed.pushed;

    browser = await launchChromium();
  });

  afterAll(async () => {
    await log.closeAll();
    await browser?.close();
    await app?.close();
    await rt?.close();
    await new Promise((ok) => witnessServer?.close(ok));
  });

  it('shows the current checkpoint: origin, size, root, signature lines, and the witness that cosigned it with its party', async () => {
    const note = await (await fetch(`${base}/api/processes/${PROCESS}/log/checkpoint`)).text();
    const [origin, size, root] = note.split('\n');
    expect(note).toContain(`\u2014 ${witnessName} `);

    const page = await newPage();
    await page.goto(`${base}/`);
    await page.getByRole('navigation').getByRole('link', { name: 'Record' }).click();
    await page.getByRole('heading', { level: 1, name: 'The record' }).waitFor();
    const panel = page.getByTestId('checkpoint');
    await panel.getByTestId('checkpoint-size').waitFor();
    await expect(panel.getByTestId('checkpoint-size').textContent()).resolves.toBe(`${Number(size).toLocaleString('en-GB')} entries`);
    await expect(panel.textContent()).resolves.toContain(origin);
    await expect(panel.textContent()).resolves.toContain(root);
    await expect(panel.getByTestId('log-signature').textContent()).resolves.toMatch(
      /passed.*Signed by the log key .*the Ed25519 signature verifies in your browser/,
    );
    await expect(panel.locator('.sig-lines li').count()).resolves.toBe(2);
    const row = panel.locator(`tr[data-witness="${witnessName}"]`);
    await expect(row.textContent()).resolves.toMatch(/Ukraine.*passed.*The cosignature verifies under the key this party registered/);
    await shot(page, 'record-checkpoint');
  });

  it('verifies the receipt of party ukr in the browser: every step passes', async () => {
    const page = await newPage();
    await page.goto(`${base}/record`);
    await page.getByLabel('Kind of record').selectOption('party');
    await page.getByLabel('Record id').fill('ukr');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByTestId('verdict').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/p/${PROCESS}/record/party/ukr`);
    expect(await stepStatuses(page)).toEqual(Object.fromEntries(STEPS.map((s) => [s, 'pass'])));
    await expect(page.getByTestId('verdict').textContent()).resolves.toMatch(/Verified in your browser: this is the body that was logged/);
    await expect(page.locator('[data-step="commitment"]').textContent()).resolves.toMatch(/exactly the commitment in the envelope/);
    await expect(page.locator('[data-step="inclusion"]').textContent()).resolves.toMatch(
      /proof hashes lead from leaf \d+ to the root of a tree of [\d,]+ entries/,
    );
    await shot(page, 'record-verify-party-ukr');

    // Tampering with one field of the body: the commitment step fails, and with it the verdict.
    await page.getByLabel(/Try tampering/).check();
    await page.locator('[data-step="commitment"][data-status="fail"]').waitFor();
    expect(await stepStatuses(page)).toEqual({ commitment: 'fail', leaf: 'pass', inclusion: 'pass', signature: 'pass' });
    await expect(page.getByTestId('tamper-notice').textContent()).resolves.toContain('the field “body.names.en” of the body was changed');
    await expect(page.locator('[data-step="commitment"]').textContent()).resolves.toMatch(/this is not the body that was logged/);
    await expect(page.getByTestId('verdict').textContent()).resolves.toMatch(/Does not verify/);
    await shot(page, 'record-verify-tampered');
    await page.getByLabel(/Try tampering/).uncheck();
    await page.locator('[data-step="commitment"][data-status="pass"]').waitFor();
  });

  it('follows “Verify in the record” from a meeting, an agreement and a statement', async () => {
    const page = await newPage();
    await page.goto(`${base}/talks/tcg-2014-11-teleconference`);
    await page.getByRole('link', { name: 'Verify in the record' }).click();
    await page.getByTestId('verdict').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/p/${PROCESS}/record/meeting/tcg-2014-11-teleconference`);
    expect(await stepStatuses(page)).toEqual(Object.fromEntries(STEPS.map((s) => [s, 'pass'])));
    await expect(page.getByLabel('Record id').inputValue()).resolves.toBe('tcg-2014-11-teleconference');

    await page.goto(`${base}/agreements/minsk-protocol`);
    await page.getByRole('link', { name: 'Verify in the record' }).click();
    await page.getByTestId('verdict').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/p/${PROCESS}/record/agreement/minsk-protocol`);
    expect(await stepStatuses(page)).toEqual(Object.fromEntries(STEPS.map((s) => [s, 'pass'])));

    await page.goto(`${base}/statements`);
    const link = page.locator('table.statements tbody tr').first().locator('[data-verify]');
    const target = await link.getAttribute('data-verify');
    await link.click();
    await page.getByTestId('verdict').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/p/${PROCESS}/record/${target}`);
    await expect(page.getByTestId('verdict').textContent()).resolves.toMatch(/Verified in your browser/);
  });

  it('proves only the envelope of a record the reader may not read', async () => {
    const page = await newPage();
    await page.goto(`${base}/record/statement/${secretId}`);
    await page.getByTestId('verdict').waitFor();
    expect(await stepStatuses(page)).toEqual({ commitment: 'skip', leaf: 'pass', inclusion: 'pass', signature: 'pass' });
    await expect(page.getByTestId('verdict').textContent()).resolves.toMatch(/the envelope is in the log’s signed checkpoint.*body is not proven/);
    await expect(page.getByLabel(/Try tampering/).isDisabled()).resolves.toBe(true);
    await expect(page.locator('main').textContent()).resolves.not.toContain('Confidential note');
    await shot(page, 'record-verify-envelope-only');
  });

  it('is in Ukrainian and Russian too, and passes an axe-core check', async () => {
    const page = await newPage({ bypassCSP: true });
    await page.goto(`${base}/record/party/ukr`);
    await page.getByTestId('verdict').waitFor();
    await page.evaluate(axe.source);
    const result = (await page.evaluate(() => (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] }))) as axe.AxeResults;
    for (const v of result.violations) console.log(`axe record: ${v.impact} ${v.id} (${v.nodes.length}) ${v.help}`);
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.getByLabel('Language').selectOption('uk');
    await page.getByRole('heading', { level: 1, name: 'Запис процесу' }).waitFor();
    await expect(page.locator('[data-step="commitment"]').textContent()).resolves.toContain('Тіло і сіль → зобов’язання');
    await expect(page.getByTestId('verdict').textContent()).resolves.toContain('Перевірено у вашому браузері');
    await shot(page, 'record-verify-uk');
    await page.getByLabel('Мова').selectOption('ru');
    await expect(page.getByTestId('checkpoint-size').textContent()).resolves.toMatch(/^[\d\s]+ запис(ь|и|ей)$/);
  });

  it('made no request to any host but the loopback server, and broke no content-security rule', () => {
    expect(requests.length).toBeGreaterThan(10);
    expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).hostname !== '127.0.0.1')).toEqual([]);
    expect(problems).toEqual([]);
  });
});
