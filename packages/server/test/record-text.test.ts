import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, call, world, type World } from './support/world.ts';

/** A statement's and a claim's words: as one string in its language, or in the variants its source gives. */
describe(`record words in several languages (${process.env.PARLEY_TEST_ENGINE})`, () => {
  let w: World;
  let sourceId: string;
  beforeAll(async () => {
    w = await world();
    sourceId = (await call(w, 'POST', '/sources', 'mediator', build.source({ language: 'uk' }))).json.id;
  });
  afterAll(() => w.rt.close());

  const statement = (o: Record<string, unknown>) => ({ date: '2014-11-21', speech: 'direct', stance: 'condition', sourceId, speakerPartyId: 'ukr', ...o });

  it('keeps the variants a source gives, with the language of the original, and finds the record by any of them', async () => {
    const text = { uk: 'Нова зустріч неможлива, поки триває обстріл.', ru: 'Новая встреча невозможна, пока продолжается обстрел.' };
    const created = await call(w, 'POST', '/statements', 'delegateUkr', statement({ text, language: 'uk' }));
    expect(created.status).toBe(201);
    const read = await call(w, 'GET', `/statements/${created.json.id}`, 'anonymous');
    expect(read.json).toMatchObject({ text, language: 'uk' });
    for (const q of ['обстрел', 'обстріл'])
      expect((await call(w, 'GET', `/search?q=${encodeURIComponent(q)}&kind=statement`, 'anonymous')).json.items.map((h: { id: string }) => h.id)).toEqual([
        created.json.id,
      ]);
    const claim = await call(w, 'POST', '/claims', 'delegateRus', {
      text: 'Kyiv scrapped the teleconference.',
      claimantPartyId: 'rus',
      sourceId,
      counters: [],
    });
    expect(claim.status).toBe(201);
    expect(claim.json.text).toBe('Kyiv scrapped the teleconference.');
  });

  it('refuses variants without the language they are said to be written in, an empty or unknown variant, changing nothing', async () => {
    const before = (await call(w, 'GET', '/statements?limit=500', 'mediator')).json.items.length;
    const noOriginal = await call(w, 'POST', '/statements', 'delegateUkr', statement({ text: { ru: 'Слова.' }, language: 'uk' }));
    expect(noOriginal.status).toBe(400);
    expect(noOriginal.json.error).toMatchObject({ reason: 'invalid_value', details: { field: 'language' } });
    expect((await call(w, 'POST', '/statements', 'delegateUkr', statement({ text: {}, language: 'uk' }))).status).toBe(400);
    const unknown = await call(w, 'POST', '/claims', 'delegateUkr', { text: { fr: 'Mots.' }, claimantPartyId: 'ukr', sourceId, counters: [] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.details.field).toMatch(/^text/);
    expect((await call(w, 'POST', '/statements', 'delegateUkr', statement({ text: { uk: '' }, language: 'uk' }))).status).toBe(400);
    expect((await call(w, 'GET', '/statements?limit=500', 'mediator')).json.items.length).toBe(before);
  });
});
