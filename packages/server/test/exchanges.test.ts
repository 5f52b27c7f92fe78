import { beforeAll, describe, expect, it } from 'vitest';
import { runOperation } from '../src/cli/operations.ts';
import { auditLog } from '../src/use-cases/log/audit-log.ts';
import { world, type RoleName, type World } from './support/world.ts';

/**
 * Prisoner exchanges on the real engines: two sides' lists, reconciled, reviewed and exchanged; detainee data
 * seen only by the mediator, the submitting party and named reviewers; every read in the access log; erasure
 * that leaves the log verifying.
 */
const uk = [
  { surname: 'Коваленко', given: 'Микола', patronymic: 'Іванович', birthDate: '1985-03-12', category: 'military', unit: '93 ОМБр' },
  { surname: 'Шевченко', given: 'Олександр', patronymic: 'Петрович', birthDate: '1990', category: 'military' },
  { surname: 'Ковальова', given: 'Ольга', patronymic: 'Миколаївна', birthDate: '1979-11', category: 'civilian' },
  { surname: 'Бондаренко', given: 'Тарас', category: 'unknown' },
];
const ru = [
  { surname: 'Коваленко', given: 'Николай', patronymic: 'Иванович', birthDate: '1985-03-12', category: 'military' },
  { surname: 'Shevchenko', given: 'Aleksandr', patronymic: 'Petrovich', birthDate: '1990-06-01', category: 'military' },
  { surname: 'Ковалева', given: 'Ольга', patronymic: 'Николаевна', birthDate: '1979-11-02', category: 'civilian' },
  { surname: 'Мельник', given: 'Сергей', birthDate: '1971', category: 'civilian' },
];

/** Windows-1251 for the Russian letters the fixture uses (Node's TextEncoder writes only UTF-8). */
const cp1251 = (c: string) => {
  const code = c.charCodeAt(0);
  if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
  if (c === 'ё') return 0xb8;
  throw new Error(`no 1251 byte for ${c}`);
};

describe(`prisoner exchanges (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let ukList: string;
  let ruList: string;
  const as = (who: RoleName | 'anonymous') => w.headers[who];
  const purpose = 'purpose=' + encodeURIComponent('preparing the December exchange');

  beforeAll(async () => {
    w = await world();
    const a = await w.app.inject({
      method: 'POST',
      url: w.url('/exchanges/lists'),
      headers: as('delegateUkr'),
      payload: { partyId: 'ukr', side: 'held_by_them', heldBy: 'rus', title: 'Held by the other side', entries: uk },
    });
    expect(a.statusCode, a.body).toBe(201);
    ukList = a.json().listId;
    const b = await w.app.inject({
      method: 'POST',
      url: w.url('/exchanges/lists'),
      headers: as('delegateRus'),
      payload: { partyId: 'rus', side: 'held_by_us', heldBy: 'rus', title: 'Held by us', entries: ru },
    });
    expect(b.statusCode, b.body).toBe(201);
    ruList = b.json().listId;
  });

  it('gives lists and people ids that carry no meaning', () => {
    expect(ukList).toMatch(/^dl_[a-z2-7]{26}$/);
    expect(ruList).toMatch(/^dl_[a-z2-7]{26}$/);
  });

  it('refuses a list with broken rows whole, each with its line, and stores nothing', async () => {
    const before = (await w.app.inject({ url: w.url('/exchanges/lists'), headers: as('mediator') })).json().lists.length;
    const res = await w.app.inject({
      method: 'POST',
      url: w.url('/exchanges/lists'),
      headers: as('delegateUkr'),
      payload: {
        partyId: 'ukr',
        side: 'held_by_us',
        heldBy: 'ukr',
        title: 'Broken',
        entries: [
          uk[0],
          { surname: 'كوفالينكو', given: 'Микола', category: 'military' },
          { surname: 'Іваненко', given: 'Іван', birthDate: '1990-02-30', category: 'military' },
          uk[0],
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.reason).toBe('list_rows_refused');
    expect(err.details.field).toBe('entries/1/surname');
    expect(err.details.problems.map((p: { line: number; code: string }) => [p.line, p.code])).toEqual([
      [2, 'unknown_script'],
      [3, 'impossible_date'],
      [4, 'duplicate_row'],
    ]);
    expect((await w.app.inject({ url: w.url('/exchanges/lists'), headers: as('mediator') })).json().lists.length).toBe(before);
  });

  it('takes a list as an uploaded file (Windows-1251 CSV), with each person traced to its line, or refuses it whole', async () => {
    const csv = 'Фамилия;Имя;Отчество;Дата рождения;Статус\r\nПетренко;Иван;Сергеевич;01.02.1988;военный\r\n\r\nСидоренко;Пётр;;1975;гражданский\r\n';
    const bytes = Buffer.from([...csv].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : cp1251(c))));
    const q = `partyId=rus&side=held_by_us&heldBy=rus&title=${encodeURIComponent('Uploaded')}&fileName=list.csv`;
    const res = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/lists/upload?${q}`),
      headers: { ...as('delegateRus'), 'content-type': 'text/csv' },
      payload: bytes,
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = (await w.app.inject({ url: w.url(`/exchanges/lists/${res.json().listId}?${purpose}`), headers: as('delegateRus') })).json();
    expect(list.people.map((p: { line: number; entry: { surname: string; birthDate?: string } }) => [p.line, p.entry.surname, p.entry.birthDate])).toEqual([
      [2, 'Петренко', '1988-02-01'],
      [4, 'Сидоренко', '1975'],
    ]);
    const broken = Buffer.from('surname,given,date of birth\nPetrenko,Ivan,31.02.1988\n');
    const refused = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/lists/upload?${q}`),
      headers: { ...as('delegateRus'), 'content-type': 'text/csv' },
      payload: broken,
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details.field).toBe('file');
    expect(refused.json().error.details.problems[0]).toMatchObject({ line: 2, field: 'birthDate', code: 'impossible_date' });
    const garbage = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/lists/upload?${q}`),
      headers: { ...as('delegateRus'), 'content-type': 'application/octet-stream' },
      payload: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3]),
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.reason).toBe('unreadable_workbook');
    // A file of a million rows is refused as soon as the count passes the limit, and the server goes on serving.
    const million = Buffer.from(`surname,given\n${'Petrenko,Ivan\n'.repeat(1_000_000)}`);
    const huge = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/lists/upload?${q}`),
      headers: { ...as('delegateRus'), 'content-type': 'text/csv' },
      payload: million,
    });
    expect(huge.statusCode, huge.body.slice(0, 300)).toBe(413);
    expect(huge.json().error.reason).toBe('too_many_rows');
    expect((await w.app.inject({ url: w.url('/exchanges/lists'), headers: as('delegateRus') })).statusCode).toBe(200);
    // Another party's upload is refused before the file is read.
    const forged = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/lists/upload?${q}`),
      headers: { ...as('delegateUkr'), 'content-type': 'text/csv' },
      payload: bytes,
    });
    expect(forged.statusCode).toBe(403);
  });

  it('lets a party submit only its own lists', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: w.url('/exchanges/lists'),
      headers: as('delegateUkr'),
      payload: { partyId: 'rus', side: 'held_by_us', heldBy: 'rus', title: 'Forged', entries: ru },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.reason).toBe('not_your_party');
    for (const who of ['monitor', 'analyst', 'anonymous'] as const) {
      const r = await w.app.inject({
        method: 'POST',
        url: w.url('/exchanges/lists'),
        headers: as(who),
        payload: { partyId: 'ukr', side: 'held_by_us', heldBy: 'ukr', title: 'x', entries: uk },
      });
      expect([401, 403], who).toContain(r.statusCode);
    }
  });

  it('shows a list to the mediator and its own party only; to everyone else it reads as missing, on every route', async () => {
    const own = await w.app.inject({ url: w.url(`/exchanges/lists/${ukList}?${purpose}`), headers: as('delegateUkr') });
    expect(own.statusCode).toBe(200);
    expect(own.json().people.map((p: { entry: { surname: string } }) => p.entry.surname)).toEqual(uk.map((e) => e.surname));
    expect((await w.app.inject({ url: w.url(`/exchanges/lists/${ukList}?${purpose}`), headers: as('mediator') })).statusCode).toBe(200);
    const person = own.json().people[0].id as string;
    for (const who of ['delegateRus', 'monitor', 'analyst', 'anonymous'] as const) {
      for (const url of [
        `/exchanges/lists/${ukList}?${purpose}`,
        `/exchanges/people/${person}?${purpose}`,
        `/exchanges/search?q=Kovalenko&${purpose}`,
        `/exchanges/export.csv?${purpose}`,
        `/exchanges/reconciliations`,
        `/exchanges/batches`,
        `/exchanges/access-log`,
      ]) {
        const r = await w.app.inject({ url: w.url(url), headers: as(who) });
        if (who === 'delegateRus' && url.startsWith('/exchanges/search')) {
          // Its own list only: the other side's people are not found.
          expect(r.statusCode).toBe(200);
          expect(r.json().items.every((p: { listId: string }) => p.listId === ruList)).toBe(true);
          continue;
        }
        expect(r.statusCode, `${who} ${url}`).toBe(404);
        expect(r.body).not.toContain('Коваленко');
      }
      const lists = await w.app.inject({ url: w.url('/exchanges/lists'), headers: as(who) });
      if (lists.statusCode === 200) expect(lists.json().lists.map((l: { listId: string }) => l.listId)).not.toContain(ukList);
      const receipt = await w.app.inject({ url: w.url(`/log/records/detainee/${person}/receipt`), headers: as(who) });
      expect(receipt.statusCode, `${who} receipt`).toBe(404);
    }
    // No generic route knows them: search, activity and the process export hold no detainee data (the export's
    // journal keeps the entries' ids, random, so that the log it carries still verifies).
    for (const url of ['/search?q=Коваленко', '/activity', '/export']) {
      const r = await w.app.inject({ url: w.url(url), headers: as('mediator') });
      expect(r.statusCode, url).toBe(200);
      expect(r.body, url).not.toContain('Коваленко');
      if (url !== '/export') expect(r.body, url).not.toContain(person);
    }
  });

  it('needs a purpose for every read of people and writes each read to the access log', async () => {
    const none = await w.app.inject({ url: w.url(`/exchanges/lists/${ukList}`), headers: as('mediator') });
    expect(none.statusCode).toBe(400);
    const found = await w.app.inject({ url: w.url(`/exchanges/search?q=${encodeURIComponent('Kovalenko Mykola')}&${purpose}`), headers: as('mediator') });
    expect(found.statusCode).toBe(200);
    // A Russian-written and a Ukrainian-written Kovalenko, found from a Latin query.
    expect(found.json().items.length).toBeGreaterThanOrEqual(1);
    const log = (await w.app.inject({ url: w.url('/exchanges/access-log'), headers: as('mediator') })).json().items;
    expect(log[0]).toMatchObject({ action: 'search', purpose: 'preparing the December exchange', recordedBy: w.actors.mediator.username });
    expect(log.some((e: { action: string; recordedBy: string }) => e.action === 'read_list' && e.recordedBy === w.actors.delegateUkr.username)).toBe(true);
    expect((await w.app.inject({ url: w.url('/exchanges/access-log'), headers: as('delegateUkr') })).statusCode).toBe(404);
  });

  it('reconciles across scripts with explanations, takes decisions, and reports what is on one list only', async () => {
    const run = await w.app.inject({ method: 'POST', url: w.url('/exchanges/reconciliations'), headers: as('mediator'), payload: { lists: [ukList, ruList] } });
    expect(run.statusCode, run.body).toBe(201);
    const id = run.json().id as string;
    expect(id).toMatch(/^rc_/);
    const report = (await w.app.inject({ url: w.url(`/exchanges/reconciliations/${id}?${purpose}`), headers: as('mediator') })).json();
    const paired = [...report.matched, ...report.review].map((p: { a: { entry: { surname: string } }; b: { entry: { surname: string } } }) => [
      p.a.entry.surname,
      p.b.entry.surname,
    ]);
    expect(paired).toEqual(
      expect.arrayContaining([
        ['Коваленко', 'Коваленко'],
        ['Шевченко', 'Shevchenko'],
        ['Ковальова', 'Ковалева'],
      ]),
    );
    expect(report.onlyA.map((p: { entry: { surname: string } }) => p.entry.surname)).toEqual(['Бондаренко']);
    expect(report.onlyB.map((p: { entry: { surname: string } }) => p.entry.surname)).toEqual(['Мельник']);
    const first = [...report.matched, ...report.review][0];
    expect(first.match.fields.map((f: { field: string }) => f.field)).toEqual(['surname', 'given', 'patronymic', 'birthDate']);
    // The kept proposal holds no name: an erased person leaves nothing readable in it.
    const stored = JSON.stringify((await w.rt.exchanges.reconciliations(w.pid)).find((r) => r.id === id));
    expect(stored).not.toContain('Коваленко');

    // A reviewer named by the mediator decides; before being named, an analyst sees nothing.
    expect((await w.app.inject({ url: w.url(`/exchanges/reconciliations/${id}?${purpose}`), headers: as('analyst') })).statusCode).toBe(404);
    const named = await w.app.inject({
      method: 'POST',
      url: w.url('/exchanges/reviewers'),
      headers: as('mediator'),
      payload: { accountId: w.actors.analyst.accountId },
    });
    expect(named.statusCode, named.body).toBe(200);
    const shev = [...report.matched, ...report.review].find((p: { b: { entry: { surname: string } } }) => p.b.entry.surname === 'Shevchenko');
    const split = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/reconciliations/${id}/decisions`),
      headers: as('analyst'),
      payload: { a: shev.a.id, b: shev.b.id, decision: shev.state === 'matched' ? 'split' : 'reject', reason: 'different units' },
    });
    expect(split.statusCode, split.body).toBe(201);
    const merged = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/reconciliations/${id}/decisions`),
      headers: as('analyst'),
      payload: { a: shev.a.id, b: shev.b.id, decision: 'merge', reason: 'confirmed by the ICRC visit' },
    });
    expect(merged.statusCode, merged.body).toBe(201);
    const other = report.onlyB[0].id;
    const twice = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/reconciliations/${id}/decisions`),
      headers: as('analyst'),
      payload: { a: shev.a.id, b: other, decision: 'merge' },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.reason).toBe('already_matched');
    const after = (await w.app.inject({ url: w.url(`/exchanges/reconciliations/${id}?${purpose}`), headers: as('analyst') })).json();
    const decided = after.matched.find((p: { a: { id: string } }) => p.a.id === shev.a.id);
    expect(decided.decisions.map((d: { decision: string; recordedBy: string }) => [d.decision, d.recordedBy])).toEqual([
      [shev.state === 'matched' ? 'split' : 'reject', w.actors.analyst.username],
      ['merge', w.actors.analyst.username],
    ]);
    // Reviewers decide; they do not run the mediator's verbs.
    const rec = await w.app.inject({ method: 'POST', url: w.url('/exchanges/reconciliations'), headers: as('analyst'), payload: { lists: [ukList, ruList] } });
    expect(rec.statusCode).toBe(403);
  });

  it('builds a batch, records what was delivered and who refused, and each status follows', async () => {
    const people = (await w.app.inject({ url: w.url(`/exchanges/lists/${ruList}?${purpose}`), headers: as('mediator') })).json().people as { id: string }[];
    const batch = await w.app.inject({
      method: 'POST',
      url: w.url('/exchanges/batches'),
      headers: as('mediator'),
      payload: {
        title: 'December exchange',
        terms: 'n_for_m',
        agreed: { a: 3, b: 0 },
        sides: ['rus', 'ukr'],
        agreedOn: '2017-12-27',
        people: people.slice(0, 3).map((p) => p.id),
      },
    });
    expect(batch.statusCode, batch.body).toBe(201);
    const id = batch.json().id;
    const twice = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/batches/${id}/delivery`),
      headers: as('mediator'),
      payload: {
        version: 1,
        deliveredOn: '2017-12-27',
        delivered: [],
        refused: [
          { id: people[1]!.id, reason: 'a' },
          { id: people[1]!.id, reason: 'b' },
        ],
      },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.details.field).toBe('refused/1/id');
    const delivery = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/batches/${id}/delivery`),
      headers: as('mediator'),
      payload: { version: 1, deliveredOn: '2017-12-27', delivered: [people[0]!.id], refused: [{ id: people[1]!.id, reason: 'chose to stay' }] },
    });
    expect(delivery.statusCode, delivery.body).toBe(200);
    const again = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/batches/${id}/delivery`),
      headers: as('mediator'),
      payload: { version: 2, deliveredOn: '2017-12-27', delivered: [], refused: [] },
    });
    expect(again.statusCode).toBe(409);
    const list = (await w.app.inject({ url: w.url('/exchanges/batches'), headers: as('mediator') })).json().items;
    expect(list.find((b: { id: string }) => b.id === id).sides[0]).toMatchObject({
      side: 'rus',
      agreed: 3,
      named: 3,
      delivered: 1,
      refused: 1,
      notDelivered: 1,
    });
    const p0 = (await w.app.inject({ url: w.url(`/exchanges/people/${people[0]!.id}?${purpose}`), headers: as('mediator') })).json();
    expect(p0.statuses.map((s: { status: string }) => s.status)).toEqual(['exchanged']);
    const p1 = (await w.app.inject({ url: w.url(`/exchanges/people/${people[1]!.id}?${purpose}`), headers: as('mediator') })).json();
    expect(p1.statuses[0].source).toContain('refused to go (chose to stay)');
  });

  it('erases a person’s data with a redaction entry, and the log still verifies', async () => {
    const people = (await w.app.inject({ url: w.url(`/exchanges/lists/${ukList}?${purpose}`), headers: as('mediator') })).json().people as { id: string }[];
    const target = people[3]!.id;
    const res = await w.app.inject({
      method: 'POST',
      url: w.url(`/exchanges/people/${target}/erasure`),
      headers: as('mediator'),
      payload: { reason: 'request of the person' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().erased.length).toBe(1);
    const shown = (await w.app.inject({ url: w.url(`/exchanges/people/${target}?${purpose}`), headers: as('mediator') })).json();
    expect(shown).toMatchObject({ erased: true, entry: null });
    const receipt = (await w.app.inject({ url: w.url(`/log/records/detainee/${target}/receipt`), headers: as('mediator') })).json();
    expect(receipt.body).toBeUndefined();
    expect(
      (await w.app.inject({ method: 'POST', url: w.url(`/exchanges/people/${target}/erasure`), headers: as('mediator'), payload: { reason: 'again' } }))
        .statusCode,
    ).toBe(409);
    // A retention rule erases everyone exchanged before a day, each with a redaction entry.
    const rule = await runOperation(w.rt, 'retention', {
      processId: w.pid,
      statuses: ['exchanged'],
      before: '2018-01-01',
      reason: 'retention: a year after exchange',
    });
    expect(rule.erased.length).toBe(1);
    const again = await runOperation(w.rt, 'retention', { processId: w.pid, statuses: ['exchanged'], before: '2018-01-01', reason: 'again' });
    expect(again.erased).toEqual([]);
    const audit = await auditLog(w.rt, w.pid);
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
  });
});
