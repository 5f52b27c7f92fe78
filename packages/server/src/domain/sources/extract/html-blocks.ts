/**
 * Readability's chosen subtree turned into paragraphs. Its `textContent` glues blocks together ("…end.Next",
 * "HomeNewsSports"), which merges words across list items and table cells and hides where one paragraph ends;
 * walking the elements keeps each block a paragraph, so the line-based boilerplate filter can judge them one by one.
 * Figures, captions and share or "related" widgets are set aside here, where their markup still says what they are.
 */

export interface Block {
  text: string;
  /** An element name (`h2`, `li`) when it says something about the text: the filter treats headings and list items differently. */
  tag: string;
  /** The share of the text that sits inside links: a paragraph that is one link is a pointer to another page. */
  linkShare: number;
}

export interface Walked {
  blocks: Block[];
  setAside: string[];
}

/** Elements that end a paragraph and start the next. */
const BLOCK = new Set(
  'p div section article main header footer aside nav h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre table thead tbody tfoot tr td th caption figure figcaption address form fieldset details summary hr br'.split(
    ' ',
  ),
);

/** Elements never read as article text: their words describe a picture, or are controls. */
const SET_ASIDE_TAG = new Set(['figure', 'figcaption', 'picture', 'button', 'select', 'textarea', 'form', 'nav', 'aside']);
const DROP_TAG = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas']);

/**
 * Words in class names and ids that mark a widget rather than prose. Matched against whole words of the
 * name ("article-share-bar" → share), so an "article-body" or "shared-content" container is not caught.
 */
const WIDGET_WORDS = new Set([
  'caption',
  'credit',
  'credits',
  'share',
  'sharing',
  'social',
  'related',
  'newsletter',
  'subscribe',
  'subscription',
  'promo',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'sponsored',
  'byline',
  'dateline',
  'timestamp',
  'tags',
  'breadcrumb',
  'breadcrumbs',
  'comments',
  'donate',
  'donation',
  'recirc',
  'outbrain',
  'taboola',
]);

/**
 * Words that mark a picture's container ("photo", "articleImage"): its text is the caption. Containers of that name
 * sometimes wrap a recipe box or a whole section, so only a short text counts as a caption.
 */
const PICTURE_WORDS = new Set(['photo', 'image', 'img', 'picture', 'gallery', 'slideshow']);
const MAX_CAPTION_WORDS = 50;

interface El {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<El>;
  textContent: string | null;
  getAttribute?: (name: string) => string | null;
}

function isWidget(el: El, text: () => string): boolean {
  // camelCase names count word by word too: "photoCaption" is a caption.
  const names = `${el.getAttribute?.('class') ?? ''} ${el.getAttribute?.('id') ?? ''}`.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  if (!names.trim()) return false;
  const words = names.split(/[^a-z]+/);
  if (words.some((w) => WIDGET_WORDS.has(w))) return true;
  return words.some((w) => PICTURE_WORDS.has(w)) && text().split(' ').length <= MAX_CAPTION_WORDS;
}

/** The largest share of the article's text an element may hold and still be set aside as a widget. */
const WIDGET_SHARE = 0.3;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Paragraphs of `root` in document order, with the text of figures and widgets set aside. */
export function walkBlocks(root: El): Walked {
  const blocks: Block[] = [];
  const setAside: string[] = [];
  let buffer = '';
  let tag = '';
  let linked = 0;
  let inLink = 0;
  const flush = () => {
    const text = squash(buffer);
    if (text) blocks.push({ text, tag, linkShare: Math.min(1, linked / text.length) });
    buffer = '';
    tag = '';
    linked = 0;
  };
  const visit = (node: El) => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      buffer += t;
      if (inLink) linked += squash(t).length;
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toLowerCase();
    if (DROP_TAG.has(name)) return;
    let text = '';
    const textOf = () => (text ||= squash(node.textContent ?? ''));
    const widget = SET_ASIDE_TAG.has(name) || isWidget(node, textOf);
    if (widget) textOf();
    // A class name alone does not make a container a widget when it holds much of the article ("ad-wrapper" around
    // the whole story); widgets are small beside the text they sit in.
    if (widget && (name === 'figure' || name === 'figcaption' || text.length < total * WIDGET_SHARE)) {
      if (text) setAside.push(text);
      // A widget inside a sentence (an inline "share" link) must not split the sentence around it.
      if (BLOCK.has(name)) flush();
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (block && /^(h[1-6]|li|dt|dd|td|th|blockquote|pre)$/.test(name)) tag = name;
    const link = name === 'a';
    if (link) inLink++;
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) visit(kids[i]!);
    if (link) inLink--;
    if (block) flush();
  };
  const total = squash(root.textContent ?? '').length;
  visit(root);
  flush();
  return { blocks, setAside };
}
