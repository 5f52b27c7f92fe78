import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../src/domain/shared/actor.ts';
import { createRecord } from '../src/use-cases/create-record.ts';
import { resource } from '../src/use-cases/resources.ts';
import { world, type World } from './support/world.ts';

describe(`unit of work (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  const journalSize = async () => (await w.rt.store.reader.allJournal(w.pid)).length;

  it('refuses a write that does not go through the unit of work', async () => {
    const db = w.rt.handle.db;
    await expect(
      sql`insert into parties (process_id, id, version, audience, sort_on, body, created_at, created_by, updated_at, updated_by)
          values (${w.pid}, 'rogue', 1, 'public', '2014-01-01', '{}', now(), 'x', now(), 'x')`.execute(db),
    ).rejects.toThrow(/unit of work/);
    await expect(sql`update parties set version = 9 where process_id = ${w.pid}`.execute(db)).rejects.toThrow(/unit of work/);
    await expect(sql`delete from journal where process_id = ${w.pid}`.execute(db)).rejects.toThrow(/unit of work|append-only/);
    await expect(sql`truncate log_nodes, entry_bodies, journal cascade`.execute(db)).rejects.toThrow(/unit of work|append-only/);
    expect(await w.rt.store.reader.get('parties', w.pid, 'rogue')).toBeUndefined();
  });

  it('refuses to change the journal even inside a unit of work', async () => {
    await expect(
      w.rt.handle.db.transaction().execute(async (tx) => {
        await sql`select set_config('parley.uow', 'on', true)`.execute(tx);
        await sql`update journal set author = 'mallory' where process_id = ${w.pid}`.execute(tx);
      }),
    ).rejects.toThrow(/append-only/);
  });

  it('writes one dense journal entry per change, in commit order', async () => {
    const before = await journalSize();
    await createRecord(w.rt, SYSTEM, w.pid, resource('source'), {
      id: 'src-a',
      title: 'A',
      publisher: 'P',
      date: '2014-11-21',
      language: 'en',
      kind: 'article',
    });
    await createRecord(w.rt, SYSTEM, w.pid, resource('source'), {
      id: 'src-b',
      title: 'B',
      publisher: 'P',
      date: '2014-11-22',
      language: 'en',
      kind: 'article',
    });
    const journal = await w.rt.store.reader.allJournal(w.pid);
    expect(journal.map((e) => e.idx)).toEqual(journal.map((_, i) => i));
    expect(journal.slice(before).map((e) => e.recordId)).toEqual(['src-a', 'src-b']);
  });

  it('leaves nothing behind when a write fails half-way', async () => {
    const before = await journalSize();
    await expect(
      w.rt.store.write(w.pid, SYSTEM, async (uow) => {
        await uow.insert('sources', 'source', {
          id: 'src-half',
          audience: 'public',
          audienceParty: null,
          owner: 'mediator' as const,
          parentId: null,
          status: null,
          sortOn: '2014-01-01',
          partyIds: [],
          body: {},
        });
        throw new Error('power cut');
      }),
    ).rejects.toThrow('power cut');
    expect(await w.rt.store.reader.get('sources', w.pid, 'src-half')).toBeUndefined();
    expect(await journalSize()).toBe(before);
  });

  it('keeps indices dense under concurrent writers with rollbacks', async () => {
    const before = await journalSize();
    const results = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) =>
        w.rt.store.write(w.pid, SYSTEM, async (uow) => {
          await uow.insert('sources', 'source', {
            id: `src-c${i}`,
            audience: 'public',
            audienceParty: null,
            owner: 'mediator' as const,
            parentId: null,
            status: null,
            sortOn: '2014-01-01',
            partyIds: [],
            body: { i },
          });
          if (i % 3 === 0) throw new Error('rolled back');
        }),
      ),
    );
    const committed = results.filter((r) => r.status === 'fulfilled').length;
    const journal = await w.rt.store.reader.allJournal(w.pid);
    expect(journal.length).toBe(before + committed);
    expect(journal.map((e) => e.idx)).toEqual(journal.map((_, i) => i));
  });
});
