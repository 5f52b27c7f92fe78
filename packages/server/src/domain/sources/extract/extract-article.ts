import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { filterBlocks } from './filter-boilerplate.ts';
import { walkBlocks, type Block } from './html-blocks.ts';
import { articleLanguage } from './language.ts';
import { stripInert } from './strip-inert.ts';

export interface ExtractedArticle {
  title: string | null;
  /** Paragraphs separated by blank lines, whitespace squashed. */
  body: string;
  /** Text Parley took out as boilerplate: first what the walk set aside (captions, widgets), then what the filter did. */
  setAside: string[];
  /** ISO 639 code, declared by the page or guessed from its letters; absent when neither says. */
  language?: string;
}

/** How far into the text a repeated headline is looked for. */
const HEADLINE_WITHIN = 5;

/**
 * The article of an HTML page: Readability (Firefox's reader view) picks the subtree, Parley walks it into
 * paragraphs and filters boilerplate. Pure: the caller fetches the page; `url`, the page's address, is not fetched:
 * a paragraph that is only that address (printed by print views and share bars) is set aside. A page Readability
 * finds no article in gives an empty body, not an error: the source stays, unread.
 */
export function extractArticle(html: string, url?: string): ExtractedArticle {
  const { document } = parseHTML(stripInert(html));
  // keepClasses: the walk recognises captions and share bars by their class names; the serializer hands back the
  // element itself, sparing an HTML round trip.
  const parsed = new Readability<Element>(document as unknown as Document, { keepClasses: true, serializer: (node) => node as Element }).parse();
  if (!parsed?.content) return { title: parsed?.title?.trim() || null, body: '', setAside: [] };
  const walked = walkBlocks(parsed.content);
  const title = parsed.title?.trim() || null;
  // The page's own address, and the headline repeated at the top of the text (Readability drops it only as a
  // heading): the source record holds both already.
  const own = url ? ownAddress(url) : null;
  const key = (t: string) =>
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const headline = title ? key(title) : null;
  const isSelf = (b: Block, i: number) => !!own?.test(b.text) || (i < HEADLINE_WITHIN && !!headline && key(b.text) === headline);
  const repeated = walked.blocks.filter(isSelf).map((b) => b.text);
  const filtered = filterBlocks(walked.blocks.filter((b, i) => !isSelf(b, i)));
  const language = articleLanguage(parsed.lang ?? document.documentElement?.getAttribute('lang'), filtered.body);
  return {
    title,
    body: filtered.body,
    setAside: [...walked.setAside, ...repeated, ...filtered.setAside],
    ...(language ? { language } : {}),
  };
}

/** The page's own address as a whole paragraph, with or without its scheme, "www." or a trailing slash. */
function ownAddress(url: string): RegExp | null {
  const bare = url
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/^www\./i, '')
    .replace(/\/$/, '');
  if (!bare) return null;
  return new RegExp(`^(https?://)?(www\\.)?${bare.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/?$`, 'i');
}
