import { SEARCH_KINDS, type SearchHit, type SearchKind } from '@parley/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Badge, LoadError, PageTitle } from '../../ui/common.tsx';
import { markWords, queryWords, recordHref, searchHref } from './links.ts';

const PAGE = 20;
const isKind = (s: string): s is SearchKind => (SEARCH_KINDS as readonly string[]).includes(s);

/** The query in the address bar: the router keeps only the path, so this page reads and follows `?q=&kind=` itself. */
function useAddressQuery(): { q: string; kind: SearchKind | '' } {
  const read = () => {
    const p = new URLSearchParams(window.location.search);
    const kind = p.get('kind') ?? '';
    return { q: (p.get('q') ?? '').trim(), kind: isKind(kind) ? kind : ('' as const) };
  };
  const [query, setQuery] = useState(read);
  useEffect(() => {
    const follow = () => setQuery(read());
    window.addEventListener('popstate', follow);
    window.addEventListener(SEARCH_EVENT, follow);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener(SEARCH_EVENT, follow);
    };
  }, []);
  return query;
}

/** Said when a search's address changed without the path changing (the router does not re-render then). */
const SEARCH_EVENT = 'parley:search';
function goToSearch(router: { path: string; navigate: (to: string) => void; href: (to: string) => string }, q: string, kind = '') {
  const to = searchHref(q, kind);
  if (router.path === '/search') window.history.pushState(null, '', router.href(to));
  else router.navigate(to);
  window.dispatchEvent(new Event(SEARCH_EVENT));
}

type Results =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'error'; error: Error }
  | { state: 'ready'; items: SearchHit[]; next: string | null; more: 'idle' | 'loading' | Error };

/** `/search?q=…&kind=…`: records of every kind that match the words, within what the reader may see. */
export function SearchPage() {
  const { t, number } = useI18n();
  const { process, viewer } = useProcess();
  const router = useRouter();
  const { q, kind } = useAddressQuery();
  const [text, setText] = useState(q);
  const [choice, setChoice] = useState<SearchKind | ''>(kind);
  const [results, setResults] = useState<Results>({ state: 'idle' });
  const ids = useId();
  const generation = useRef(0);

  // Another search from the header or history: the form shows what is being searched.
  useEffect(() => {
    setText(q);
    setChoice(kind);
  }, [q, kind]);

  const fetchPage = (cursor?: string) =>
    api.GET('/api/processes/{processId}/search', {
      params: { path: { processId: process.id }, query: { q, limit: PAGE, ...(kind ? { kind } : {}), ...(cursor ? { cursor } : {}) } },
    });

  useEffect(() => {
    const mine = ++generation.current;
    if (!q) return setResults({ state: 'idle' });
    setResults({ state: 'loading' });
    fetchPage().then(
      (r) => mine === generation.current && setResults({ state: 'ready', items: r.items, next: r.next, more: 'idle' }),
      (error: Error) => mine === generation.current && setResults({ state: 'error', error }),
    );
  }, [process.id, q, kind, viewer]);

  const more = () => {
    if (results.state !== 'ready' || !results.next || results.more === 'loading') return;
    const mine = generation.current;
    setResults({ ...results, more: 'loading' });
    fetchPage(results.next).then(
      (r) =>
        mine === generation.current &&
        setResults((prev) => (prev.state === 'ready' ? { state: 'ready', items: [...prev.items, ...r.items], next: r.next, more: 'idle' } : prev)),
      (error: Error) => mine === generation.current && setResults((prev) => (prev.state === 'ready' ? { ...prev, more: error } : prev)),
    );
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    goToSearch(router, text.trim(), choice);
  };

  return (
    <>
      <PageTitle text={q ? `${t('work.search.title')}: ${q}` : t('work.search.title')}>{t('work.search.title')}</PageTitle>
      <form role="search" className="search-form" aria-label={t('work.search.title')} onSubmit={submit}>
        <div className="field grow">
          <label htmlFor={`${ids}-q`}>{t('work.search.label')}</label>
          <input
            id={`${ids}-q`}
            type="search"
            name="q"
            required
            maxLength={200}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${ids}-help`}
          />
          <span id={`${ids}-help`} className="muted small">
            {t('work.search.help')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-kind`}>{t('work.search.kind')}</label>
          <select id={`${ids}-kind`} name="kind" value={choice} onChange={(e) => setChoice(isKind(e.target.value) ? e.target.value : '')}>
            <option value="">{t('work.search.allKinds')}</option>
            {SEARCH_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`work.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('work.search.submit')}</button>
      </form>
      <section aria-labelledby={`${ids}-results`} aria-busy={results.state === 'loading'}>
        {q ? (
          <h2 id={`${ids}-results`}>{t('work.search.results', { q })}</h2>
        ) : (
          <h2 id={`${ids}-results`} className="visually-hidden">
            {t('work.search.title')}
          </h2>
        )}
        {results.state === 'idle' ? <p className="muted">{t('work.search.prompt')}</p> : null}
        {results.state === 'loading' ? (
          <p role="status" className="muted">
            {t('app.loading')}
          </p>
        ) : null}
        {results.state === 'error' ? <LoadError error={results.error} /> : null}
        {results.state === 'ready' ? (
          <>
            <p role="status" className="muted">
              {results.items.length ? t('work.search.shown', { n: number(results.items.length) }) : t('work.search.empty', { q })}
            </p>
            {results.items.length ? (
              <ol className="search-results">
                {results.items.map((hit) => (
                  <Hit key={`${hit.kind}/${hit.id}`} hit={hit} words={queryWords(q)} />
                ))}
              </ol>
            ) : null}
            {results.more instanceof Error ? <LoadError error={results.more} /> : null}
            {results.next ? (
              <button type="button" className="more" onClick={more} disabled={results.more === 'loading'}>
                {results.more === 'loading' ? t('work.search.loadingMore') : t('work.search.more')}
              </button>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}

/** The hit's title in the reader's language, else English, else the server's one line (whose language is not known). */
function useTitle(hit: SearchHit): { text: string; lang?: string } {
  const { lang } = useI18n();
  const title = hit.title as Record<string, string | undefined> | null;
  if (title?.[lang]) return { text: title[lang]! };
  for (const other of ['en', 'uk', 'ru'] as const) if (title?.[other]) return { text: title[other]!, lang: other };
  return { text: hit.label };
}

/** The language of the snippet when it is one of the title's languages (the server does not say; other text is unmarked). */
function snippetLang(hit: SearchHit): string | undefined {
  const title = hit.title as Record<string, string | undefined> | null;
  const core = hit.snippet.replace(/^…|…$/g, '').trim();
  if (!title || !core) return undefined;
  return (['en', 'uk', 'ru'] as const).find((l) => title[l]?.includes(core));
}

function Hit({ hit, words }: { hit: SearchHit; words: string[] }) {
  const { t, name, lang } = useI18n();
  const { parties } = useProcess();
  const title = useTitle(hit);
  const inLang = snippetLang(hit);
  const party = hit.audienceParty ? name(parties.get(hit.audienceParty)?.names) || hit.audienceParty : '';
  return (
    <li className="search-hit card" data-kind={hit.kind} data-id={hit.id}>
      <div className="hit-meta">
        <Badge kind="kind">{t(`work.kind.${hit.kind}`)}</Badge>{' '}
        {hit.audience !== 'public' ? <Badge kind={`audience-${hit.audience}`}>{t(`audience.${hit.audience}` as MessageKey, { party })}</Badge> : null}
      </div>
      <h3>
        <Link to={recordHref(hit.kind, hit.id)} lang={title.lang}>
          {title.text}
        </Link>
      </h3>
      {hit.snippet && hit.snippet !== title.text ? (
        <p className="snippet" lang={inLang && inLang !== lang ? inLang : undefined}>
          {markWords(hit.snippet, words).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
        </p>
      ) : null}
    </li>
  );
}

/** A search field for the page header: it opens `/search?q=…` (or follows it there when already on the page). */
export function HeaderSearch() {
  const { t } = useI18n();
  const router = useRouter();
  const [text, setText] = useState('');
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    goToSearch(router, text.trim());
    setText('');
  };
  return (
    <form role="search" className="header-search" aria-label={t('work.search.box')} onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('work.search.box')}
      </label>
      <input id={id} type="search" name="q" maxLength={200} placeholder={t('work.search.box')} value={text} onChange={(e) => setText(e.target.value)} />
      <button type="submit">{t('work.search.submit')}</button>
    </form>
  );
}
