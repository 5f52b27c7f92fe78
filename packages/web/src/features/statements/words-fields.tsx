import { useI18n } from '../../i18n/index.tsx';
import { Field } from '../../ui/form.tsx';
import type { RecordText } from '../../ui/common.tsx';

const LANGS = ['uk', 'ru', 'en'] as const;
type Lang = (typeof LANGS)[number];

export interface WordsValue {
  /** The words as the source gave them, in `language`. */
  text: string;
  language: Lang;
  /** The same words in the other languages, where the source gives them too. */
  variants: Partial<Record<Lang, string>>;
}

export const emptyWords = (language: Lang): WordsValue => ({ text: '', language, variants: {} });

/** What the API stores: a string when the source gives one language, the variants with the original among them otherwise. */
export function wordsBody(v: WordsValue): { text: RecordText; language: string } {
  const others = Object.entries(v.variants).filter(([l, s]) => l !== v.language && s?.trim());
  if (others.length === 0) return { text: v.text.trim(), language: v.language };
  return { text: { ...Object.fromEntries(others.map(([l, s]) => [l, s!.trim()])), [v.language]: v.text.trim() }, language: v.language };
}

/**
 * A record's words in the language of its source, and the same words in the process's other languages when the
 * source gives them (a bilingual communiqué), never a translation of ours.
 */
export function WordsFields({
  value: v,
  onChange,
  label,
  max,
  fieldError,
  names = { text: 'text', language: 'language' },
  languageLabel,
  hint,
}: {
  value: WordsValue;
  onChange: (v: WordsValue) => void;
  label: string;
  max: number;
  /** The server's refusal at a field: `text`, `text/uk`, `language` (or the fields `names` gives). */
  fieldError: (field: string) => string | undefined;
  /** Where the words sit in the request, when not at `text` and `language` (a reason, one of several claims). */
  names?: { text: string; language: string };
  languageLabel?: string;
  hint?: string;
}) {
  const { t } = useI18n();
  const langName = (l: Lang) => t(`lists.lang.${l}`);
  const errorAt = (field: string) => {
    const error = fieldError(field);
    return error ? { error } : {};
  };
  return (
    <>
      <div className="row">
        <Field name={names.language} label={languageLabel ?? t('records.words.language')} {...errorAt(names.language)}>
          {(p) => (
            <select {...p} value={v.language} onChange={(e) => onChange({ ...v, language: e.target.value as Lang })}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {langName(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field name={names.text} label={label} hint={hint ?? t('records.words.hint')} {...errorAt(names.text)} required>
        {(p) => <textarea {...p} lang={v.language} maxLength={max} value={v.text} onChange={(e) => onChange({ ...v, text: e.target.value })} />}
      </Field>
      <details className="words-variants" open={Object.values(v.variants).some(Boolean) || undefined}>
        <summary>{t('records.words.variants')}</summary>
        {LANGS.filter((l) => l !== v.language).map((l) => (
          <Field key={l} name={`${names.text}/${l}`} label={t('records.words.in', { language: langName(l) })} {...errorAt(`${names.text}/${l}`)}>
            {(p) => (
              <textarea
                {...p}
                lang={l}
                maxLength={max}
                value={v.variants[l] ?? ''}
                onChange={(e) => onChange({ ...v, variants: { ...v.variants, [l]: e.target.value } })}
              />
            )}
          </Field>
        ))}
      </details>
    </>
  );
}
