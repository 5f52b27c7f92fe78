import { describe, expect, it } from 'vitest';
import { stripInert } from './strip-inert.ts';

describe('stripInert', () => {
  it('cuts scripts, styles, icons, menus and comments but keeps JSON-LD, forms and look-alike custom elements', () => {
    const html =
      '<head><script>track()</script><script type="application/ld+json">{"headline":"H"}</script><STYLE>p{}</STYLE></head>' +
      '<body><nav><a href="/">Home</a></nav><!-- ad slot --><form><p>Text <svg><path d="M0"/></svg>here.</p></form>' +
      '<nav-links><p>Kept</p></nav-links></body>';
    expect(stripInert(html)).toBe(
      '<head><script type="application/ld+json">{"headline":"H"}</script></head><body><form><p>Text here.</p></form><nav-links><p>Kept</p></nav-links></body>',
    );
  });

  it('lets an unclosed script swallow the rest, as a browser does, but leaves an unclosed menu to the parser', () => {
    expect(stripInert('<p>a</p><script>x = 1; <p>b</p>')).toBe('<p>a</p>');
    expect(stripInert('<nav><p>a</p><p>b</p>')).toBe('<nav><p>a</p><p>b</p>');
  });

  it('stays linear on a page of unclosed tags', () => {
    const hostile = '<nav><button>'.repeat(50_000) + '<p>text</p>';
    const t = performance.now();
    expect(stripInert(hostile)).toBe(hostile);
    expect(performance.now() - t).toBeLessThan(1_000);
  });
});
