import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../src/domain/shared/actor.ts';
import { replaceRecord } from '../src/use-cases/replace-record.ts';
import { createRecord } from '../src/use-cases/create-record.ts';
import { resource } from '../src/use-cases/resources.ts';
import { auditLog } from '../src/use-cases/log/audit-log.ts';
import { runOperation } from '../src/cli/operations.ts';
import { build, call, world, type RoleName, type World } from './support/world.ts';

/**
 * A news report into the record, on the real engines: handed in, read off the request path by the queue, its
 * boilerplate set aside, its statements, figures and events proposed with spans, and nothing in the record until a
 * person confirms it.
 */
const WIRE = readFileSync(new URL('./fixtures/ingest/wire-report.txt', import.meta.url), 'utf8');
const meta = { publisher: 'Example Wire', date: '2014-11-21', kind: 'article' as const };
const q = (o: Record<string, string>) => new URLSearchParams(o).toString();

async function finished(w: World, who: RoleName, jobId: string) {
  for (let i = 0; i < 200; i++) {
    const r = await call(w, 'GET', `/ingest-jobs/${jobId}`, who);
    expect(r.status, r.body).toBe(200);
    if (r.json.state === 'done' || r.json.state === 'failed') return r.json;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('the job did not end');
}

async function paste(w: World, who: RoleName, content: string, extra: Record<string, unknown> = {}) {
  const r = await call(w, 'POST', '/sources/paste', who, { ...meta, format: 'text', content, ...extra });
  expect(r.status, r.body).toBe(202);
  return finished(w, who, r.json.id);
}

async function upload(w: World, who: RoleName, bytes: Buffer | string, type: string, extra: Record<string, string> = {}) {
  const r = await w.app.inject({
    method: 'POST',
    url: w.url(`/sources/ingest?${q({ ...meta, ...extra })}`),
    headers: { ...w.headers[who], 'content-type': type },
    payload: bytes,
  });
  return { status: r.statusCode, json: r.json() };
}

describe(`ingesting news reports (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let sourceId: string;

  beforeAll(async () => {
    w = await world();
    for (const [id, names, aliases] of [
      ['ukr', { en: 'Ukraine', uk: 'Україна', ru: 'Украина' }, ['Kyiv', 'Kiev', 'Київ', 'Киев']],
      ['rus', { en: 'Russia', uk: 'Росія', ru: 'Россия' }, ['Moscow', 'Москва']],
    ] as const) {
      const current = (await call(w, 'GET', `/parties/${id}`, 'mediator')).json;
      await replaceRecord(w.rt, SYSTEM, w.pid, resource('party'), id, {
        ...current,
        names,
        aliases: aliases.map((text) => ({ text })),
        version: current.version,
      });
    }
    const person = async (id: string, en: string, partyId: string, role: string, ru?: string) => {
      await createRecord(w.rt, SYSTEM, w.pid, resource('person'), { id, names: { en, ...(ru ? { ru } : {}) }, partyId, audience: 'public' });
      await createRecord(w.rt, SYSTEM, w.pid, resource('mandate'), {
        personId: id,
        partyId,
        role,
        from: '2014-06-01',
        standing: 'official',
        sources: [],
        audience: 'public',
      });
    };
    await person('lukashevich', 'Alexander Lukashevich', 'rus', 'spokesperson', 'Александр Лукашевич');
    await person('kuchma', 'Leonid Kuchma', 'ukr', 'envoy');
    const tc = await call(w, 'POST', '/meetings', 'mediator', {
      ...build.meeting({
        id: 'tc',
        kind: 'preparatory_teleconference',
        modality: 'video',
        plannedStart: '2014-11-19',
        title: { en: 'Preparatory teleconference' },
      }),
      audience: 'public',
    });
    expect(tc.status, tc.body).toBe(201);
    expect(
      (
        await call(w, 'POST', '/meetings/tc/transitions', 'mediator', {
          to: 'scheduled',
          at: '2014-11-17',
          reason: 'Set.',
          sources: [],
          claims: [],
          version: 1,
        })
      ).status,
    ).toBe(200);
  });

  it('reads a pasted wire report off the request path into a source with candidates, the appeal set aside', async () => {
    const job = await paste(w, 'analyst', WIRE);
    expect(job, JSON.stringify(job)).toMatchObject({ state: 'done', stage: 'done', outcome: 'created' });
    sourceId = job.sourceId;
    const source = (await call(w, 'GET', `/sources/${sourceId}`, 'analyst')).json;
    expect(source.title).toBeTruthy();
    expect(source.language).toBe('en');
    expect(source.document.sha256).toBe(createHash('sha256').update(WIRE).digest('hex'));
    const reading = (await call(w, 'GET', `/sources/${sourceId}/reading`, 'analyst')).json;
    expect(reading.text).toContain('spare no effort');
    expect(reading.text).not.toContain('Donate now');
    expect(reading.setAside.join('\n')).toContain('Donate now');
    const statements = reading.candidates.filter((c: { kind: string }) => c.kind === 'statement');
    expect(statements.length).toBeGreaterThanOrEqual(2);
    const speakers = statements.map((s: { speaker: { resolved: { id: string } | null } | null }) => s.speaker?.resolved?.id);
    expect(speakers).toContain('lukashevich');
    expect(speakers).toContain('kuchma');
    const figure = reading.candidates.find((c: { kind: string }) => c.kind === 'figure');
    expect(figure).toMatchObject({ qualifier: 'more_than', value: 4300, measure: 'killed' });
    expect(figure.period.from.slice(0, 7)).toBe('2014-04');
    expect(reading.candidates.some((c: { kind: string; mode?: string }) => c.kind === 'event' && c.mode === 'cancelled')).toBe(true);
    // Every span points into the text.
    for (const c of reading.candidates) expect(c.span.end).toBeLessThanOrEqual(reading.text.length);
    // Nothing is in the record yet.
    expect((await call(w, 'GET', `/statements?source=${sourceId}`, 'analyst')).json.items ?? []).toHaveLength(0);
  });

  it('confirms a statement, a corrected figure and rejects a candidate; confirmed records cite the source and span', async () => {
    const reading = (await call(w, 'GET', `/sources/${sourceId}/reading`, 'analyst')).json;
    const st = reading.candidates.find(
      (c: { kind: string; speaker?: { resolved?: { id: string } } }) => c.kind === 'statement' && c.speaker?.resolved?.id === 'kuchma',
    );
    const ok = await call(w, 'POST', `/sources/${sourceId}/candidates/${st.n}/decision`, 'analyst', { decision: 'confirm' });
    expect(ok.status, ok.body).toBe(200);
    const made = ok.json.candidates.find((c: { n: number }) => c.n === st.n);
    expect(made.state).toBe('confirmed');
    const statement = (await call(w, 'GET', `/statements/${made.record.id}`, 'analyst')).json;
    expect(statement).toMatchObject({ sourceId, speakerId: 'kuchma', speakerPartyId: 'ukr', sourceSpan: { start: st.content.start, end: st.content.end } });
    expect(statement.text).toBe(reading.text.slice(st.content.start, st.content.end));
    // Twice is refused: the record exists once.
    expect((await call(w, 'POST', `/sources/${sourceId}/candidates/${st.n}/decision`, 'analyst', { decision: 'confirm' })).json.error.reason).toBe(
      'candidate_decided',
    );

    const fig = reading.candidates.find((c: { kind: string }) => c.kind === 'figure');
    const f = await call(w, 'POST', `/sources/${sourceId}/candidates/${fig.n}/decision`, 'analyst', {
      decision: 'confirm',
      record: { place: 'eastern Ukraine' },
    });
    expect(f.status, f.body).toBe(200);
    const figure = (await call(w, 'GET', `/figures/${f.json.candidates.find((c: { n: number }) => c.n === fig.n).record.id}`, 'analyst')).json;
    expect(figure).toMatchObject({ qualifier: 'more_than', value: 4300, place: 'eastern Ukraine', sourceId });

    const other = reading.candidates.find((c: { state: string; n: number }) => c.state === 'pending' && c.n !== fig.n && c.n !== st.n);
    const rej = await call(w, 'POST', `/sources/${sourceId}/candidates/${other.n}/decision`, 'analyst', { decision: 'reject' });
    expect(rej.status, rej.body).toBe(200);
    expect(rej.json.candidates.find((c: { n: number }) => c.n === other.n).state).toBe('rejected');
    // A correction is checked like any record: a bad stance is refused, and nothing is written.
    const bad = await call(w, 'POST', `/sources/${sourceId}/candidates/${other.n}/decision`, 'analyst', {
      decision: 'confirm',
      record: { stance: 'gloating', value: -1 },
    });
    expect(bad.status).toBe(400);
    // A correction may not re-point the citation.
    const moved = await call(w, 'POST', `/sources/${sourceId}/candidates/${other.n}/decision`, 'analyst', {
      decision: 'confirm',
      record: { sourceId: 'elsewhere' },
    });
    expect(moved.status).toBe(400);
    expect((await auditLog(w.rt, w.pid)).ok).toBe(true);
  });

  it('moves the matched meeting when the mediator confirms a reported cancellation, citing the span; an analyst may not', async () => {
    const reading = (await call(w, 'GET', `/sources/${sourceId}/reading`, 'mediator')).json;
    const scrapped = reading.candidates.find(
      (c: { kind: string; mode?: string; match?: { id: string } | null }) => c.kind === 'event' && c.mode === 'cancelled' && c.match?.id === 'tc',
    );
    expect(scrapped, JSON.stringify(reading.candidates.filter((c: { kind: string }) => c.kind === 'event'))).toBeTruthy();
    const refused = await call(w, 'POST', `/sources/${sourceId}/candidates/${scrapped.n}/decision`, 'analyst', { decision: 'confirm', moveMeeting: true });
    expect(refused.status).toBe(403);
    // Refused whole: no claim was made either.
    expect((await call(w, 'GET', `/sources/${sourceId}/reading`, 'analyst')).json.candidates.find((c: { n: number }) => c.n === scrapped.n).state).toBe(
      'pending',
    );
    const ok = await call(w, 'POST', `/sources/${sourceId}/candidates/${scrapped.n}/decision`, 'mediator', { decision: 'confirm', moveMeeting: true });
    expect(ok.status, ok.body).toBe(200);
    const dossier = (await call(w, 'GET', '/meetings/tc/dossier', 'mediator')).json;
    expect(dossier.meeting.status).toBe('cancelled');
    const last = dossier.history.at(-1);
    expect(last).toMatchObject({ to: 'cancelled', at: '2014-11-19', sources: [{ sourceId }] });
    expect(reading.text.slice(scrapped.span.start, scrapped.span.end)).toContain('scrapped');
    const plain = reading.candidates.find((c: { kind: string; state: string }) => c.kind === 'statement' && c.state === 'pending');
    expect((await call(w, 'POST', `/sources/${sourceId}/candidates/${plain.n}/decision`, 'mediator', { decision: 'confirm', moveMeeting: true })).status).toBe(
      400,
    );
  });

  it('keeps a monitor from confirming statements, and hides a mediator-only reading from delegates', async () => {
    const reading = (await call(w, 'GET', `/sources/${sourceId}/reading`, 'monitor')).json;
    const st = reading.candidates.find((c: { kind: string; state: string }) => c.kind === 'statement' && c.state === 'pending');
    expect((await call(w, 'POST', `/sources/${sourceId}/candidates/${st.n}/decision`, 'monitor', { decision: 'reject' })).status).toBe(403);
    const job = await paste(w, 'mediator', `${WIRE}\nA line that only the mediator's copy has, which makes it other bytes.`, { audience: 'mediator' });
    expect(job.state).toBe('done');
    const hidden = await call(w, 'GET', `/sources/${job.sourceId}/reading`, 'delegateUkr');
    expect(hidden.status).toBe(404);
    expect((await call(w, 'GET', `/sources/${job.sourceId}/document`, 'delegateUkr')).status).toBe(404);
    expect((await call(w, 'GET', `/ingest-jobs/${job.id}`, 'delegateUkr')).status).toBe(404);
  });

  it('makes one source of the same bytes, and links a syndicated copy to the first', async () => {
    const again = await paste(w, 'analyst', WIRE);
    expect(again).toMatchObject({ state: 'done', outcome: 'duplicate', sourceId });
    const copy = WIRE.replace('By Staff Reporter', 'From our partners at Example Wire').replace('MOSCOW, Nov 21 (Example Wire) - ', 'MOSCOW - ');
    const syndicated = await paste(w, 'analyst', copy);
    expect(syndicated.outcome).toBe('created');
    const source = (await call(w, 'GET', `/sources/${syndicated.sourceId}`, 'analyst')).json;
    expect(source.nearDuplicateOf?.sourceId).toBe(sourceId);
  });

  it('reads a Russian report in Windows-1251 as handed in, its speaker resolved through the Russian name', async () => {
    const ru =
      'Москва, 21 ноября. Официальный представитель МИД России Александр Лукашевич заявил, что Россия приложит все усилия для созыва новой встречи контактной группы.';
    // Windows-1251 for the letters the text uses (Node's TextEncoder writes only UTF-8).
    const cp1251 = Buffer.from([...ru].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
    const r = await upload(w, 'analyst', cp1251, 'text/plain', { fileName: 'tass.txt' });
    expect(r.status, JSON.stringify(r.json)).toBe(202);
    const job = await finished(w, 'analyst', r.json.id);
    expect(job.state, JSON.stringify(job.error)).toBe('done');
    const source = (await call(w, 'GET', `/sources/${job.sourceId}`, 'analyst')).json;
    expect(source).toMatchObject({ language: 'ru', document: { fileName: 'tass.txt', byteSize: cp1251.length } });
    const reading = (await call(w, 'GET', `/sources/${job.sourceId}/reading`, 'analyst')).json;
    expect(reading.text).toContain('Лукашевич заявил');
    expect(reading.encoding).toMatch(/1251/);
  });

  it('serves the original bytes as a download that cannot run on the origin', async () => {
    const r = await call(w, 'GET', `/sources/${sourceId}/document`, 'anonymous');
    expect(r.status).toBe(200);
    expect(r.body).toBe(WIRE);
    expect(r.headers['content-type']).toContain('application/octet-stream');
    expect(String(r.headers['content-disposition'])).toMatch(/^attachment/);
    expect(String(r.headers['content-security-policy'])).toContain('sandbox');
  });

  it('ends a job on bad input with a clear error and leaves nothing behind; the server keeps serving', async () => {
    const cases: [Buffer | string, string, string][] = [
      [Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)), 'application/octet-stream', 'document_not_text'],
      [`${'<div>'.repeat(20_000)}deep${'</div>'.repeat(20_000)}`, 'text/html', 'html_too_deep'],
      ['%PDF-1.4\n1 0 obj << /Type /Catalog >> broken', 'application/pdf', 'pdf_unreadable'],
      ['<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>', 'text/html', 'document_no_body'],
    ];
    for (const [bytes, type, reason] of cases) {
      const r = await upload(w, 'analyst', bytes, type);
      expect(r.status, JSON.stringify(r.json)).toBe(202);
      const job = await finished(w, 'analyst', r.json.id);
      expect(job, reason).toMatchObject({ state: 'failed', sourceId: null, error: { reason } });
      expect(job.error.message.length).toBeGreaterThan(10);
      const left = await w.rt.ingest.document(w.pid, job.sha256);
      expect(left, reason).toBeUndefined();
    }
    const empty = await upload(w, 'analyst', '', 'text/plain');
    expect(empty.status).toBe(400);
    expect(empty.json.error.reason).toBe('document_empty');
    const big = await upload(w, 'analyst', Buffer.alloc(21 * 1024 * 1024, 0x61), 'text/plain');
    expect(big.status).toBe(413);
    expect((await call(w, 'GET', '/sources', 'analyst')).status).toBe(200);
  });

  it('refuses a hand-in from whoever may not write sources, and metadata that breaks the rules', async () => {
    expect((await upload(w, 'anonymous' as RoleName, WIRE, 'text/plain')).status).toBe(401);
    expect((await upload(w, 'delegateUkr', WIRE, 'text/plain', { audience: 'party', audienceParty: 'rus' })).status).toBe(403);
    const bad = await upload(w, 'analyst', WIRE, 'text/plain', { date: '2014-13-40' });
    expect(bad.status).toBe(400);
    const noKind = await call(w, 'POST', '/sources/paste', 'analyst', { ...meta, kind: 'rumour', format: 'text', content: WIRE });
    expect(noKind.status).toBe(400);
    // An edit of the source may not claim another document.
    const current = (await call(w, 'GET', `/sources/${sourceId}`, 'analyst')).json;
    const put = await call(w, 'PUT', `/sources/${sourceId}`, 'analyst', { ...current, document: { sha256: '0'.repeat(64) } });
    expect(put.status, put.body).toBe(200);
    expect((await call(w, 'GET', `/sources/${sourceId}`, 'analyst')).json.document.sha256).toBe(current.document.sha256);
  });

  it('`parley ingest` hands files in as a named account and reports each file as it ends, with progress', async () => {
    const seen: number[] = [];
    const files = [
      { name: 'report.txt', data: Buffer.from(`${WIRE}\nA third copy with a line of its own.`).toString('base64') },
      { name: 'garbage.bin', data: Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9, 8]).toString('base64') },
      { name: 'empty.txt', data: '' },
    ];
    const results = await runOperation(
      w.rt,
      'ingest',
      { process: w.pid, as: w.actors.analyst.username!, files, meta },
      { progress: (done) => seen.push(done) },
    );
    expect(results.map((r) => [r.file, r.state, r.error?.reason ?? r.outcome])).toEqual([
      ['report.txt', 'done', 'created'],
      ['garbage.bin', 'failed', 'document_not_text'],
      ['empty.txt', 'failed', 'document_empty'],
    ]);
    expect(seen.at(-1)).toBe(3);
    const source = (await call(w, 'GET', `/sources/${results[0]!.sourceId}`, 'analyst')).json;
    expect(source.owner).toMatchObject({ side: 'author' });
    await expect(runOperation(w.rt, 'ingest', { process: w.pid, as: 'nobody-here', files, meta })).rejects.toMatchObject({ reason: 'not_found_or_no_access' });
  });
});
