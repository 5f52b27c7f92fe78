import { invalid } from '../shared/app-error.ts';

/** Words as a source gives them: one string in a declared language, or its variants. */
export type Words = string | Partial<Record<'en' | 'uk' | 'ru', string>>;

/**
 * A statement's or claim's words given in several languages must include the language they are said to be written
 * in: otherwise a reader of that language would be shown another language's words as the original. `field` names
 * the language field in the refusal, for words whose language field is not `language` or is nested in the input.
 */
export function assertWordsInLanguage(i: { text: Words; language?: string | undefined }, field = 'language'): void {
  if (typeof i.text === 'string') return;
  const language = i.language ?? 'en';
  const given = Object.keys(i.text);
  if (!given.includes(language))
    throw invalid(
      field,
      'invalid_value',
      `The words are given in ${given.join(', ')} but said to be written in "${language}": name one of the languages they are given in.`,
    );
}
