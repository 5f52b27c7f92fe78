import { useEffect, type ReactNode } from 'react';
import { useProcess } from '../app/process-data.tsx';
import { Link } from '../app/router.tsx';
import type { SourceRef } from '../app/api-types.ts';
import type { Loaded } from '../app/use-load.ts';
import { useI18n, type Names } from '../i18n/index.tsx';
import { errorText } from './error-text.ts';
import './lang-mark.css';

/**
 * A multilingual name in the reader's language. When it fell back to another language it says so twice: lang=""
 * for screen readers (which switch voice, so the visible mark is hidden from them) and a small "(in English)".
 */
export function Name({ value }: { value: Names | undefined | null }) {
  const { name, nameLang, lang } = useI18n();
  const l = nameLang(value);
  if (l === lang || !value) return <span>{name(value)}</span>;
  return (
    <span lang={l}>
      {name(value)} <LangMark of={l} />
    </span>
  );
}

/** The small visible mark beside text shown in another language than the reader's. */
export function LangMark({ of }: { of: string }) {
  const { t, lang } = useI18n();
  if (of === lang) return null;
  const language = of === 'en' || of === 'uk' || of === 'ru' ? t(`lists.lang.${of}`) : (new Intl.DisplayNames([lang], { type: 'language' }).of(of) ?? of);
  return (
    <small className="lang-mark" lang={lang} aria-hidden="true">
      {t('lists.inLanguage', { language })}
    </small>
  );
}

/** A record's own words: a string in `language`, or the variants its source gives in uk/ru/en. */
export type RecordText = string | { en?: string; uk?: string; ru?: string };

/** Which of a record's words a reader sees: their language's variant, else the words as the source gave them. */
export function pickText(text: RecordText, language: string | undefined, lang: string): { value: string; lang: string } {
  const original = language ?? 'en';
  if (typeof text === 'string') return { value: text, lang: original };
  const own = text[lang as keyof typeof text];
  if (own) return { value: own, lang };
  const given = text[original as keyof typeof text];
  if (given) return { value: given, lang: original };
  const [first, value] = Object.entries(text).find(([, v]) => v) ?? [original, ''];
  return { value: value ?? '', lang: first };
}

/** A statement's or claim's words in the reader's language where the source gives them, else marked with their own. */
export function Words({ text, language }: { text: RecordText; language?: string | undefined }) {
  const { lang } = useI18n();
  const shown = pickText(text, language, lang);
  return (
    <span lang={shown.lang === lang ? undefined : shown.lang} data-text-lang={shown.lang}>
      {shown.value} <LangMark of={shown.lang} />
    </span>
  );
}

export function PartyName({ id }: { id: string | null | undefined }) {
  const { parties } = useProcess();
  if (!id) return null;
  const party = parties.get(id);
  return party ? <Name value={party.names} /> : <span>{id}</span>;
}

export function PersonName({ id }: { id: string | null | undefined }) {
  const { people } = useProcess();
  if (!id) return null;
  const person = people.get(id);
  return person ? <Name value={person.names} /> : <span>{id}</span>;
}

/** English-only text from the record (rationales, notes, statements): marked as English, visibly too for other readers. */
export function En({ children }: { children: ReactNode }) {
  return (
    <span lang="en">
      {children} <LangMark of="en" />
    </span>
  );
}

/**
 * A source cited as its publisher and date: a link to the source's page (title, address, note) that a keyboard
 * reaches like any link; its title shows beside it on focus and hover, and screen readers hear it.
 */
export function SourceCite({ sourceRef }: { sourceRef: SourceRef }) {
  const { sources } = useProcess();
  const { t, date } = useI18n();
  const s = sources.get(sourceRef.sourceId);
  if (!s) return <span className="cite">{t('source.unknown')}</span>;
  return (
    <span className="cite" data-source={s.id}>
      <Link to={`/sources/${encodeURIComponent(s.id)}`} className="cite-link" data-title={s.title}>
        <cite lang={s.language}>{s.publisher}</cite>, <time dateTime={s.date}>{date(s.date)}</time>
        <span className="visually-hidden" lang={s.language}>
          : {s.title}
        </span>
      </Link>
      {sourceRef.locator ? <> ({sourceRef.locator})</> : null}
      {s.note ? <span className="cite-note"> — {s.note}</span> : null}
    </span>
  );
}

export function Sources({ refs, label }: { refs: SourceRef[] | undefined; label?: string }) {
  const { t } = useI18n();
  if (!refs?.length) return null;
  return (
    <div className="sources">
      <span className="sources-label">{label ?? (refs.length > 1 ? t('source.sources') : t('source.label'))}: </span>
      {refs.map((r, i) => (
        <span key={`${r.sourceId}-${i}`}>
          {i > 0 ? '; ' : null}
          <SourceCite sourceRef={r} />
        </span>
      ))}
    </div>
  );
}

export function Badge({ kind, children }: { kind: string; children: ReactNode }) {
  return <span className={`badge badge-${kind}`}>{children}</span>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="muted">
      {t('app.loading')}
    </p>
  );
}

/** A failed load, in the reader's language: the server's reason when it gave one (see error-text.ts). */
export function LoadError({ error }: { error: Error & { status?: number } }) {
  const { t } = useI18n();
  if (error.status === 404) return <p role="alert">{t('app.notFound')}</p>;
  const said = errorText(error, t);
  // The sentence is the reader's; only a fallback message inside it is English.
  const [before, after = ''] = t('app.error', { message: '\u0000' }).split('\u0000');
  return (
    <p role="alert">
      {before}
      <span lang={said.lang}>{said.text}</span>
      {after}
    </p>
  );
}

/** Renders `children` once `loaded` is ready, or a status line while loading or on error. */
export function Load<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}

/** The page's heading, also used as the document title so tabs and history name the page. */
export function PageTitle({ children, text }: { children?: ReactNode; text: string }) {
  useEffect(() => {
    document.title = `${text} — Parley`;
  }, [text]);
  return <h1>{children ?? text}</h1>;
}
