import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFigures, type FigureCandidate } from './index.ts';

const PUB = '2014-11-20';
const read = (body: string, language = 'en') => readFigures(body, { language, published: PUB });
const brief = (f: FigureCandidate, body: string) => ({
  text: body.slice(f.span.start, f.span.end),
  qualifier: f.qualifier,
  value: f.value,
  unit: f.unit,
  measure: f.measure,
});
const all = (body: string, language = 'en') => read(body, language).map((f) => brief(f, body));
const one = (body: string, language = 'en') => all(body, language)[0];

describe('readFigures: the model case', () => {
  const body =
    'More than 4,300 people have been killed in eastern Ukraine since mid-April, according to the United Nations. ' +
    'The UN human rights office said at least 957 people had died since the ceasefire took effect on September 5.';

  it('reads the toll with its qualifier, measure, source and period', () => {
    const [toll, since] = read(body);
    expect(brief(toll!, body)).toEqual({
      text: 'More than 4,300 people have been killed',
      qualifier: 'more_than',
      value: 4300,
      unit: 'people',
      measure: 'killed',
    });
    expect(toll!.attributedTo?.mention).toBe('the United Nations');
    expect(toll!.period).toMatchObject({ from: '2014-04-11', to: PUB, precision: 'month', text: 'since mid-April' });
    expect(toll!.asOf).toBe(PUB);
    expect(brief(since!, body)).toMatchObject({ qualifier: 'at_least', value: 957, measure: 'killed' });
    expect(since!.attributedTo?.mention).toBe('The UN human rights office');
    // "since <an event> on <a date>" counts from that date.
    expect(since!.period).toMatchObject({ from: '2014-09-05', to: PUB, precision: 'day' });
  });
});

describe('readFigures: qualifiers', () => {
  it.each([
    ['more than 40 killed', 'more_than'],
    ['over 40 killed', 'more_than'],
    ['at least 40 killed', 'at_least'],
    ['no fewer than 40 killed', 'at_least'],
    ['about 40 killed', 'about'],
    ['around 40 killed', 'about'],
    ['some 40 killed', 'about'],
    ['nearly 40 killed', 'about'],
    ['almost 40 killed', 'about'],
    ['fewer than 40 killed', 'fewer_than'],
    ['up to 40 killed', 'up_to'],
    ['as many as 40 killed', 'up_to'],
    ['no more than 40 killed', 'up_to'],
    ['40 killed', 'exactly'],
    ['40 or more killed', 'at_least'],
  ])('%s → %s', (text, qualifier) => {
    expect(one(`Officials said ${text} in the fighting.`)).toMatchObject({ qualifier, value: 40, measure: 'killed' });
  });

  it('reads Ukrainian qualifiers', () => {
    expect(one('Понад 40 людей загинули.', 'uk')).toMatchObject({ qualifier: 'more_than', value: 40 });
    expect(one('Більше ніж 40 людей загинули.', 'uk')).toMatchObject({ qualifier: 'more_than', value: 40 });
    expect(one('Щонайменше 40 людей загинули.', 'uk')).toMatchObject({ qualifier: 'at_least', value: 40 });
    expect(one('Близько 40 людей загинули.', 'uk')).toMatchObject({ qualifier: 'about', value: 40 });
    expect(one('Майже 40 людей загинули.', 'uk')).toMatchObject({ qualifier: 'about', value: 40 });
  });

  it('reads Russian qualifiers', () => {
    expect(one('Более 40 человек погибли.', 'ru')).toMatchObject({ qualifier: 'more_than', value: 40 });
    expect(one('Свыше 40 человек погибли.', 'ru')).toMatchObject({ qualifier: 'more_than', value: 40 });
    expect(one('Не менее 40 человек погибли.', 'ru')).toMatchObject({ qualifier: 'at_least', value: 40 });
    expect(one('Около 40 человек погибли.', 'ru')).toMatchObject({ qualifier: 'about', value: 40 });
    expect(one('Почти 40 человек погибли.', 'ru')).toMatchObject({ qualifier: 'about', value: 40 });
    expect(one('Не более 40 человек погибли.', 'ru')).toMatchObject({ qualifier: 'up_to', value: 40 });
  });

  it('reads ranges with value = low and both bounds', () => {
    const [f] = read('Between 200 and 300 fighters were detained.');
    expect(f).toMatchObject({ value: 200, low: 200, high: 300, qualifier: 'at_least', measure: 'detained', unit: 'people' });
    expect(read('200-300 civilians were wounded.')[0]).toMatchObject({ low: 200, high: 300, measure: 'injured' });
    expect(read('Від 200 до 300 людей загинули.', 'uk')[0]).toMatchObject({ low: 200, high: 300, measure: 'killed' });
    expect(read('От 200 до 300 человек погибли.', 'ru')[0]).toMatchObject({ low: 200, high: 300, measure: 'killed' });
    expect(read('1.2 to 1.5 million people have been displaced.')[0]).toMatchObject({ low: 1_200_000, high: 1_500_000 });
  });
});

describe('readFigures: numbers', () => {
  it('reads digits with comma, space and thin-space grouping, decimals and scale words', () => {
    expect(one('4,300 killed')).toMatchObject({ value: 4300 });
    expect(one('4 300 killed')).toMatchObject({ value: 4300 });
    expect(one('4\u202f300 killed')).toMatchObject({ value: 4300 });
    expect(one('Over 1.2 million people have been displaced.')).toMatchObject({ value: 1_200_000, measure: 'displaced', qualifier: 'more_than' });
    expect(one('Около 1,2 млн человек стали беженцами.', 'ru')).toMatchObject({ value: 1_200_000, measure: 'refugees' });
    expect(one('Понад 4 300 людей загинули.', 'uk')).toMatchObject({ value: 4300 });
    expect(one('Понад 4.300 людей загинули.', 'uk')).toMatchObject({ value: 4300 });
  });

  it('reads English number words, and skips "dozens"', () => {
    expect(one('Two soldiers were killed.')).toMatchObject({ value: 2, measure: 'killed' });
    expect(one('Nearly two hundred people are missing.')).toMatchObject({ value: 200, measure: 'missing', qualifier: 'about' });
    expect(one('A dozen civilians were wounded.')).toMatchObject({ value: 12, measure: 'injured' });
    expect(all('Dozens were killed and hundreds wounded.')).toEqual([]);
  });

  it('reads small Ukrainian and Russian numerals', () => {
    expect(one('Троє військових загинули.', 'uk')).toMatchObject({ value: 3, measure: 'killed' });
    expect(one('Пять человек ранены.', 'ru')).toMatchObject({ value: 5, measure: 'injured' });
  });
});

describe('readFigures: what is not a figure', () => {
  it.each([
    'In 2014 the talks began and people were killed.',
    'The protocol of 5 September was signed; people were killed.',
    'The ceasefire began at 18:00 and three hours later people were killed.',
    'A 34-year-old man was killed.',
    'He was killed aged 45.',
    'Flight MH17 was downed and people were killed.',
    'Call +380 44 123 45 67 if anyone was killed.',
    'Resolution 2166 was passed after people were killed.',
    'About 5% of residents were killed, it was said.',
    'The 12-point protocol was signed after people were killed.',
    'Weapons of 100 mm calibre were withdrawn.',
    'Within 24 hours people were killed.',
    '4,300 people attended.',
  ])('%s', (body) => {
    expect(all(body)).toEqual([]);
  });
});

describe('readFigures: measures and units', () => {
  it('reads the measure after or before the number, and units of equipment and distance', () => {
    expect(all('Kyiv says 12 soldiers were killed and 30 wounded.')).toEqual([
      { text: '12 soldiers were killed', qualifier: 'exactly', value: 12, unit: 'people', measure: 'killed' },
      { text: '30 wounded', qualifier: 'exactly', value: 30, unit: 'people', measure: 'injured' },
    ]);
    expect(one('Shelling killed at least 12 people.')).toMatchObject({ text: 'killed at least 12 people', measure: 'killed' });
    expect(one('The exchange of 150 prisoners is due.')).toMatchObject({ measure: 'exchanged', unit: 'people', value: 150 });
    expect(one('They released 146 prisoners.')).toMatchObject({ measure: 'released' });
    expect(one('Some 20 people are missing.')).toMatchObject({ measure: 'missing' });
    expect(one('Up to 50 tanks were withdrawn.')).toMatchObject({ unit: 'tanks', measure: 'withdrawn', qualifier: 'up_to' });
    expect(one('Heavy weapons were withdrawn at least 15 km from the line.')).toMatchObject({ unit: 'km', measure: 'withdrawn', value: 15 });
    expect(one('a zone of 30 km')).toMatchObject({ unit: 'km', measure: 'distance' });
    expect(one('Kyiv said about 500 km² had been taken.')).toMatchObject({ unit: 'km2', measure: 'area', qualifier: 'about' });
    expect(one('260,000 refugees')).toMatchObject({ measure: 'refugees', value: 260000 });
  });

  it('reads Ukrainian measures with their inflection', () => {
    expect(one('Звільнено 146 полонених.', 'uk')).toMatchObject({ measure: 'released', unit: 'people', value: 146 });
    expect(one('Щонайменше 12 військових поранено.', 'uk')).toMatchObject({ measure: 'injured', qualifier: 'at_least' });
    expect(one('Вбито 7 бойовиків.', 'uk')).toMatchObject({ measure: 'killed', value: 7 });
    expect(one('У полоні перебувають 150 полонених.', 'uk')).toMatchObject({ measure: 'detained' });
  });

  it('reads Russian measures with their inflection', () => {
    expect(one('Убиты 7 боевиков.', 'ru')).toMatchObject({ measure: 'killed', value: 7 });
    expect(one('Обменяли 150 пленных.', 'ru')).toMatchObject({ measure: 'exchanged' });
    expect(one('Освобождены 146 пленных.', 'ru')).toMatchObject({ measure: 'released' });
    expect(one('Более 30 военных ранены.', 'ru')).toMatchObject({ measure: 'injured' });
  });
});

describe('readFigures: attribution, period and as-of', () => {
  it('attributes by "according to", "X said/says" and the Slavic cues', () => {
    const uk = read('За даними ООН, понад 4 300 людей загинули з середини квітня.', 'uk')[0]!;
    expect(uk.attributedTo?.mention).toBe('ООН');
    expect(uk.period).toMatchObject({ from: '2014-04-11', to: PUB });
    const ru = read('По данным ООН, более 4 300 человек погибли с середины апреля.', 'ru')[0]!;
    expect(ru.attributedTo?.mention).toBe('ООН');
    expect(ru.period).toMatchObject({ from: '2014-04-11', to: PUB });
    expect(read('More than 4,300 people have been killed, the UN said.')[0]!.attributedTo?.mention).toBe('the UN');
    expect(read('Kyiv says 12 soldiers were killed.')[0]!.attributedTo).toMatchObject({ mention: 'Kyiv', span: { start: 0, end: 4 } });
    expect(read('Двоє військових загинули, повідомили в штабі.', 'uk')[0]!.attributedTo?.mention).toBe('штабі');
    expect(read('12 people were killed.')[0]!.attributedTo).toBeNull();
  });

  it('takes a date after the figure as its period, and "as of" as the day it stands on', () => {
    const f = read('Twelve people were killed on Wednesday.')[0]!;
    expect(f.period).toMatchObject({ from: '2014-11-19', to: '2014-11-19', precision: 'day' });
    const asOf = read('As of Monday, 9,921 people had been wounded since mid-April.')[0]!;
    expect(asOf.asOf).toBe('2014-11-17');
    expect(asOf.period).toMatchObject({ from: '2014-04-11', to: '2014-11-17' });
    expect(read('Станом на 18 листопада загинули 4 317 людей.', 'uk')[0]!.asOf).toBe('2014-11-18');
    expect(read('По состоянию на 18 ноября погибли 4 317 человек.', 'ru')[0]!.asOf).toBe('2014-11-18');
    expect(read('Minsk said on Monday that 12 people were killed.')[0]!.period).toBeNull();
  });
});

describe('readFigures: robustness', () => {
  it('never throws and keeps its spans inside the body', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('en', 'uk', 'ru', 'xx'), (body, language) => {
        for (const f of readFigures(body, { language, published: PUB })) {
          expect(f.span.start).toBeGreaterThanOrEqual(0);
          expect(f.span.end).toBeLessThanOrEqual(body.length);
        }
      }),
      { numRuns: 300 },
    );
    expect(readFigures('', { language: 'en', published: 'x' })).toEqual([]);
    expect(read('1,'.repeat(5000) + '9 '.repeat(5000))).toBeInstanceOf(Array);
  });

  // Its speed is the bench's to measure (bench/ingest.bench.ts); here, that a long body is read whole.
  it('reads 200 KB of report text', () => {
    const para =
      'More than 4,300 people have been killed since mid-April, according to the UN. Kyiv says 12 soldiers were killed and 30 wounded on Wednesday. ' +
      'Понад 4 300 людей загинули у середу. Более 1,2 млн человек стали беженцами на прошлой неделе. In 2014, a 34-year-old man was seen at 18:00.\n\n';
    const body = para.repeat(Math.ceil(200_000 / para.length));
    const found = read(body);
    expect(found.length).toBeGreaterThan(1000);
  });
});
