import { describe, expect, it } from 'vitest';
import type { Roster } from '../read/roster.ts';
import { textOf } from '../read/text.ts';
import rosterJson from './fixtures/roster.json' with { type: 'json' };
import { readStatements } from './index.ts';

const roster = rosterJson as Roster;
const read = (body: string, language = 'en', published = '2014-11-20') =>
  readStatements(body, { language, published, roster }).map((s) => ({
    content: textOf(body, s.content),
    speech: s.speech,
    cue: s.cue?.text ?? null,
    mention: s.speaker?.mention ?? null,
    id: s.speaker?.resolved?.id ?? null,
    span: textOf(body, s.span),
  }));

describe('readStatements: quotations', () => {
  it('reads a quote with its speaker after it, in either order', () => {
    expect(read('“The talks will go on,” Kuchma said.')).toMatchObject([
      { content: 'The talks will go on', speech: 'direct', cue: 'said', mention: 'Kuchma', id: 'kuchma' },
    ]);
    expect(read('"The talks will go on," said Alexander Lukashevich, the ministry\'s spokesman.')).toMatchObject([
      { content: 'The talks will go on', cue: 'said', mention: 'Alexander Lukashevich', id: 'lukashevich' },
    ]);
    expect(read('“The talks will go on,” Kuchma, Ukraine’s envoy, told reporters.')).toMatchObject([
      { cue: 'told reporters', mention: 'Kuchma, Ukraine’s envoy', id: 'kuchma' },
    ]);
  });

  it('reads a quote with its speaker before it', () => {
    expect(read('Zurabov said: „Russia is not a party to the conflict.“')).toMatchObject([
      { content: 'Russia is not a party to the conflict.', speech: 'direct', cue: 'said', mention: 'Zurabov', id: 'zurabov' },
    ]);
    expect(read('Кучма заявив: «Ми готові до зустрічі».', 'uk')).toMatchObject([{ content: 'Ми готові до зустрічі', cue: 'заявив', id: 'kuchma' }]);
  });

  it('reads a quote over several sentences as one statement, with all its sentences as the span', () => {
    const body = '“We came to Minsk. We waited for five hours. Nobody from Kiev turned up,” Pushilin told reporters.';
    expect(read(body, 'en', '2015-01-16')).toMatchObject([
      { content: 'We came to Minsk. We waited for five hours. Nobody from Kiev turned up', speech: 'direct', id: 'pushilin', span: body },
    ]);
  });

  it('gives a quote resumed after the attribution to the same speaker', () => {
    const out = read('“We are ready,” Tagliavini said. “The monitors can deploy tomorrow.”');
    expect(out).toMatchObject([
      { content: 'We are ready', id: 'tagliavini' },
      { content: 'The monitors can deploy tomorrow.', id: 'tagliavini', cue: null, speech: 'direct' },
    ]);
  });

  it('gives a quote continued into the next paragraph to the speaker named there', () => {
    const out = read('“We waited all day.\n\n“Nobody came,” Deinego said.', 'en', '2015-01-16');
    expect(out.map((s) => [s.content, s.id])).toEqual([
      ['We waited all day.', 'deinego'],
      ['Nobody came', 'deinego'],
    ]);
  });

  it('reads the Ukrainian and Russian dash after a quote', () => {
    expect(read('«Ми не поїдемо до Мінська», — сказав Кучма журналістам.', 'uk')).toMatchObject([
      { content: 'Ми не поїдемо до Мінська', cue: 'сказав', mention: 'Кучма', id: 'kuchma' },
    ]);
    expect(read('«Киев сорвал встречу», — заявил Лукашевич.', 'ru')).toMatchObject([{ content: 'Киев сорвал встречу', cue: 'заявил', id: 'lukashevich' }]);
  });

  it('takes a quoted fragment inside a sentence without a cue for a term, not a statement', () => {
    expect(read('The so-called “regime of silence” began on Tuesday.')).toEqual([]);
  });
});

describe('readStatements: reported speech', () => {
  it('reads "X said (that) …" and "…, X said"', () => {
    expect(read('Kuchma said on Friday that the talks would resume.')).toMatchObject([
      { content: 'the talks would resume', speech: 'reported', cue: 'said', mention: 'Kuchma' },
    ]);
    expect(read('The talks will resume next week, Lukashevich said on Thursday.')).toMatchObject([
      { content: 'The talks will resume next week', mention: 'Lukashevich', id: 'lukashevich' },
    ]);
    expect(read('On Thursday, Kuchma said the talks would resume.')).toMatchObject([{ mention: 'Kuchma', id: 'kuchma' }]);
  });

  it('reads "according to X" before and after the clause', () => {
    expect(read('According to Pushilin, the exchange will take place on Friday.')).toMatchObject([
      { content: 'the exchange will take place on Friday', cue: 'According to', id: 'pushilin' },
    ]);
    expect(read('The exchange will take place on Friday, according to the DPR.')).toMatchObject([
      { content: 'The exchange will take place on Friday', id: 'ordo' },
    ]);
  });

  it('reads "X told reporters", "X added" and "X accused Y of …"', () => {
    expect(read('Zurabov told reporters the monitors had arrived.')).toMatchObject([
      { content: 'the monitors had arrived', cue: 'told reporters', id: 'zurabov' },
    ]);
    expect(read('Kuchma said the talks had failed. He added that Ukraine would try again.')[1]).toMatchObject({
      content: 'Ukraine would try again',
      cue: 'added',
      id: 'kuchma',
    });
    expect(read('The rebels accused Kyiv of shelling Donetsk.')).toMatchObject([
      { content: 'Kyiv of shelling Donetsk', cue: 'accused', mention: 'The rebels', id: null },
    ]);
  });

  it('splits a sentence with two speakers or two verbs of one speaker', () => {
    expect(read('Moscow said Kiev had pulled out, while Ukrainian officials said the rebels had not confirmed.')).toMatchObject([
      { content: 'Kiev had pulled out', id: 'rus' },
      { content: 'the rebels had not confirmed', id: 'ukr' },
    ]);
    expect(read('Lukashevich said Moscow respected the vote, and insisted it did not violate the protocol.')).toMatchObject([
      { content: 'Moscow respected the vote', id: 'lukashevich' },
      { content: 'it did not violate the protocol', cue: 'insisted', id: 'lukashevich' },
    ]);
  });

  it('does not take the news agency a report is sourced to for a second statement', () => {
    expect(read("Kiev's envoy said there would be no new round, the agency reported.")).toMatchObject([
      { content: 'there would be no new round', id: 'kuchma' },
    ]);
  });

  it('calls a reported clause with a quoted fragment mixed', () => {
    expect(read('Kuchma said a new round was “not viable” while the shelling continued.')).toMatchObject([
      { content: 'a new round was “not viable” while the shelling continued', speech: 'mixed', id: 'kuchma' },
    ]);
  });

  it('reads the Ukrainian and Russian cues of reported speech', () => {
    expect(read('Кучма повідомив, що переговори завершилися.', 'uk')).toMatchObject([{ content: 'переговори завершилися', cue: 'повідомив', id: 'kuchma' }]);
    expect(read('За словами Пушиліна, обмін відбудеться у п’ятницю.', 'uk', '2014-12-24')).toMatchObject([
      { content: 'обмін відбудеться у п’ятницю', cue: 'За словами', id: 'pushilin' },
    ]);
    expect(read('Переговоры продолжатся, сообщил Зурабов.', 'ru')).toMatchObject([{ content: 'Переговоры продолжатся', cue: 'сообщил', id: 'zurabov' }]);
    expect(read('Зурабов заявил, что встреча состоится. По его словам, Киев согласен.', 'ru')).toMatchObject([
      { content: 'встреча состоится', id: 'zurabov' },
      { content: 'Киев согласен', cue: 'По его словам', mention: 'его', id: 'zurabov' },
    ]);
    expect(read('Как сообщил Лукашевич, встреча отложена.', 'ru')).toMatchObject([{ content: 'встреча отложена', id: 'lukashevich' }]);
  });
});

describe('readStatements: the November 2014 wire report', () => {
  // Written for this test in the style of the agency copy of 20 November 2014; not a real article.
  const body = [
    'MOSCOW, Nov 20 — Russia will spare no effort to convene another round of the contact group on Ukraine, Russian foreign ministry spokesman Alexander Lukashevich said on Thursday.',
    '“We are ready to help organise a new meeting in Minsk as soon as the sides agree,” Lukashevich told a briefing. He accused Kiev of dragging its feet.',
    'But Ukraine’s envoy, Leonid Kuchma, said a new round was not viable while the firing goes on.',
    'The rebels accused Kyiv of shelling residential areas of Donetsk overnight.',
    'More than 4,300 people have been killed since mid-April, according to the United Nations.',
    'A preparatory teleconference was scrapped on Wednesday, with each side blaming the other. Moscow said Kiev had failed to confirm its participation, while Kyiv said the rebels had refused to take part.',
  ].join('\n\n');
  const out = readStatements(body, { language: 'en', published: '2014-11-20', roster });
  const row = (i: number) => {
    const s = out[i]!;
    return [textOf(body, s.content), s.speech, s.speaker?.resolved?.id ?? null, s.stance, s.trigger?.text ?? null];
  };

  it('finds each statement and nothing else', () => {
    expect(out).toHaveLength(8);
  });

  it('reads the spokesman’s appeal and his quote', () => {
    expect(row(0)).toEqual([
      'Russia will spare no effort to convene another round of the contact group on Ukraine',
      'reported',
      'lukashevich',
      'appeal',
      'spare no effort',
    ]);
    expect(row(1)).toEqual([
      'We are ready to help organise a new meeting in Minsk as soon as the sides agree',
      'direct',
      'lukashevich',
      'commitment',
      'ready to',
    ]);
    expect(out[0]!.speaker!.resolved).toMatchObject({ kind: 'person', how: 'named' });
  });

  it('gives "he accused" to the spokesman, with less confidence', () => {
    expect(row(2)).toEqual(['Kiev of dragging its feet', 'reported', 'lukashevich', 'accusation', 'accused']);
    expect(out[2]!.speaker!.resolved).toMatchObject({ how: 'earlier mention' });
    expect(out[2]!.speaker!.resolved!.confidence).toBeLessThan(out[1]!.speaker!.resolved!.confidence);
  });

  it('reads the envoy’s condition', () => {
    expect(row(3)).toEqual(['a new round was not viable while the firing goes on', 'reported', 'kuchma', 'condition', 'not viable while']);
    expect(out[3]!.speaker!.mention).toBe('Ukraine’s envoy, Leonid Kuchma');
  });

  it('keeps the rebels and the UN as unresolved speakers', () => {
    expect(row(4)).toEqual(['Kyiv of shelling residential areas of Donetsk overnight', 'reported', null, 'accusation', 'accused']);
    expect(out[4]!.speaker!.mention).toBe('The rebels');
    expect(row(5)).toEqual(['More than 4,300 people have been killed since mid-April', 'reported', null, 'report', null]);
    expect(out[5]!.speaker!.mention).toBe('the United Nations');
  });

  it('reads the two sides of the scrapped teleconference', () => {
    expect(row(6).slice(0, 3)).toEqual(['Kiev had failed to confirm its participation', 'reported', 'rus']);
    expect(row(7).slice(0, 3)).toEqual(['the rebels had refused to take part', 'reported', 'ukr']);
  });

  it('points every span at the sentence it was read from', () => {
    for (const s of out) {
      expect(s.span.start).toBeLessThanOrEqual(s.content.start);
      expect(s.span.end).toBeGreaterThanOrEqual(s.content.end);
      if (s.cue) expect(textOf(body, s.cue.span)).toBe(s.cue.text);
      if (s.trigger) expect(textOf(body, s.trigger.span)).toBe(s.trigger.text);
      if (s.speaker) expect(textOf(body, s.speaker.span)).toBe(s.speaker.mention);
    }
  });
});

describe('readStatements on hostile input', () => {
  const hostile: Record<string, string> = {
    'quote marks': '"“«„'.repeat(50_000),
    'cues without full stops': 'Kuchma said, '.repeat(16_000),
    'according to': 'according to '.repeat(16_000),
    'short sentences with quotes': 'He said “We will come.” '.repeat(8_000),
    'one long word': 'a'.repeat(200_000),
    'lone surrogates': '\uD800\uDC00\uDC00'.repeat(60_000),
    newlines: '\n\n“'.repeat(60_000),
  };
  for (const [name, body] of Object.entries(hostile))
    // Its speed is the bench's to measure (bench/statements.bench.ts); here, that it ends and answers.
    it(`reads 200 KB of ${name} without throwing`, () => {
      expect(() => readStatements(body, { language: 'en', published: '2014-11-20', roster })).not.toThrow();
    });

  it('never throws, whatever it is given', () => {
    const opts = { language: 'xx', published: 'not a date', roster: { parties: [], people: [], mandates: [], meetings: [], incidents: [] } };
    for (const body of ['', ' ', '"', '«»', '“,” said.', 'said', ', said X.', 'According to', '— заявив', '\u0000\uFFFF'])
      expect(() => readStatements(body, opts)).not.toThrow();
    expect(readStatements(undefined as unknown as string, opts)).toEqual([]);
  });
});
