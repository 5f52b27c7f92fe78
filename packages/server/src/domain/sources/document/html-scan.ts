import { refuse } from './errors.ts';

/**
 * A page's tags looked over once, before anything builds a DOM of it: a page nested thousands deep overflows the
 * recursion of whatever walks its tree (Readability, linkedom), and one of millions of tags takes the DOM seconds and
 * gigabytes. The scan is linear in the page's length and keeps no more than the open elements (at most MAX_HTML_DEPTH
 * of them): each character is looked at a bounded number of times, whatever the page.
 */

export const MAX_HTML_DEPTH = 500;
/** A long news page has some 5,000–30,000 tags; the largest encyclopaedia pages about 150,000. */
export const MAX_HTML_TAGS = 250_000;

export interface HtmlScan {
  tags: number;
  /** The deepest nesting seen. */
  depth: number;
  /** Characters of text outside tags, comments, scripts and styles that are not whitespace. */
  textChars: number;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'bgsound',
  'frame',
  'image',
]);
/** Elements whose content is text up to their end tag, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);
const NO_TEXT = new Set(['script', 'style', 'noscript', 'noembed', 'noframes', 'iframe', 'xmp']);
/** An element a sibling of the same name closes (`<li>a<li>b`), or that a block closes (`<p>a<div>`), as the HTML parser does. */
const CLOSED_BY: Record<string, ReadonlySet<string>> = {
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  option: new Set(['option', 'optgroup']),
  optgroup: new Set(['optgroup']),
  tr: new Set(['tr', 'tbody', 'thead', 'tfoot']),
  td: new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']),
  th: new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot']),
  thead: new Set(['tbody', 'tfoot']),
  tbody: new Set(['tbody', 'tfoot']),
  rt: new Set(['rt', 'rp']),
  rp: new Set(['rt', 'rp']),
  p: new Set(
    'address article aside blockquote details dialog div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr main menu nav ol p pre section table ul li dd dt'.split(
      ' ',
    ),
  ),
};

export function scanHtml(html: string): HtmlScan {
  const stack: string[] = [];
  /** How many of each name are open, so that an end tag with none open is passed over without searching the stack. */
  const open = new Map<string, number>();
  let tags = 0;
  let depth = 0;
  let textChars = 0;
  const pop = () => {
    const name = stack.pop()!;
    open.set(name, open.get(name)! - 1);
  };
  const countText = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const c = html.charCodeAt(k);
      if (c > 0x20 && c !== 0xa0 && c !== 0xfeff) textChars++;
    }
  };
  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (!NO_TEXT.has(stack[stack.length - 1] ?? '')) countText(i, textEnd);
    if (lt < 0) break;
    i = lt;
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    // <!DOCTYPE …>, <![CDATA[ … ]]>, <?xml …?> and bogus comments: skipped to their end.
    if (next === 0x21 || next === 0x3f) {
      const end = html.startsWith('<![CDATA[', i) ? html.indexOf(']]>', i) : html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const closing = next === 0x2f;
    const nameStart = closing ? i + 2 : i + 1;
    const first = html.charCodeAt(nameStart);
    if (!((first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a))) {
      // A "<" that opens no tag is text.
      if (!NO_TEXT.has(stack[stack.length - 1] ?? '')) textChars++;
      i++;
      continue;
    }
    let j = nameStart;
    while (j < n && !isTagNameEnd(html.charCodeAt(j))) j++;
    const name = html.slice(nameStart, j).toLowerCase();
    const end = tagEnd(html, j);
    const selfClosing = html.charCodeAt(end - 2) === 0x2f && end - 2 >= j;
    i = end;
    if (++tags > MAX_HTML_TAGS)
      throw refuse(
        'html_too_large',
        `The page has more than ${MAX_HTML_TAGS.toLocaleString('en')} tags, more than any article needs; Parley does not read it (it may be built to overload a reader).`,
      );
    if (closing) {
      if (open.get(name)) while (stack.length && stack[stack.length - 1] !== name) pop();
      if (stack.length) pop();
      continue;
    }
    for (let top = stack[stack.length - 1]; top && CLOSED_BY[top]?.has(name); top = stack[stack.length - 1]) pop();
    if (VOID.has(name) || selfClosing) continue;
    if (RAW_TEXT.has(name)) {
      // Its content runs to its end tag; nothing in it is a tag.
      const close = indexOfCaseless(html, `</${name}`, i);
      const noText = NO_TEXT.has(name);
      if (!noText) countText(i, close < 0 ? n : close);
      i = close < 0 ? n : tagEnd(html, close + name.length + 2);
      continue;
    }
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
    if (stack.length > depth) depth = stack.length;
    if (depth > MAX_HTML_DEPTH)
      throw refuse(
        'html_too_deep',
        `The page nests elements more than ${MAX_HTML_DEPTH} deep (at <${name}>, character ${lt.toLocaleString('en')}); no article needs that, and Parley does not read it (it may be built to overload a reader).`,
      );
  }
  return { tags, depth, textChars };
}

const isTagNameEnd = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d || c === 0x2f || c === 0x3e;

/** The index just past a tag's ">", with quoted attribute values (which may hold ">") skipped; the end of the page if it has none. */
function tagEnd(html: string, from: number): number {
  for (let k = from; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (c === 0x3e) return k + 1;
    if ((c === 0x22 || c === 0x27) && isAttributeValueStart(html, k)) {
      const close = html.indexOf(String.fromCharCode(c), k + 1);
      if (close < 0) return html.length;
      k = close;
    }
  }
  return html.length;
}

/** A quote opens an attribute value only after "=" (and optional whitespace); elsewhere it is a stray character. */
function isAttributeValueStart(html: string, k: number) {
  let p = k - 1;
  while (p >= 0 && /\s/u.test(html[p]!)) p--;
  return html.charCodeAt(p) === 0x3d;
}

/** indexOf ignoring ASCII case, for end tags like </SCRIPT>; linear, as the needle is short. */
function indexOfCaseless(hay: string, needle: string, from: number): number {
  const lower = needle.toLowerCase();
  for (let at = hay.indexOf('</', from); at >= 0; at = hay.indexOf('</', at + 2))
    if (hay.slice(at, at + lower.length).toLowerCase() === lower && (at + lower.length >= hay.length || isTagNameEnd(hay.charCodeAt(at + lower.length))))
      return at;
  return -1;
}
