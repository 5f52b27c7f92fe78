import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article.ts';
import { walkBlocks } from './html-blocks.ts';
import { parseHTML } from 'linkedom';

const PROSE = [
  'Delegations of both parties met in Geneva on Tuesday for the third round of talks on the exchange of detainees, the mediator said in a statement after the meeting.',
  'The talks lasted six hours. Both sides handed over updated lists, and the mediator proposed that the exchange take place at a checkpoint near the line of contact before the end of the month.',
  'Observers said the proposal was the most concrete step since the ceasefire was agreed, although several questions about verification remained open and would be discussed next week.',
  'A fourth round is planned for early December, according to people familiar with the preparations, who asked not to be named because the schedule has not been announced.',
];

function page(lang: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><title>Talks on detainees resume in Geneva | Example News</title>
<script>window.tracking = { id: 1 };</script><style>.x{color:red}</style></head><body>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner" id="cookie-consent">We use cookies to improve your experience. <button>Accept all cookies</button></div>
<main><article>
<h1>Talks on detainees resume in Geneva</h1>
${body}
</article></main>
<footer><p>© 2019 Example News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;
}

describe('extractArticle', () => {
  it('keeps the article and sets aside the menu, cookie banner, figure caption, share bar, related links and newsletter box', () => {
    const html = page(
      'en',
      `<p>Talks on detainees resume in Geneva</p>
<p class="byline">By Jane Doe</p>
<p>${PROSE[0]}</p>
<figure><img src="a.jpg"><figcaption>Delegates arrive in Geneva. (Photo: John Roe/Reuters)</figcaption></figure>
<p>${PROSE[1]}</p>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<p>${PROSE[2]}</p>
<p>Sign up for our newsletter to get the morning briefing in your inbox.</p>
<p>${PROSE[3]}</p>
<p>news.example/talks</p>
<h3>Related</h3>
<ul><li><a href="/a">Ceasefire holds in the east for a third day</a></li><li><a href="/b">Water supply restored in two towns</a></li></ul>`,
    );
    const out = extractArticle(html, 'https://news.example/talks');
    expect(out.title).toBe('Talks on detainees resume in Geneva');
    expect(out.body).toBe(PROSE.join('\n\n'));
    expect(out.language).toBe('en');
    // Readability itself drops the share bar (its class reads as unlikely content); the rest is Parley's and kept aside.
    for (const text of [
      'Delegates arrive in Geneva. (Photo: John Roe/Reuters)',
      'Sign up for our newsletter to get the morning briefing in your inbox.',
      'Ceasefire holds in the east for a third day',
      'news.example/talks',
      'Talks on detainees resume in Geneva',
    ])
      expect(out.setAside).toContain(text);
    expect(out.body).not.toMatch(/cookies|Home|Privacy|Facebook|By Jane Doe/);
  });

  it('filters a Ukrainian page and takes its language from the page', () => {
    const uk = [
      'Сторони домовилися про обмін полоненими до кінця місяця, повідомили в офісі омбудсмана після зустрічі контактної групи у вівторок.',
      'За словами посередника, обмін може відбутися на пункті пропуску поблизу лінії розмежування, якщо обидві сторони підтвердять списки.',
      'Спостерігачі назвали цю пропозицію найконкретнішим кроком від початку перемир’я, хоча низка питань щодо перевірки залишається відкритою.',
    ];
    const out = extractArticle(
      page(
        'uk-UA',
        `<p>${uk[0]}</p><p>Читайте також: У Донецькій області відновили подачу води</p><p>${uk[1]}</p><p>${uk[2]}</p><p>Підтримайте незалежну журналістику — кожен внесок важливий.</p>`,
      ),
    );
    expect(out.body).toBe(uk.join('\n\n'));
    expect(out.language).toBe('uk');
    expect(out.setAside).toContain('Читайте також: У Донецькій області відновили подачу води');
  });

  it('gives an empty body, not an error, for a page without an article', () => {
    const out = extractArticle('<html><body><nav><a href="/">Home</a></nav></body></html>');
    expect(out.body).toBe('');
  });
});

describe('walkBlocks', () => {
  it('makes each block a paragraph instead of gluing list items together as textContent does', () => {
    const { document } = parseHTML('<div><p>One <b>two</b></p><ul><li>Three</li><li>Four</li></ul>Five<br>Six</div>');
    const root = document.querySelector('div')!;
    expect(root.textContent).toBe('One twoThreeFourFiveSix');
    expect(walkBlocks(root).blocks.map((b) => b.text)).toEqual(['One two', 'Three', 'Four', 'Five', 'Six']);
  });

  it('sets aside captions named in camelCase and short texts in picture containers, but not a container holding the article', () => {
    const long = 'Words of the article that go on for a while. '.repeat(20);
    const { document } = parseHTML(
      `<div class="ad-container"><p>${long}</p><div class="articleImage"><p>Delegates arrive.</p></div><p>Next <span class="photoCaption">(Reuters)</span> line.</p></div>`,
    );
    const { blocks, setAside } = walkBlocks(document.querySelector('div')!);
    expect(blocks.map((b) => b.text)).toEqual([long.trim(), 'Next line.']);
    expect(setAside).toEqual(['Delegates arrive.', '(Reuters)']);
  });
});
