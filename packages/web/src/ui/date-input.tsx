import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';
import { useI18n, type Lang } from '../i18n/index.tsx';

/**
 * Dates typed and shown in the reader's language. A native date input shows the browser's locale (a Ukrainian
 * reader of a US-English browser gets MM/DD/YYYY), so the field is text in the order of the chosen language
 * (en-GB, uk and ru all write day, month, year), kept as ISO 8601. ISO typed as it is is accepted too, and the
 * calendar button opens the browser's own picker on a hidden native field.
 */
export type DateKind = 'day' | 'month' | 'time';

const SEPARATOR: Record<Lang, string> = { en: '/', uk: '.', ru: '.' };
const pad = (n: number | string) => String(n).padStart(2, '0');

/** An ISO day, month or local date-time written as the reader writes it: 05.09.2014, 09.2014, 05.09.2014 18:00. */
export function formatTyped(iso: string, kind: DateKind, lang: Lang): string {
  const s = SEPARATOR[lang];
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:T(\d{2}):(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, hh, mm] = m;
  if (kind === 'month') return `${mo}${s}${y}`;
  const day = `${d ?? '01'}${s}${mo}${s}${y}`;
  return kind === 'time' && hh ? `${day} ${hh}:${mm}` : day;
}

const real = (y: number, mo: number, d: number) => {
  const at = new Date(Date.UTC(y, mo - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d;
};

/** What the reader typed as ISO, '' for nothing, or null for text that is not a date of this kind. */
export function parseTyped(text: string, kind: DateKind): string | null {
  const t = text.trim();
  if (!t) return '';
  if (kind === 'month') {
    const local = /^(\d{1,2})[./\-\s](\d{4})$/.exec(t);
    const iso = /^(\d{4})-(\d{1,2})$/.exec(t);
    const [y, mo] = local ? [local[2]!, Number(local[1])] : iso ? [iso[1]!, Number(iso[2])] : [null, 0];
    return y && mo >= 1 && mo <= 12 ? `${y}-${pad(mo)}` : null;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s](\d{1,2}):(\d{2})(?::\d{2})?)?$/.exec(t);
  const local = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?$/.exec(t);
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5]] : local ? [local[3], local[2], local[1], local[4], local[5]] : null;
  if (!parts) return null;
  const [y, mo, d, hh, mm] = parts.map((p) => (p === undefined ? undefined : Number(p)));
  if (!real(y!, mo!, d!)) return null;
  const day = `${String(y).padStart(4, '0')}-${pad(mo!)}-${pad(d!)}`;
  if (kind === 'day') return hh === undefined ? day : null;
  if (hh === undefined) return null;
  return hh < 24 && mm! < 60 ? `${day}T${pad(hh)}:${pad(mm!)}` : null;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'>;

/**
 * A date field in the reader's order. `onChange` hears ISO, or '' while the text is not a date (so a form never
 * sends half a date); the text stays as typed until it is one, and the field says what it expects.
 */
export function DateInput({ value, onChange, kind = 'day', ...rest }: { value: string; onChange: (iso: string) => void; kind?: DateKind } & InputProps) {
  const { t, lang } = useI18n();
  const [text, setText] = useState(() => formatTyped(value, kind, lang));
  const native = useRef<HTMLInputElement>(null);
  // The value changed from outside (a reset, a picked day, another language): show it the reader's way.
  useEffect(() => {
    if ((parseTyped(text, kind) ?? '') !== value) setText(formatTyped(value, kind, lang));
  }, [value, kind]);
  useEffect(() => {
    const parsed = parseTyped(text, kind);
    if (parsed) setText(formatTyped(parsed, kind, lang));
  }, [lang]);
  const bad = parseTyped(text, kind) === null;
  const pattern = t(`date.pattern.${kind}`);
  const hintId = rest.id ? `${rest.id}-pattern` : undefined;
  const described = [rest['aria-describedby'], hintId].filter(Boolean).join(' ') || undefined;
  return (
    <span className="date-input">
      <input
        {...rest}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        placeholder={pattern}
        aria-describedby={described}
        {...(bad || rest['aria-invalid'] ? { 'aria-invalid': true } : {})}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parseTyped(e.target.value, kind) ?? '');
        }}
        onBlur={(e) => {
          // Typed as ISO or without leading zeros, it is written back the reader's way once they move on.
          const parsed = parseTyped(text, kind);
          if (parsed) setText(formatTyped(parsed, kind, lang));
          rest.onBlur?.(e);
        }}
      />
      <button
        type="button"
        className="date-picker-button"
        aria-label={t('date.calendar')}
        title={t('date.calendar')}
        onClick={() => {
          try {
            native.current?.showPicker();
          } catch {
            native.current?.focus();
          }
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="1.5">
          <rect x="1.75" y="3" width="12.5" height="11" rx="1.5" />
          <path d="M1.75 6.5h12.5M5 1.5v3M11 1.5v3" />
        </svg>
      </button>
      <input
        ref={native}
        className="date-native"
        type={kind === 'day' ? 'date' : kind === 'month' ? 'month' : 'datetime-local'}
        tabIndex={-1}
        aria-hidden="true"
        value={value}
        onChange={(e) => {
          setText(formatTyped(e.target.value, kind, lang));
          onChange(e.target.value);
        }}
      />
      {hintId ? (
        <small id={hintId} className={bad ? 'date-pattern date-bad' : 'date-pattern visually-hidden'}>
          {bad ? t('date.notADate', { pattern }) : pattern}
        </small>
      ) : null}
    </span>
  );
}
