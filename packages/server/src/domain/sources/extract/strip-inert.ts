/**
 * Markup cut from a page before parsing, because parsing is half the cost: linkedom gives every node its own
 * event-listener table, and a news page's scripts, styles, inline icons, menus and controls are often most of its
 * nodes. Only what never holds article text goes: script, style, svg, noscript, template, comments, nav, and what
 * Readability would remove from the article anyway (aside, iframe, form controls, link, input, source). JSON-LD
 * scripts stay, for Readability reads the headline and byline from them. Forms and footers stay: some sites wrap the
 * whole page in a form, and removing footers early changes which container Readability picks.
 */
const OPEN =
  /<(script|style|svg|noscript|template|nav|aside|iframe|select|button|textarea)(?=[\s/>])[^>]*>|<!--|<(?:link|input|source|path|use)(?=[\s/>])[^>]*>/gi;

/** Elements whose content is raw text to a browser: left open, they run to the end of the page, and so they are cut. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'noscript']);

/**
 * One pass, linear in the page: each element is cut from its opening tag to the first matching closing tag found
 * by a forward search (a nested element of the same name leaves a stray closing tag, which parsers ignore). Once a
 * closing tag is known to be missing, later openings of that element are not searched again, so a hostile page of
 * unclosed tags cannot make the pass quadratic.
 */
export function stripInert(html: string): string {
  const closers = new Map<string, RegExp>();
  const unclosedFrom = new Map<string, number>();
  let out = '';
  let last = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(html); m; m = OPEN.exec(html)) {
    const tag = m[1]?.toLowerCase();
    const after = m.index + m[0].length;
    let end: number;
    if (m[0] === '<!--') {
      const close = html.indexOf('-->', after);
      end = close < 0 ? html.length : close + 3;
    } else if (!tag) end = after;
    else if (tag === 'script' && /application\/ld\+json/i.test(m[0])) continue;
    else {
      const close = (unclosedFrom.get(tag) ?? Infinity) <= after ? -1 : findClose(html, tag, after, closers);
      if (close < 0) unclosedFrom.set(tag, Math.min(unclosedFrom.get(tag) ?? Infinity, after));
      if (close < 0 && !RAW_TEXT.has(tag)) continue; // an unclosed menu or icon is left to the parser
      end = close < 0 ? html.length : close;
    }
    out += html.slice(last, m.index);
    last = end;
    OPEN.lastIndex = end;
  }
  return out + html.slice(last);
}

/** The index just past `</tag …>` at or after `from`, or -1. */
function findClose(html: string, tag: string, from: number, closers: Map<string, RegExp>): number {
  let re = closers.get(tag);
  if (!re) closers.set(tag, (re = new RegExp(`</${tag}\\s*>`, 'gi')));
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index + m[0].length : -1;
}
