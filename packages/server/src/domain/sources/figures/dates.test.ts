import { describe, expect, it } from 'vitest';
import { readDates } from './index.ts';

// 2014-11-20 was a Thursday.
const PUB = '2014-11-20';
const read = (body: string, language = 'en', published = PUB) => readDates(body, { language, published }).map((d) => [d.text, d.from, d.to, d.precision]);
const one = (body: string, language = 'en', published = PUB) => read(body, language, published)[0];

describe('readDates: days of the week', () => {
  it('takes a bare weekday in the past as the latest one on or before publication', () => {
    expect(one('The teleconference planned for Wednesday was scrapped.')).toEqual(['Wednesday', '2014-11-19', '2014-11-19', 'day']);
    expect(one('They met on Thursday.')).toEqual(['Thursday', '2014-11-20', '2014-11-20', 'day']);
    expect(one('They met on Friday.')).toEqual(['Friday', '2014-11-14', '2014-11-14', 'day']);
  });

  it('takes the next one when the verb before it is future', () => {
    expect(one('The envoys will meet on Friday.')).toEqual(['Friday', '2014-11-21', '2014-11-21', 'day']);
    // …unless a past verb follows: the Monday they were due on has gone by.
    expect(one('The talks were due to resume on Monday but were called off.')).toEqual(['Monday', '2014-11-17', '2014-11-17', 'day']);
    expect(one('He said talks would be held on Monday.')).toEqual(['Monday', '2014-11-24', '2014-11-24', 'day']);
  });

  it('lets last/next/this override tense', () => {
    expect(one('last Thursday')).toEqual(['last Thursday', '2014-11-13', '2014-11-13', 'day']);
    expect(one('next Thursday')).toEqual(['next Thursday', '2014-11-27', '2014-11-27', 'day']);
    expect(one('this Saturday')).toEqual(['this Saturday', '2014-11-22', '2014-11-22', 'day']);
  });

  it('reads Ukrainian and Russian weekdays in their case forms', () => {
    expect(one('Зустріч скасували у середу.', 'uk')).toEqual(['середу', '2014-11-19', '2014-11-19', 'day']);
    expect(one("Сторони зустрінуться в п'ятницю, буде раунд.", 'uk')).toEqual(["п'ятницю", '2014-11-14', '2014-11-14', 'day']);
    expect(one("Сторони будуть у п'ятницю в Мінську.", 'uk')).toEqual(["п'ятницю", '2014-11-21', '2014-11-21', 'day']);
    expect(one('Встречу отменили в среду.', 'ru')).toEqual(['среду', '2014-11-19', '2014-11-19', 'day']);
    expect(one('Стороны встретятся в пятницу, заседание состоится в Минске.', 'ru')).toEqual(['пятницу', '2014-11-14', '2014-11-14', 'day']);
    expect(one('Заседание состоится в пятницу.', 'ru')).toEqual(['пятницу', '2014-11-21', '2014-11-21', 'day']);
  });

  it('does not take "серед" (among) or "среди" for Wednesday', () => {
    expect(read('Серед загиблих є діти. Среди погибших есть дети.', 'uk')).toEqual([]);
  });
});

describe('readDates: relative days and weeks', () => {
  it('reads yesterday, today, tomorrow in three languages', () => {
    expect(read('yesterday, today and tomorrow')).toEqual([
      ['yesterday', '2014-11-19', '2014-11-19', 'day'],
      ['today', '2014-11-20', '2014-11-20', 'day'],
      ['tomorrow', '2014-11-21', '2014-11-21', 'day'],
    ]);
    expect(one('Про це стало відомо вчора.', 'uk')).toEqual(['вчора', '2014-11-19', '2014-11-19', 'day']);
    expect(one('Об этом сообщили сегодня.', 'ru')).toEqual(['сегодня', '2014-11-20', '2014-11-20', 'day']);
  });

  it('reads weeks as Monday to Sunday', () => {
    expect(read('last week, this week, next week')).toEqual([
      ['last week', '2014-11-10', '2014-11-16', 'week'],
      ['this week', '2014-11-17', '2014-11-23', 'week'],
      ['next week', '2014-11-24', '2014-11-30', 'week'],
    ]);
    expect(one('Обмін відбувся минулого тижня.', 'uk')).toEqual(['минулого тижня', '2014-11-10', '2014-11-16', 'week']);
    expect(one('Обмен состоялся на прошлой неделе.', 'ru')).toEqual(['на прошлой неделе', '2014-11-10', '2014-11-16', 'week']);
    expect(one('the past week')).toEqual(['the past week', '2014-11-14', '2014-11-20', 'week']);
  });

  it('reads last/this/next month and year', () => {
    expect(one('last month')).toEqual(['last month', '2014-10-01', '2014-10-31', 'month']);
    expect(one('в прошлом месяце', 'ru')).toEqual(['в прошлом месяце', '2014-10-01', '2014-10-31', 'month']);
    expect(one('наступного року', 'uk')).toEqual(['наступного року', '2015-01-01', '2015-12-31', 'year']);
  });
});

describe('readDates: calendar dates', () => {
  it('reads day and month in both English orders, with or without a year', () => {
    expect(one('The protocol was signed on 5 September.')).toEqual(['5 September', '2014-09-05', '2014-09-05', 'day']);
    expect(one('The ceasefire took effect on September 5.')).toEqual(['September 5', '2014-09-05', '2014-09-05', 'day']);
    expect(one('on September 5th, 2014')).toEqual(['September 5th, 2014', '2014-09-05', '2014-09-05', 'day']);
    expect(one('on the 5th of September 2014')).toEqual(['5th of September 2014', '2014-09-05', '2014-09-05', 'day']);
    expect(one('Sept. 19')).toEqual(['Sept. 19', '2014-09-19', '2014-09-19', 'day']);
  });

  it('reads Ukrainian and Russian dates in the genitive, with "року"/"года"', () => {
    expect(one('Протокол підписали 5 вересня.', 'uk')).toEqual(['5 вересня', '2014-09-05', '2014-09-05', 'day']);
    expect(one('Меморандум підписали 19 вересня 2014 року.', 'uk')).toEqual(['19 вересня 2014 року', '2014-09-19', '2014-09-19', 'day']);
    expect(one('Протокол подписан 5 сентября.', 'ru')).toEqual(['5 сентября', '2014-09-05', '2014-09-05', 'day']);
    expect(one('12 февраля 2015 года', 'ru')).toEqual(['12 февраля 2015 года', '2015-02-12', '2015-02-12', 'day']);
  });

  it('puts a day without a year in the latest year that keeps it on or before publication, or the next if future', () => {
    expect(one('on 24 December')).toEqual(['24 December', '2013-12-24', '2013-12-24', 'day']);
    expect(one('The next round will be on 24 December.')).toEqual(['24 December', '2014-12-24', '2014-12-24', 'day']);
  });

  it('reads ranges of days', () => {
    expect(one('talks on 19-20 September')).toEqual(['19-20 September', '2014-09-19', '2014-09-20', 'day']);
    expect(one('on September 19–20')).toEqual(['September 19–20', '2014-09-19', '2014-09-20', 'day']);
  });

  it('reads numeric dates', () => {
    expect(one('2014-12-24')).toEqual(['2014-12-24', '2014-12-24', '2014-12-24', 'day']);
    expect(one('24.12.2014', 'uk')).toEqual(['24.12.2014', '2014-12-24', '2014-12-24', 'day']);
    expect(read('31.02.2014')).toEqual([]);
  });

  it('reads months: "in September" is the latest September, unless future', () => {
    expect(one('They met in September.')).toEqual(['September', '2014-09-01', '2014-09-30', 'month']);
    expect(one('They met in December.')).toEqual(['December', '2013-12-01', '2013-12-31', 'month']);
    expect(one('They will meet in December.')).toEqual(['December', '2014-12-01', '2014-12-31', 'month']);
    expect(one('у вересні', 'uk')).toEqual(['вересні', '2014-09-01', '2014-09-30', 'month']);
    expect(one('в сентябре', 'ru')).toEqual(['сентябре', '2014-09-01', '2014-09-30', 'month']);
  });

  it('needs a capital for English month names, and a preposition for a bare "May"', () => {
    expect(read('Troops march on. The talks may resume.')).toEqual([]);
    expect(read('May be the talks resume.')).toEqual([]);
    expect(one('Fighting began in May.')).toEqual(['May', '2014-05-01', '2014-05-31', 'month']);
  });

  it('reads years only after a preposition or with "року"/"года"', () => {
    expect(one('in 2014')).toEqual(['2014', '2014-01-01', '2014-12-31', 'year']);
    expect(one('у 2015 році', 'uk')).toEqual(['2015 році', '2015-01-01', '2015-12-31', 'year']);
    expect(read('2014 people were counted')).toEqual([]);
  });
});

describe('readDates: parts of months and "since"', () => {
  it('reads mid-April as the 11th to the 20th, early as 1–10, late as 21–end', () => {
    expect(one('in mid-April')).toEqual(['mid-April', '2014-04-11', '2014-04-20', 'month']);
    expect(one('in early September')).toEqual(['early September', '2014-09-01', '2014-09-10', 'month']);
    expect(one('late February')).toEqual(['late February', '2014-02-21', '2014-02-28', 'month']);
  });

  it('runs "since X" from the start of X to publication', () => {
    expect(one('killed since mid-April')).toEqual(['since mid-April', '2014-04-11', PUB, 'month']);
    expect(one('загинули з середини квітня', 'uk')).toEqual(['з середини квітня', '2014-04-11', PUB, 'month']);
    expect(one('погибли с середины апреля', 'ru')).toEqual(['с середины апреля', '2014-04-11', PUB, 'month']);
    expect(one('since 5 September')).toEqual(['since 5 September', '2014-09-05', PUB, 'day']);
  });
});

describe('readDates: seasons', () => {
  it('reads seasons with a word before them, and the Slavic adverbs', () => {
    expect(one('last winter')).toEqual(['last winter', '2013-12-01', '2014-02-28', 'season']);
    expect(one('this summer')).toEqual(['this summer', '2014-06-01', '2014-08-31', 'season']);
    expect(one('Бої тривали влітку.', 'uk')).toEqual(['влітку', '2014-06-01', '2014-08-31', 'season']);
    expect(one('Бои шли летом.', 'ru')).toEqual(['летом', '2014-06-01', '2014-08-31', 'season']);
    expect(read('a summer offensive')).toEqual([]);
  });
});

describe('readDates: robustness', () => {
  it('gives nothing for an unreadable publication date, and spans that point at the words', () => {
    expect(readDates('on Wednesday', { language: 'en', published: 'soon' })).toEqual([]);
    const body = 'Talks on 5 September, and since mid-April.';
    for (const d of readDates(body, { language: 'en', published: PUB })) expect(body.slice(d.span.start, d.span.end)).toBe(d.text);
  });
});
