import { readDocument, fingerprint, type DocumentKind } from '../document/index.ts';
import { extractArticle, filterBoilerplate } from '../extract/index.ts';
import { articleLanguage } from '../extract/language.ts';
import { readEvents, type EventCandidate } from '../events/index.ts';
import { readFigures, type FigureCandidate } from '../figures/index.ts';
import { readStatements, type StatementCandidate } from '../speech/index.ts';
import { invalid } from '../../shared/app-error.ts';
import type { Roster } from './roster.ts';

/** Bumped when the readers change what they propose, so a reading says which rules made it. */
export const READER = 'parley-reader/1';

/** What Parley read in a document: its body without boilerplate, and what it set aside, kept for the reviewer. */
export interface Reading {
  reader: string;
  documentKind: DocumentKind;
  encoding: string;
  pages?: number;
  title: string | null;
  language: string | null;
  /** The article's paragraphs, separated by blank lines; every candidate's spans point into it. */
  text: string;
  setAside: string[];
  fingerprint: string;
}

export type Candidate =
  ({ n: number; kind: 'statement' } & StatementCandidate) | ({ n: number; kind: 'figure' } & FigureCandidate) | ({ n: number; kind: 'event' } & EventCandidate);

/** A headline is short and ends no sentence; a scrape or a paste starts with one more often than not. */
const HEADLINE = /^[^\n]{3,200}$/;
const ENDS_SENTENCE = /[.!?:;…]["”»’)]?$/u;

/** Plain text's first paragraph as its title when it reads as a headline; the source's title field holds it from then on. */
function withHeadline(f: { body: string; setAside: string[] }): { title: string | null; body: string; setAside: string[]; language?: string } {
  const cut = f.body.indexOf('\n\n');
  const first = cut < 0 ? '' : f.body.slice(0, cut).trim();
  if (!HEADLINE.test(first) || ENDS_SENTENCE.test(first)) return { title: null, ...f };
  return { title: first, body: f.body.slice(cut + 2), setAside: f.setAside };
}

/** Stages a caller can show as progress. */
export type ReadStage = 'decoding' | 'extracting' | 'reading';

/**
 * From the bytes a person handed in to the candidates a reviewer confirms: decode (refusing what is not a text
 * document), take the article out of its page, set boilerplate aside, and run the three readers over the body. Pure
 * but for the PDF library it loads when a PDF arrives.
 */
export async function readSource(
  bytes: Uint8Array,
  opts: { mediaType?: string; fileName?: string; url?: string; language?: string; published: string; roster: Roster },
  onStage: (stage: ReadStage) => Promise<void> = async () => {},
): Promise<{ reading: Reading; candidates: Candidate[] }> {
  await onStage('decoding');
  const doc = await readDocument(bytes, { mediaType: opts.mediaType, fileName: opts.fileName });
  await onStage('extracting');
  const article = doc.kind === 'html' ? extractArticle(doc.text, opts.url) : withHeadline(filterBoilerplate(doc.text));
  if (!article.body.trim())
    throw invalid('file', 'document_no_body', 'No article text was found in this document: it holds only navigation, notices or nothing readable.');
  const language = opts.language ?? article.language ?? articleLanguage(null, article.body) ?? null;
  await onStage('reading');
  const context = { language: language ?? 'en', published: opts.published.slice(0, 10), roster: opts.roster };
  const found: Candidate[] = [];
  const add = <K extends Candidate['kind'], C>(kind: K, list: C[]) => {
    for (const c of list) found.push({ ...c, kind, n: found.length } as unknown as Candidate);
  };
  add('statement', readStatements(article.body, context));
  add('figure', readFigures(article.body, context));
  add('event', readEvents(article.body, context));
  return {
    reading: {
      reader: READER,
      documentKind: doc.kind,
      encoding: doc.encoding,
      ...(doc.pages !== undefined ? { pages: doc.pages } : {}),
      title: article.title,
      language,
      text: article.body,
      setAside: article.setAside,
      fingerprint: fingerprint(article.body),
    },
    candidates: found,
  };
}
