import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { createStore } from '../src/db/record-store.ts';
import { createIntegrityStore } from '../src/db/log/integrity-store.ts';
import type { Database } from '../src/db/schema.ts';
import { SYSTEM } from '../src/domain/shared/actor.ts';
import { createProcess } from '../src/use-cases/create-process.ts';
import { createRecord } from '../src/use-cases/create-record.ts';
import { checkIntegrity } from '../src/use-cases/log/check-integrity.ts';
import { IntegrityState } from '../src/use-cases/log/integrity-state.ts';
import { resource } from '../src/use-cases/resources.ts';
import { transitionMeeting } from '../src/use-cases/transition-meeting.ts';
import { freshDatabase, migrateBefore } from './support/fresh-database.ts';
import { build, call, runtime, world, type World } from './support/world.ts';

const engine = process.env.PARLEY_TEST_ENGINE;

/** A malicious operator: superuser with triggers off, which PGlite's session can do as well as PostgreSQL's. */
const asOperator = (db: Kysely<Database>, f: (tx: Kysely<Database>) => Promise<unknown>) =>
  db.transaction().execute(async (tx) => {
    await sql`set local session_replication_role = replica`.execute(tx);
    await f(tx);
  });

/** A complete check of one process's log on the given database, as the watch runs it. */
const check = async (db: Kysely<Database>, processId: string) =>
  (
    await checkIntegrity(
      {
        integrity: {
          state: new IntegrityState(),
          store: createIntegrityStore(db),
          mirror: { read: () => undefined, path: () => '', keep: () => {} },
          sample: 5000,
        },
      },
      processId,
      { mode: 'complete' },
    )
  ).report.findings;

/** A status change's reason and each side's account of its cause, in several languages, end to end. */
describe(`the words of a meeting's history (${engine})`, () => {
  let w: World;
  let src: string;
  beforeAll(async () => {
    w = await world();
    src = (await call(w, 'POST', '/sources', 'mediator', build.source({ language: 'uk' }))).json.id;
  });
  // The tampering below leaves findings with its process; other suites share the runtime.
  afterAll(async () => (await runtime()).integrity.state.clear());

  const newMeeting = async () => {
    const r = await call(w, 'POST', '/meetings', 'mediator', build.meeting());
    expect(r.status).toBe(201);
    return r.json as { id: string; version: number };
  };
  const move = (id: string, body: Record<string, unknown>) => call(w, 'POST', `/meetings/${id}/transitions`, 'mediator', { at: '2014-11-20', ...body });

  it('keeps the variants of a reason and of a claim with their languages, reads them back, and the log still verifies', async () => {
    const m = await newMeeting();
    const reason = { uk: 'Зустріч узгоджено в Мінську.', en: 'The meeting was agreed in Minsk.' };
    const rus = { ru: 'Киев сорвал телеконференцию.', en: 'Kyiv scrapped the teleconference.' };
    expect(
      (
        await move(m.id, {
          to: 'scheduled',
          reason,
          reasonLanguage: 'uk',
          version: 1,
          claims: [{ partyId: 'rus', text: rus, language: 'ru', sources: [{ sourceId: src }] }],
        })
      ).status,
    ).toBe(200);
    // One string said to be Ukrainian: its language is kept although there are no variants.
    expect((await move(m.id, { to: 'cancelled', reason: 'Скасовано.', reasonLanguage: 'uk', version: 2 })).status).toBe(200);
    const ukr = { uk: 'Поки триває стрілянина, нової зустрічі не буде.', ru: 'Пока продолжается стрельба, новой встречи не будет.' };
    const added = await call(w, 'POST', `/meetings/${m.id}/claims`, 'delegateUkr', {
      transition: 1,
      claim: { partyId: 'ukr', text: ukr, language: 'uk', sources: [{ sourceId: src }] },
    });
    expect(added.status).toBe(201);

    const d = await call(w, 'GET', `/meetings/${m.id}/dossier`, 'monitor');
    expect(d.status).toBe(200);
    expect(d.json.history[0]).toMatchObject({ reason, reasonLanguage: 'uk' });
    expect(d.json.history[0].claims).toEqual([
      expect.objectContaining({ partyId: 'rus', text: rus, language: 'ru' }),
      expect.objectContaining({ partyId: 'ukr', text: ukr, language: 'uk' }),
    ]);
    expect(d.json.history[1]).toMatchObject({ reason: 'Скасовано.', reasonLanguage: 'uk' });
    const exported = await call(w, 'GET', '/export', 'mediator');
    const mine = exported.json.meetingHistory.find((h: { meetingId: string }) => h.meetingId === m.id);
    expect(mine.transitions[0]).toMatchObject({ reason, reasonLanguage: 'uk' });
    expect(mine.claims.map((c: { language: string }) => c.language)).toEqual(['ru', 'uk']);

    expect(await check(w.rt.handle.db, w.pid)).toEqual([]);
  });

  it('refuses words without the language they are said to be written in, naming the field, and stores nothing', async () => {
    const m = await newMeeting();
    expect((await move(m.id, { to: 'scheduled', reason: 'Agreed.', version: 1 })).status).toBe(200);
    const journal = (await w.rt.store.reader.allJournal(w.pid)).length;
    const claim = { partyId: 'rus', text: { ru: 'Слова.' }, language: 'uk', sources: [{ sourceId: src }] };

    const reason = await move(m.id, { to: 'held', reason: { ru: 'Состоялась.' }, reasonLanguage: 'uk', version: 2 });
    expect(reason.status).toBe(400);
    expect(reason.json.error).toMatchObject({ code: 'validation', reason: 'invalid_value', details: { field: 'reasonLanguage' } });
    // Variants with no language said are English: the English words must be among them.
    const noEnglish = await move(m.id, { to: 'held', reason: { uk: 'Відбулася.' }, version: 2 });
    expect(noEnglish.json.error).toMatchObject({ reason: 'invalid_value', details: { field: 'reasonLanguage' } });
    const inTransition = await move(m.id, { to: 'held', reason: 'Held.', version: 2, claims: [{ ...claim, language: 'ru' }, claim] });
    expect(inTransition.status).toBe(400);
    expect(inTransition.json.error).toMatchObject({ reason: 'invalid_value', details: { field: 'claims/1/language' } });
    const added = await call(w, 'POST', `/meetings/${m.id}/claims`, 'delegateRus', { transition: 1, claim });
    expect(added.status).toBe(400);
    expect(added.json.error).toMatchObject({ reason: 'invalid_value', details: { field: 'claim/language' } });
    const unknown = await move(m.id, { to: 'held', reason: { fr: 'Tenue.' }, version: 2 });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details.field).toMatch(/^reason/);

    expect((await w.rt.store.reader.allJournal(w.pid)).length).toBe(journal);
    const d = await call(w, 'GET', `/meetings/${m.id}/dossier`, 'mediator');
    expect(d.json.meeting).toMatchObject({ status: 'scheduled', version: 2 });
    expect(d.json.history).toHaveLength(1);
    expect(d.json.history[0].claims).toEqual([]);
  });

  it('finds a language the operator set on a row whose entry named none, and one changed on a row whose entry named it', async () => {
    const m = await newMeeting();
    expect((await move(m.id, { to: 'scheduled', reason: 'Agreed.', version: 1 })).status).toBe(200);
    const claim = { partyId: 'ukr', text: { uk: 'Наші слова.' }, language: 'uk', sources: [{ sourceId: src }] };
    expect((await call(w, 'POST', `/meetings/${m.id}/claims`, 'delegateUkr', { transition: 1, claim })).status).toBe(201);
    expect(await check(w.rt.handle.db, w.pid)).toEqual([]);
    await asOperator(w.rt.handle.db, async (tx) => {
      await sql`update meeting_transitions set reason_language = 'ru' where process_id = ${w.pid} and meeting_id = ${m.id}`.execute(tx);
      await sql`update cause_claims set language = 'ru' where process_id = ${w.pid} and meeting_id = ${m.id}`.execute(tx);
    });
    const findings = await check(w.rt.handle.db, w.pid);
    expect(findings.filter((f) => f.kind === 'history_mismatch').map((f) => [f.recordType, f.recordId])).toEqual([
      ['meeting_transition', m.id],
      ['cause_claim', m.id],
    ]);
  });
});

describe(`014_history_words on a log written before it (${engine})`, () => {
  it('turns the stored strings into JSON strings, and the entries written before it still verify', async () => {
    const fresh = await freshDatabase();
    try {
      await migrateBefore(fresh.db, '014', { andLater: true });
      const deps = { store: createStore(fresh.db) };
      await createProcess(deps, SYSTEM, { id: 'p', names: { en: 'P' } });
      await createRecord(deps, SYSTEM, 'p', resource('party'), { id: 'ukr', names: { en: 'UKR' }, aliases: [], kind: 'state', audience: 'public' });
      await createRecord(deps, SYSTEM, 'p', resource('forum'), {
        id: 'tcg',
        names: { en: 'TCG' },
        audience: 'public',
        members: [{ partyId: 'ukr', role: 'party' }],
        participants: [],
      });
      const source = await createRecord(deps, SYSTEM, 'p', resource('source'), { ...build.source({ id: 'src' }), audience: 'public' });
      const meeting = await createRecord(deps, SYSTEM, 'p', resource('meeting'), build.meeting());
      const claim = { partyId: 'ukr', text: 'We asked for it.', sources: [{ sourceId: source.id }] };
      await transitionMeeting(deps, SYSTEM, 'p', meeting.id, {
        to: 'scheduled',
        at: '2014-12-01',
        reason: 'Agreed in Minsk.',
        sources: [],
        claims: [claim],
        version: 1,
      });
      // Today's code sends the words JSON-encoded, which a text column keeps with their quotes; the code before 014
      // stored the string itself, and its journal bodies were the ones written here (a string, no language).
      await asOperator(fresh.db, async (tx) => {
        await sql`update meeting_transitions set reason = reason::jsonb #>> '{}'`.execute(tx);
        await sql`update cause_claims set text = text::jsonb #>> '{}'`.execute(tx);
      });
      expect((await sql<{ reason: string }>`select reason from meeting_transitions`.execute(fresh.db)).rows).toEqual([{ reason: 'Agreed in Minsk.' }]);
      expect(await check(fresh.db, 'p')).toEqual([]);

      expect((await migrate(fresh.db))[0]).toBe('014_history_words.sql');
      expect(await check(fresh.db, 'p')).toEqual([]);
      const reader = createStore(fresh.db).reader;
      expect(await reader.transitions('p', meeting.id)).toEqual([expect.objectContaining({ reason: 'Agreed in Minsk.' })]);
      expect((await reader.transitions('p', meeting.id))[0]).not.toHaveProperty('reasonLanguage');
      expect(await reader.causeClaims('p', meeting.id)).toEqual([expect.objectContaining({ text: 'We asked for it.' })]);

      // An entry written after it, with variants and a language, verifies beside the old one.
      await transitionMeeting(deps, SYSTEM, 'p', meeting.id, {
        to: 'held',
        at: '2014-12-09',
        reason: { en: 'Held.', uk: 'Відбулася.' },
        reasonLanguage: 'uk',
        sources: [],
        claims: [{ ...claim, text: { uk: 'Ми про це просили.' }, language: 'uk' }],
        version: 2,
      });
      expect(await check(fresh.db, 'p')).toEqual([]);
      // The old rows are guarded as before: a language set on them is not what their entries committed to.
      await asOperator(fresh.db, (tx) => sql`update cause_claims set language = 'en' where transition_seq = 1`.execute(tx));
      expect((await check(fresh.db, 'p')).map((f) => [f.kind, f.recordType])).toEqual([['history_mismatch', 'cause_claim']]);
    } finally {
      await fresh.close();
    }
  }, 240_000);
});
