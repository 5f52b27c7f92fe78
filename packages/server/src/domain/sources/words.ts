import { invalid } from '../shared/app-error.ts';

/**
 * A statement's or claim's words given in several languages must include the language they are said to be written
 * in: otherwise a reader of that language would be shown another language's words as the original.
 */
export function assertWordsInLanguage(i: { text: string | Partial<Record<'en' | 'uk' | 'ru', string>>; language?: string | undefined }): void {
  if (typeof i.text === 'string') return;
  const language = i.language ?? 'en';
  const given = Object.keys(i.text);
  if (!given.includes(language))
    throw invalid(
      'language',
      'invalid_value',
      `The words are given in ${given.join(', ')} but said to be written in "${language}": name one of the languages they are given in.`,
    );
}
