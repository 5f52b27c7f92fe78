import { describe, expect, it } from 'vitest';
import type { Roster } from '../read/roster.ts';
import rosterJson from './fixtures/roster.json' with { type: 'json' };
import { readStatements } from './index.ts';

const roster = rosterJson as Roster;
const speakers = (body: string, published = '2014-11-20', language = 'en') =>
  readStatements(body, { language, published, roster }).map((s) => s.speaker && { mention: s.speaker.mention, ...s.speaker.resolved });

describe('speaker resolution', () => {
  it('resolves a person by full name or by surname alone, in the three languages', () => {
    expect(speakers('Leonid Kuchma said the talks would resume.')[0]).toMatchObject({ kind: 'person', id: 'kuchma', how: 'named', confidence: 0.95 });
    expect(speakers('Kuchma said the talks would resume.')[0]).toMatchObject({ id: 'kuchma', how: 'surname "kuchma"' });
    expect(speakers('Пушилін заявив, що обмін відбудеться.', '2014-12-24', 'uk')[0]).toMatchObject({ id: 'pushilin' });
    expect(speakers('Лукашевич заявил, что Москва готова к встрече.', '2014-11-20', 'ru')[0]).toMatchObject({ id: 'lukashevich' });
  });

  it('tolerates Ukrainian and Russian inflection of a surname', () => {
    expect(speakers('За словами Кучми, зустріч скасовано.', '2014-11-20', 'uk')[0]).toMatchObject({ id: 'kuchma', mention: 'Кучми' });
    expect(speakers('По словам Кучмы, встреча отменена.', '2014-11-20', 'ru')[0]).toMatchObject({ id: 'kuchma' });
    expect(speakers('По словам Захарченко, обстрелы продолжаются.', '2014-11-20', 'ru')[0]).toMatchObject({ id: 'zakharchenko' });
  });

  it('resolves a side by its alias or name, and by its adjective', () => {
    expect(speakers('Moscow said the meeting had been postponed.')[0]).toMatchObject({ kind: 'party', id: 'rus', how: 'alias "Moscow"' });
    expect(speakers('Kiev said the meeting had been postponed.')[0]).toMatchObject({ kind: 'party', id: 'ukr', how: 'alias "Kiev"' });
    expect(speakers('The DPR said the meeting had been postponed.')[0]).toMatchObject({ kind: 'party', id: 'ordo' });
    expect(speakers('Ukrainian officials said the meeting had been postponed.')[0]).toMatchObject({ kind: 'party', id: 'ukr' });
    expect(speakers('Москва заявила, что встреча отложена.', '2014-11-20', 'ru')[0]).toMatchObject({ kind: 'party', id: 'rus' });
    expect(speakers('У ЛНР заявили, що зустріч перенесено.', '2014-11-20', 'uk')[0]).toMatchObject({ kind: 'party', id: 'ordl' });
  });

  it("resolves a side's role to the person holding that mandate on the day of publication", () => {
    expect(speakers("Kiev's envoy said a meeting was not possible.", '2014-09-03')[0]).toMatchObject({
      kind: 'person',
      id: 'kuchma',
      how: 'role "envoy" of Ukraine on 2014-09-03',
    });
    expect(speakers("Ukraine's envoy said a meeting was not possible.")[0]).toMatchObject({ id: 'kuchma' });
    expect(speakers('The Russian spokesman said the talks would go ahead.')[0]).toMatchObject({ id: 'lukashevich' });
    // Before the areas' envoys took up their mandates there is nobody to name: the side speaks.
    expect(speakers('The DPR envoy said the talks would go ahead.', '2014-10-01')[0]).toMatchObject({ kind: 'party', id: 'ordo' });
    expect(speakers('The DPR envoy said the talks would go ahead.', '2014-12-24')[0]).toMatchObject({ kind: 'person', id: 'pushilin' });
  });

  it('prefers the person named earlier in the text with the role', () => {
    const body = 'Alexander Lukashevich spoke in Moscow on Thursday. Later the Russian spokesman said the talks would go ahead.';
    expect(speakers(body)[0]).toMatchObject({ id: 'lukashevich', how: 'role "spokesperson", named earlier', confidence: 0.8 });
  });

  it('resolves a pronoun to the last person speaker, with less confidence', () => {
    const [first, second] = speakers('Kuchma said the talks had failed. He added that Ukraine would try again.');
    expect(first).toMatchObject({ id: 'kuchma' });
    expect(second).toMatchObject({ id: 'kuchma', mention: 'He', how: 'earlier mention' });
    expect(second!.confidence).toBeLessThan(first!.confidence!);
    expect(speakers('He said the talks had failed.')[0]).toEqual({ mention: 'He' });
  });

  it('keeps an unknown speaker as a mention without a resolution', () => {
    expect(speakers('Western governments said the vote was illegitimate.')[0]).toEqual({ mention: 'Western governments' });
  });

  it('gives the side of a named person to someone speaking for them ("Zakharchenko\'s deputy")', () => {
    expect(speakers('“We are ready,” Zakharchenko’s deputy said.')[0]).toMatchObject({ kind: 'party', id: 'ordo' });
  });
});
