import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/app-error.ts';
import { MAX_HTML_DEPTH, MAX_HTML_TAGS, scanHtml } from './html-scan.ts';

const reasonOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.reason as string;
    throw e;
  }
  return 'accepted';
};

describe('scanHtml', () => {
  it('counts tags, depth and visible text', () => {
    expect(scanHtml('<html><body><div><p>Hello <b>world</b></p></div></body></html>')).toEqual({ tags: 10, depth: 5, textChars: 10 });
  });

  it('closes elements the way the HTML parser does, so long lists and tables are not deep', () => {
    const list = `<ul>${'<li>item'.repeat(5_000)}</ul>`;
    expect(scanHtml(list).depth).toBe(2);
    const table = `<table>${'<tr><td>a<td>b'.repeat(2_000)}</table>`;
    expect(scanHtml(table).depth).toBe(3);
    const paragraphs = `<body>${'<p>para'.repeat(2_000)}<div>x</div></body>`;
    expect(scanHtml(paragraphs).depth).toBe(2);
    expect(scanHtml(`${'<br>'.repeat(2_000)}${'<img src=x>'.repeat(2_000)}${'<span/>'.repeat(2_000)}`).depth).toBe(0);
  });

  it('does not read tags inside scripts, styles, comments and quoted attributes', () => {
    const page = `<p title="a > b" data-x='<div><div>'>${'<!-- <div> -->'.repeat(1000)}<script>${'<div>'.repeat(1000)}</SCRIPT><style>p > a {}</style>Text</p>`;
    expect(scanHtml(page)).toMatchObject({ depth: 1, textChars: 4 });
  });

  it('matches end tags to open elements, and passes over stray ones', () => {
    expect(scanHtml(`<div><b><i>x</b></i></div>${'</span>'.repeat(10_000)}<p>y</p>`).depth).toBe(3);
  });

  it('refuses nesting deeper than the limit, wherever it is', () => {
    expect(reasonOf(() => scanHtml('<div>'.repeat(MAX_HTML_DEPTH + 1)))).toBe('html_too_deep');
    expect(reasonOf(() => scanHtml('<font><b>'.repeat(MAX_HTML_DEPTH)))).toBe('html_too_deep');
    expect(reasonOf(() => scanHtml('<div>'.repeat(MAX_HTML_DEPTH)))).toBe('accepted');
  });

  it('refuses more tags than the limit', () => {
    expect(reasonOf(() => scanHtml('<i></i>'.repeat(MAX_HTML_TAGS / 2 + 1)))).toBe('html_too_large');
    expect(reasonOf(() => scanHtml('<i></i>'.repeat(MAX_HTML_TAGS / 2)))).toBe('accepted');
  });

  it('comes to an end on malformed markup: unclosed tags, quotes and comments', () => {
    expect(scanHtml('<div title="never closed>text').tags).toBe(1);
    expect(scanHtml('<p>a<!-- never closed').textChars).toBe(1);
    expect(scanHtml('<script>never closed').textChars).toBe(0);
    expect(scanHtml('a < b and c<1').textChars).toBe(9);
  });
});
