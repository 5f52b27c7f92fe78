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
  /** An interface string, with {placeholders} filled in. */
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
    const dict = DICTS[lang];
    const numbers = new Intl.NumberFormat(INTL_LOCALE[lang]);
    return {
      lang,
      setLang,
      t: (key, vars) => {
        let s: string = dict[key] ?? en[key] ?? key;
        if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, typeof v === 'number' ? numbers.format(v) : v);
        return s;
      },
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
