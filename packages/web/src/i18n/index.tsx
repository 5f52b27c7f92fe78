import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { ru } from './ru.ts';
import { uk } from './uk.ts';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'uk', label: 'Українська' },
  { code: 'ru', label: 'Русский' },
] as const;
export type Lang = (typeof LANGUAGES)[number]['code'];
export type { MessageKey };

const DICTS = { en, uk, ru };
/** The locale Intl formats with: English as written internationally (day month year), not US. */
const INTL_LOCALE: Record<Lang, string> = { en: 'en-GB', uk: 'uk', ru: 'ru' };
const STORAGE_KEY = 'parley.lang';

/** Names as the API gives them: English always, Ukrainian and Russian when known. */
export interface Names {
  en: string;
  uk?: string;
  ru?: string;
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'uk' || saved === 'ru') return saved;
  } catch {
    // storage may be disabled; fall back to the browser's language
  }
  const nav = navigator.language.slice(0, 2);
  return nav === 'uk' || nav === 'ru' ? nav : 'en';
}

export interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  /** An interface string: an ICU message, with {placeholders} and {n, plural, …} filled in. */
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** A multilingual name in the reader's language, English when that language is missing. */
  name(names: Names | undefined | null): string;
  /** Whether `name` had to fall back to English (the element then says so with lang="en"). */
  nameLang(names: Names | undefined | null): Lang;
  number(n: number): string;
  /** An ISO 8601 date with its own precision: a year, a month, a day, or a time in a time zone. */
  date(value: string | undefined | null, timeZone?: string): string;
}

const Ctx = createContext<I18n | null>(null);

export function formatPreciseDate(lang: Lang, value: string, timeZone?: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m) {
    const [, y, mo, d] = m;
    const at = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
    const opts: Intl.DateTimeFormatOptions = d
      ? { dateStyle: 'long', timeZone: 'UTC' }
      : mo
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(INTL_LOCALE[lang], opts).format(at);
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  // Without a named zone, show the time at the offset it was written with (18:00 Kyiv time stays 18:00 +03:00).
  const offset = /([+-]\d{2}:\d{2})$/.exec(value)?.[1];
  const zones = [timeZone, offset, 'UTC'].filter((z): z is string => !!z);
  for (const zone of zones) {
    try {
      return new Intl.DateTimeFormat(INTL_LOCALE[lang], {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: zone,
        timeZoneName: 'short',
      }).format(at);
    } catch {
      // an offset zone needs a recent Intl; fall back to the next
    }
  }
  return value;
}

/** Each key's parsed message per language, and its compiled formats: parsing ICU is the costly part. */
const parsed = new Map<string, MessageFormatElement[] | null>();
const compiled = new Map<string, IntlMessageFormat>();

/**
 * ICU prints a plain `{n}` with String(n); a number given for it is shown in the language's digits and
 * grouping instead (12 345 in Ukrainian), as `{n, number}` would, so the dictionaries need not say so each time.
 */
function numbersFormatted(elements: MessageFormatElement[], numeric: Set<string>): MessageFormatElement[] {
  return elements.map((el) => {
    if (el.type === TYPE.argument && numeric.has(el.value)) return { type: TYPE.number, value: el.value, location: el.location };
    if (el.type === TYPE.plural || el.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(el.options).map(([k, o]) => [k, { ...o, value: numbersFormatted(o.value, numeric) }]));
      return { ...el, options };
    }
    return el;
  });
}

/**
 * Formats one message as ICU MessageFormat (plural rules of the language: one/few/many/other in Ukrainian
 * and Russian). A message that does not parse, or a missing variable, shows the raw text rather than
 * breaking the page; a unit test holds every dictionary message to the parser.
 */
export function formatMessage(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const source: string = DICTS[lang][key] ?? en[key] ?? key;
  const id = `${lang}:${key}`;
  let ast = parsed.get(id);
  if (ast === undefined) {
    try {
      // ignoreTag: our messages are text, so "<" is a character, not the start of rich-text markup.
      ast = parse(source, { ignoreTag: true });
    } catch {
      ast = null;
    }
    parsed.set(id, ast);
  }
  if (ast === null) return source;
  const numeric = Object.keys(vars ?? {}).filter((k) => typeof vars?.[k] === 'number');
  const formatId = `${id}:${numeric.sort().join(',')}`;
  let format = compiled.get(formatId);
  if (!format) {
    format = new IntlMessageFormat(numbersFormatted(ast, new Set(numeric)), INTL_LOCALE[lang], undefined, { ignoreTag: true });
    compiled.set(formatId, format);
  }
  try {
    const out = format.format(vars);
    return typeof out === 'string' ? out : source;
  } catch {
    return source;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(INTL_LOCALE[lang]);
    return {
      lang,
      setLang,
      t: (key, vars) => formatMessage(lang, key, vars),
      name: (names) => (names ? (names[lang] ?? names.en) : ''),
      nameLang: (names) => (names && names[lang] ? lang : 'en'),
      number: (n) => numbers.format(n),
      date: (value, timeZone) => (value ? formatPreciseDate(lang, value, timeZone) : ''),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
