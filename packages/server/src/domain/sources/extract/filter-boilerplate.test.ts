import { describe, expect, it } from 'vitest';
import { filterBlocks, filterBoilerplate, wholeRule } from './filter-boilerplate.ts';

const paragraphs = (body: string) => body.split('\n\n');

describe('filterBoilerplate', () => {
  it('takes a donation appeal off the end of an English wire story and keeps it in setAside', () => {
    const scrape = [
      'KYIV (Reuters) - Delegations met in Minsk on Tuesday to discuss an exchange of detainees, officials said.',
      'The talks lasted six hours and ended without a joint statement.',
      'Read more: Ceasefire holds in the east for a third day',
      'A second round is planned for next week, according to the mediator.',
      'Please support our journalism. Independent reporting costs money: donate today and help us keep our newsroom open.',
      'Donate now',
      'PayPal: donations@example.org',
    ].join('\n');
    const { body, setAside } = filterBoilerplate(scrape);
    expect(paragraphs(body)).toEqual([
      'KYIV (Reuters) - Delegations met in Minsk on Tuesday to discuss an exchange of detainees, officials said.',
      'The talks lasted six hours and ended without a joint statement.',
      'A second round is planned for next week, according to the mediator.',
    ]);
    expect(setAside).toEqual([
      'Read more: Ceasefire holds in the east for a third day',
      'Please support our journalism. Independent reporting costs money: donate today and help us keep our newsroom open.',
      'Donate now',
      'PayPal: donations@example.org',
    ]);
  });

  it('cuts a publisher appeal glued to the last paragraph of a republished story, keeping the story', () => {
    const { body, setAside } = filterBoilerplate(
      'The exchange took place at a checkpoint near the line of contact. Forty people were released. If you value our reporting, please consider a monthly donation to keep it free for everyone.',
    );
    expect(body).toBe('The exchange took place at a checkpoint near the line of contact. Forty people were released.');
    expect(setAside).toEqual(['If you value our reporting, please consider a monthly donation to keep it free for everyone.']);
  });

  it('removes an appeal in the middle and keeps the article after it', () => {
    const { body, setAside } = filterBoilerplate(
      [
        'The water station was repaired on Monday after a week without supply.',
        'Sign up for our newsletter to get the morning briefing in your inbox.',
        'Engineers said the pumps had been damaged by shelling on both sides of the river.',
        'Residents queued for drinking water at three points in the town.',
      ].join('\n\n'),
    );
    expect(paragraphs(body)).toEqual([
      'The water station was repaired on Monday after a week without supply.',
      'Engineers said the pumps had been damaged by shelling on both sides of the river.',
      'Residents queued for drinking water at three points in the town.',
    ]);
    expect(setAside).toEqual(['Sign up for our newsletter to get the morning briefing in your inbox.']);
  });

  it('filters a Ukrainian scrape: «Читайте також», a photo credit and a «Підтримайте» appeal with its card number', () => {
    const { body, setAside } = filterBoilerplate(
      [
        'Сторони домовилися про обмін полоненими до кінця місяця, повідомили в офісі омбудсмана.',
        'Фото: Олена Коваль',
        'Читайте також: У Донецькій області відновили подачу води',
        'Наступна зустріч контактної групи запланована на четвер.',
        'Підтримайте незалежну журналістику — кожен внесок важливий для нашої редакції.',
        'Картка: 4441 1111 2222 3333',
      ].join('\n'),
    );
    expect(paragraphs(body)).toEqual([
      'Сторони домовилися про обмін полоненими до кінця місяця, повідомили в офісі омбудсмана.',
      'Наступна зустріч контактної групи запланована на четвер.',
    ]);
    expect(setAside).toHaveLength(4);
    expect(setAside[3]).toBe('Картка: 4441 1111 2222 3333');
  });

  it('filters a Russian scrape: «Читайте также», a timestamp and «Подпишитесь» / «Поддержите нас» at the end', () => {
    const { body, setAside } = filterBoilerplate(
      [
        'Опубликовано: 19 ноября 2019, 08:57',
        'Наблюдатели зафиксировали нарушения режима тишины у трёх населённых пунктов.',
        'Читайте также: Стороны обменялись списками задержанных',
        'По словам миссии, жертв среди мирного населения нет.',
        'Поддержите нас: наша работа существует только благодаря читателям.',
        'Подпишитесь на наш Telegram-канал, чтобы не пропустить главное.',
      ].join('\n'),
    );
    expect(paragraphs(body)).toEqual([
      'Наблюдатели зафиксировали нарушения режима тишины у трёх населённых пунктов.',
      'По словам миссии, жертв среди мирного населения нет.',
    ]);
    expect(setAside).toEqual([
      'Опубликовано: 19 ноября 2019, 08:57',
      'Читайте также: Стороны обменялись списками задержанных',
      'Поддержите нас: наша работа существует только благодаря читателям.',
      'Подпишитесь на наш Telegram-канал, чтобы не пропустить главное.',
    ]);
  });

  it('leaves an article with nothing to remove as it was, only its whitespace normalised', () => {
    const article = [
      'The mediator said both parties would  support the monitoring mission\tfor another year.',
      '',
      '',
      'Asked about the newsletter that the mission publishes weekly, she said it would continue.',
      'The home ministry declined to comment; a statement is expected on Friday.',
      'Read the agreement carefully, she added, because every word was negotiated.',
    ].join('\n');
    const { body, setAside } = filterBoilerplate(article);
    expect(setAside).toEqual([]);
    expect(paragraphs(body)).toEqual([
      'The mediator said both parties would support the monitoring mission for another year.',
      'Asked about the newsletter that the mission publishes weekly, she said it would continue.',
      'The home ministry declined to comment; a statement is expected on Friday.',
      'Read the agreement carefully, she added, because every word was negotiated.',
    ]);
  });

  it('names the rule for navigation remnants, cookie notices, credits, bylines and share lines', () => {
    expect(wholeRule('Home News Sports')).toBe('navigation');
    expect(wholeRule('Головна Новини')).toBe('navigation');
    expect(wholeRule('We use cookies to improve your experience. By continuing to browse you accept them.')).toBe('cookie-notice');
    expect(wholeRule('Цей сайт використовує файли cookie для зручності користувачів.')).toBe('cookie-notice');
    expect(wholeRule('Image copyright')).toBe('photo-credit');
    expect(wholeRule('(Photo by Jane Doe/Getty Images)')).toBe('photo-credit');
    expect(wholeRule('By Olena Kovalenko and Jan Novak')).toBe('byline');
    expect(wholeRule('Published 9:12 AM EET Mar 4, 2015')).toBe('timestamp');
    expect(wholeRule('Share this article')).toBe('share-follow');
    expect(wholeRule('Поділитися')).toBe('share-follow');
    expect(wholeRule('Home › World › Europe')).toBe('breadcrumb');
    expect(wholeRule('You may also like...')).toBe('read-more');
    expect(wholeRule('Also on example.org Delegates from both sides trade accusations as the second round of talks in Minsk stalls again')).toBe('read-more');
    expect(wholeRule('Like this article? Share it with your colleagues!')).toBe('reader-prompt');
    expect(wholeRule('Instagram: @kyiv_daily')).toBe('social-handle');
    expect(wholeRule('Follow Example Radio on Instagram, Facebook and YouTube.')).toBe('share-follow');
    expect(wholeRule('Image 3 of 12')).toBe('photo-credit');
    expect(wholeRule('Note: we are moderating all comments because of spam.')).toBe('comments');
    expect(wholeRule('* * *')).toBe('divider');
    expect(wholeRule('By Olena Kovalenko, Jan Novak on Monday, March 4th, 2015 at 11:08 a.m.')).toBe('byline');
    // Prose that merely contains the words stays.
    expect(wholeRule('By the end of the day, the convoy had reached the city.')).toBeNull();
    expect(wholeRule('Group B: Ukraine, Moldova/Georgia/Armenia')).toBeNull();
  });

  it('sets aside the headlines listed under a bare "Don\'t miss" up to the next sentence', () => {
    const { body, setAside } = filterBoilerplate(
      [
        'The convoy left Zaporizhzhia on Tuesday.',
        "DON'T MISS",
        'Convoy reaches the besieged town [VIDEO]',
        'Monitors count shelling overnight [ANALYSIS]',
        'Officials said the risk was low.',
      ].join('\n'),
    );
    expect(paragraphs(body)).toEqual(['The convoy left Zaporizhzhia on Tuesday.', 'Officials said the risk was low.']);
    expect(setAside).toHaveLength(3);
    const uk = filterBoilerplate(
      ['Обмін відбувся в неділю.', 'Інші новини', 'На Донеччині відновили подачу води', 'Сторони домовилися про нову зустріч'].join('\n'),
    );
    expect(uk.body).toBe('Обмін відбувся в неділю.');
    expect(wholeRule('More Great Example Stories')).toBe('read-more');
  });

  it('sets aside tags, copyright lines and notes about the author', () => {
    expect(wholeRule('Tags: ceasefire, Donbas, talks')).toBe('tags');
    expect(wholeRule('Copyright © 2015 Example Media. All rights reserved.')).toBe('copyright');
    expect(wholeRule('Ivan Petrenko is a reporter for Example News.')).toBe('author-note');
    // Only at the foot of an article: in the middle, a sentence about a journalist is about the story.
    expect(wholeRule('Ivan Petrenko is a reporter for Example News.', false)).toBeNull();
    expect(wholeRule('Anna Sydorenko contributed to this report.')).toBe('author-note');
    expect(wholeRule('Taras Bondar contributed reporting from Kharkiv.')).toBe('author-note');
    expect(wholeRule('About the Author')).toBe('author-note');
    expect(wholeRule('The report is a reminder that the talks are fragile.')).toBeNull();
  });

  it('sets aside a run of link-only paragraphs but keeps a single link and a written-out address', () => {
    const { body, setAside } = filterBlocks([
      { text: 'The report was published on Monday.', linkShare: 0 },
      { text: 'Read the full report', linkShare: 1 },
      { text: 'It runs to 40 pages.', linkShare: 0 },
      { text: 'Ceasefire holds for a third day', linkShare: 1 },
      { text: 'Water restored in two towns', linkShare: 1 },
      { text: 'https://example.org/report.pdf', linkShare: 1 },
    ]);
    expect(paragraphs(body)).toEqual(['The report was published on Monday.', 'Read the full report', 'It runs to 40 pages.', 'https://example.org/report.pdf']);
    expect(setAside).toEqual(['Ceasefire holds for a third day', 'Water restored in two towns']);
  });

  it('keeps news that uses the words of boilerplate: membership, donations, help, cookies, sharing, dates as headings', () => {
    const news = [
      'Ukraine wants to become a member of NATO, the foreign minister said.',
      'Also on Tuesday, the ministry said that the allies would support our mission in the east.',
      'Related talks were held in Minsk, where delegates were asked to make a donation to the relief fund.',
      '«Допоможіть нам, у нас немає води», — сказала мешканка селища.',
      'Уряд закликав партнерів підтримати нашу армію та розсилку повісток не зупиняли.',
      'By continuing to use force, the commander said, the other side breaks the ceasefire.',
      'Share the burden, the mediator told both delegations.',
      'Copyright law was not on the agenda of the talks.',
      'Residents can donate blood at the city hospital.',
      'Джерело: Координаційний штаб з питань поводження з військовополоненими',
      'Maria Ivanova is a journalist for a local paper who was detained in Donetsk in 2017.',
    ];
    const { body, setAside } = filterBoilerplate(news.join('\n'));
    expect(setAside).toEqual([]);
    expect(paragraphs(body)).toEqual(news);
    expect(filterBlocks([{ text: '9 May 2014', tag: 'h3' }, { text: 'Fighting in Mariupol.' }]).setAside).toEqual([]);
  });

  it('reads a block of lines wrapped at a fixed width as one paragraph, and cuts a wrapped appeal whole', () => {
    const scrape = [
      'The exchange took place at a checkpoint near the line of contact on',
      'Sunday morning, and forty people were released by each side.',
      '',
      'Dear readers, if you value our reporting, please consider a monthly',
      'donation: independent journalism in wartime depends on you and only',
      'on you.',
    ].join('\n');
    const { body, setAside } = filterBoilerplate(scrape);
    expect(body).toBe('The exchange took place at a checkpoint near the line of contact on Sunday morning, and forty people were released by each side.');
    expect(setAside).toEqual([
      'Dear readers, if you value our reporting, please consider a monthly donation: independent journalism in wartime depends on you and only on you.',
    ]);
  });
});
