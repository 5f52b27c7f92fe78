import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEvents, type EventCandidate } from './index.ts';
import { ROSTER } from './roster.fixture.ts';

// 2014-11-20 was a Thursday.
const PUB = '2014-11-20';
const read = (body: string, language = 'en', published = PUB) => readEvents(body, { language, published, roster: ROSTER });
const actors = (e: EventCandidate) => e.actors.map((a) => `${a.role}:${a.partyId ?? '?'}`);
const kinds = (body: string, language = 'en') => read(body, language).map((e) => `${e.type}/${e.mode}`);

describe('readEvents: the model case in English', () => {
  const body =
    'Russia will spare no effort to convene another round of the contact group in Minsk, foreign ministry spokesman Alexander Lukashevich said on Thursday. ' +
    "Kyiv's envoy Leonid Kuchma said a new meeting was not viable while the firing goes on. " +
    'The rebels accused Kyiv of shelling residential areas of Donetsk overnight. ' +
    'More than 4,300 people have been killed since mid-April, according to the UN. ' +
    'A preparatory teleconference planned for Wednesday was scrapped, and each side blamed the other.';
  const events = read(body);

  it('reads one event per act, with its PLOVER type and mode', () => {
    expect(events.map((e) => `${e.type}/${e.mode}/${e.trigger.text}`)).toEqual([
      'consult/proposed/convene',
      'reject/occurred/not viable',
      'assault/occurred/firing',
      'accuse/occurred/accused',
      'consult/cancelled/scrapped',
      'accuse/occurred/blamed',
    ]);
  });

  it('resolves actors through names, aliases and people, with source and target', () => {
    expect(actors(events[0]!)).toEqual(['source:rus']);
    expect(events[1]!.actors).toEqual([expect.objectContaining({ mention: "Kyiv's envoy", partyId: 'ukr', role: 'source' })]);
    expect(events[3]!.actors.map((a) => [a.mention, a.partyId, a.role])).toEqual([
      ['rebels', null, 'source'],
      ['Kyiv', 'ukr', 'target'],
    ]);
  });

  it('matches the scrapped teleconference to the record by format and date', () => {
    const tele = events[4]!;
    expect(tele.date).toMatchObject({ text: 'Wednesday', from: '2014-11-19' });
    expect(tele.match).toMatchObject({ kind: 'meeting', id: 'm-11-tele' });
    expect(tele.match!.confidence).toBeGreaterThanOrEqual(0.7);
    expect(tele.match!.why).toContain('teleconference');
  });

  it('matches "another round … in Minsk" to the next round, and the rejected meeting too', () => {
    expect(events[0]!.date).toBeNull();
    expect(events[0]!.place?.mention).toBe('Minsk');
    expect(events[0]!.match).toMatchObject({ kind: 'meeting', id: 'm-12-09' });
    expect(events[1]!.match).toMatchObject({ kind: 'meeting', id: 'm-12-09' });
  });

  it('matches the accusation of shelling Donetsk to the incident of the day before', () => {
    expect(events[3]!.place?.mention).toBe('Donetsk');
    expect(events[3]!.match).toMatchObject({ kind: 'incident', id: 'i-donetsk' });
  });

  it('spans point at the words', () => {
    for (const e of events) {
      expect(body.slice(e.trigger.span.start, e.trigger.span.end)).toBe(e.trigger.text);
      for (const a of e.actors) expect(body.slice(a.span.start, a.span.end)).toBe(a.mention);
      expect(e.span.start).toBeLessThanOrEqual(e.trigger.span.start);
      expect(e.span.end).toBeGreaterThanOrEqual(e.trigger.span.end);
    }
  });
});

describe('readEvents: the model case in Ukrainian', () => {
  const body =
    'Російська сторона докладе всіх зусиль для скликання нового раунду контактної групи в Мінську, заявив речник МЗС Олександр Лукашевич. ' +
    'Леонід Кучма заявив, що нова зустріч неможлива, поки триває обстріл. ' +
    'Бойовики звинуватили Київ в обстрілах житлових кварталів Донецька. ' +
    'Підготовчу телеконференцію, заплановану на середу, скасували, і кожна сторона звинувачує іншу.';
  const events = read(body, 'uk');

  it('reads the same events', () => {
    expect(events.map((e) => `${e.type}/${e.mode}`)).toEqual([
      'consult/proposed',
      'reject/occurred',
      'assault/occurred',
      'accuse/occurred',
      'consult/cancelled',
      'accuse/occurred',
    ]);
    expect(actors(events[0]!)).toEqual(['source:rus']);
    expect(actors(events[1]!)).toEqual(['source:ukr']);
    expect(actors(events[3]!)).toEqual(['source:?', 'target:ukr']);
    expect(events[4]!.trigger.text).toBe('скасували');
    expect(events[4]!.date).toMatchObject({ text: 'середу', from: '2014-11-19' });
    expect(events[4]!.match).toMatchObject({ id: 'm-11-tele' });
    expect(events[3]!.match).toMatchObject({ id: 'i-donetsk' });
  });
});

describe('readEvents: the model case in Russian', () => {
  const body =
    'Россия приложит все усилия для созыва очередного раунда контактной группы, заявил официальный представитель МИД Александр Лукашевич. ' +
    'Кучма заявил, что новая встреча невозможна, пока продолжаются обстрелы. ' +
    'Ополченцы обвинили Киев в обстреле жилых кварталов Донецка. ' +
    'Подготовительная телеконференция, намеченная на среду, была отменена, и каждая сторона обвиняет другую.';
  const events = read(body, 'ru');

  it('reads the same events', () => {
    expect(events.map((e) => `${e.type}/${e.mode}`)).toEqual([
      'consult/proposed',
      'reject/occurred',
      'assault/occurred',
      'accuse/occurred',
      'consult/cancelled',
      'accuse/occurred',
    ]);
    expect(actors(events[0]!)).toEqual(['source:rus']);
    expect(actors(events[1]!)).toEqual(['source:ukr']);
    expect(actors(events[3]!)).toEqual(['source:?', 'target:ukr']);
    expect(events[4]!.trigger.text).toBe('отменена');
    expect(events[4]!.match).toMatchObject({ id: 'm-11-tele' });
    expect(events[0]!.match).toMatchObject({ id: 'm-12-09' });
  });
});

describe('readEvents: types', () => {
  it.each([
    ['The sides agreed to exchange prisoners.', 'en', ['agree/occurred', 'cooperate/occurred']],
    ['Kyiv demanded that Moscow pull back its troops.', 'en', ['request/occurred']],
    ['The OSCE welcomed the ceasefire.', 'en', ['support/occurred']],
    ['The rebels threatened to resume the offensive.', 'en', ['threaten/occurred']],
    ['Hundreds protested in Kyiv.', 'en', ['protest/occurred']],
    ['The EU imposed new sanctions on Russia.', 'en', ['sanction/occurred']],
    ['Kyiv said Russia deployed more troops.', 'en', ['mobilize/occurred']],
    ['Rebels detained two monitors.', 'en', ['coerce/occurred']],
    ['A regime of silence began on 9 December.', 'en', ['concede/occurred']],
    ['The rebels released 20 hostages.', 'en', ['concede/occurred']],
    ['Ukrainian forces withdrew from Debaltseve.', 'en', ['retreat/occurred']],
    ['A humanitarian convoy reached Luhansk.', 'en', ['aid/occurred']],
    ['Сторони підписали протокол.', 'uk', ['agree/occurred']],
    ['ОБСЄ закликала сторони до діалогу.', 'uk', ['request/occurred']],
    ['Київ відвів важке озброєння.', 'uk', ['retreat/occurred']],
    ['Повстанці затримали спостерігачів.', 'uk', ['coerce/occurred']],
    ['Стороны подписали меморандум.', 'ru', ['agree/occurred']],
    ['Киев отверг предложение.', 'ru', ['reject/occurred']],
    ['Ополченцы освободили заложников.', 'ru', ['concede/occurred']],
    ['Стороны обменялись пленными.', 'ru', ['cooperate/occurred']],
  ])('%s', (body, language, expected) => {
    expect(kinds(body, language)).toEqual(expected);
  });

  it('treats the ceasefire words as one trigger, not also as fire', () => {
    expect(kinds('Діє режим припинення вогню.', 'uk')).toEqual(['concede/occurred']);
    expect(kinds('Объявлено прекращение огня.', 'ru')).toEqual(['concede/occurred']);
  });
});

describe('readEvents: modes', () => {
  it.each([
    ['The contact group will meet in Minsk next week.', 'en', 'planned'],
    ['The round was postponed to Friday.', 'en', 'postponed'],
    ['Talks in Minsk ended without result.', 'en', 'failed'],
    ['Moscow proposed a new round of talks.', 'en', 'proposed'],
    ['The talks in Minsk were called off.', 'en', 'cancelled'],
    ['Зустріч перенесли на п’ятницю.', 'uk', 'postponed'],
    ['Переговори зірвано.', 'uk', 'failed'],
    ['Засідання відбудеться у Мінську.', 'uk', 'planned'],
    ['Встреча перенесена на пятницу.', 'ru', 'postponed'],
    ['Переговоры завершились безрезультатно.', 'ru', 'failed'],
    ['Следующая встреча состоится в Минске.', 'ru', 'planned'],
  ])('%s → %s', (body, language, mode) => {
    expect(read(body, language)[0]).toMatchObject({ type: 'consult', mode });
  });

  it('reads a failed agreement', () => {
    expect(read('The sides failed to agree on a line.')[0]).toMatchObject({ type: 'agree', mode: 'failed', trigger: { text: 'failed' } });
  });

  it('puts an act a side denies in the denied mode, and a bare denial as a rejection', () => {
    expect(read('Moscow denied sending troops into Ukraine.')[0]).toMatchObject({ type: 'mobilize', mode: 'denied', trigger: { text: 'denied' } });
    expect(actors(read('Moscow denied sending troops into Ukraine.')[0]!)).toEqual(['source:rus', 'target:ukr']);
    expect(read('Москва отрицает отправку войск.', 'ru')[0]).toMatchObject({ type: 'mobilize', mode: 'denied' });
    expect(read('Київ спростував ці звинувачення.', 'uk')[0]).toMatchObject({ type: 'reject', mode: 'occurred' });
  });

  it('keeps "next" and "another" to meetings', () => {
    expect(read('Another attack hit Donetsk.')[0]).toMatchObject({ type: 'assault', mode: 'occurred' });
  });
});

describe('readEvents: places, dates and matching', () => {
  it('reads places in three languages', () => {
    expect(read('Shelling continued near Donetsk airport.')[0]!.place?.mention).toBe('Donetsk airport');
    expect(read('Обстріли тривають біля донецького аеропорту.', 'uk')[0]!.place?.mention).toBe('донецького аеропорту');
    expect(read('Переговоры прошли в Минске.', 'ru')[0]!.place?.mention).toBe('Минске');
    expect(read('The talks took place in September.')[0]!.place).toBeNull();
  });

  it('takes the date of the act, not of the saying', () => {
    const [e] = read('Rebels shelled Donetsk airport on Tuesday, the army said on Wednesday.');
    expect(e!.date).toMatchObject({ text: 'Tuesday', from: '2014-11-18' });
    expect(e!.match).toMatchObject({ kind: 'incident', id: 'i-airport' });
    expect(e!.match!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('matches incidents in Ukrainian and Russian by date and place', () => {
    expect(read('Бойовики обстріляли донецький аеропорт у вівторок.', 'uk')[0]!.match).toMatchObject({ id: 'i-airport' });
    expect(read('Ополченцы обстреляли Донецкий аэропорт во вторник.', 'ru')[0]!.match).toMatchObject({ id: 'i-airport' });
  });

  it('gives a weaker match one day off', () => {
    const exact = read('The round in Minsk was held on 24 December.', 'en', '2014-12-27')[0]!.match!;
    const off = read('The round in Minsk was held on 25 December.', 'en', '2014-12-27')[0]!.match!;
    expect(exact).toMatchObject({ id: 'm-12-24' });
    expect(off).toMatchObject({ id: 'm-12-24' });
    expect(off.confidence).toBeLessThan(exact.confidence);
    expect(off.why).toContain('one day off');
  });

  it('matches a summit by its word, and no meeting when nothing fits', () => {
    expect(read('The Minsk summit was held on 12 February.', 'en', '2015-02-13')[0]!.match).toMatchObject({ id: 'm-15-02-12' });
    expect(read('The sides met in Vienna on 2 March.', 'en', '2015-03-05')[0]!.match).toBeNull();
    // An in-person round is no teleconference.
    expect(read('A teleconference was held on 24 December.', 'en', '2014-12-27')[0]!.match).toBeNull();
  });
});

describe('readEvents: robustness', () => {
  it('never throws and keeps spans inside the body', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.constantFrom('en', 'uk', 'ru'), (body, language) => {
        for (const e of read(body, language)) {
          expect(e.span.start).toBeGreaterThanOrEqual(0);
          expect(e.span.end).toBeLessThanOrEqual(body.length);
        }
      }),
      { numRuns: 300 },
    );
    expect(
      readEvents('talks', { language: 'en', published: 'never', roster: { parties: [], people: [], mandates: [], meetings: [], incidents: [] } }),
    ).toHaveLength(1);
  });

  // Its speed is the bench's to measure (bench/ingest.bench.ts); here, that a long body is read whole.
  it('reads 200 KB of report text', () => {
    const para =
      'Russia will spare no effort to convene another round in Minsk, Lukashevich said. The rebels accused Kyiv of shelling Donetsk on Wednesday. ' +
      'Бойовики звинуватили Київ в обстрілах Донецька. Встреча в Минске была отменена. More than 4,300 people have been killed since mid-April.\n\n';
    const body = para.repeat(Math.ceil(200_000 / para.length));
    expect(read(body).length).toBeGreaterThan(1000);
  });
});
