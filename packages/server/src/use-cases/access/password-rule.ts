import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { invalid } from '../../domain/shared/app-error.ts';

/** zxcvbn's scale: 3 is "safely unguessable" (about 10^8 guesses and more), enough against online guessing behind the throttle. */
export const MIN_SCORE = 3;
const MIN_LENGTH = 10;
// Sign-in accepts at most 200 characters; a longer password could never be used.
const MAX_LENGTH = 200;
// The estimator's cost grows with length; its authors advise judging a prefix of a long password.
const JUDGED_LENGTH = 100;

let estimator: Promise<ZxcvbnFactory> | undefined;
// The dictionaries take a moment to load (about 0.2 s of a start), so the server pays for them on the first
// password, not at start: they are imported then.
const zxcvbn = () =>
  (estimator ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([{ ZxcvbnFactory }, common, en]) =>
      new ZxcvbnFactory({ translations: en.translations, graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...en.dictionary } }),
  ));

/** Refuses short, common, repetitive and guessable passwords (and the username in any disguise), with the estimator's advice. */
export async function assertStrongPassword(password: string, userInputs: string[] = []): Promise<void> {
  if (password.length < MIN_LENGTH) throw invalid('password', 'weak_password', `A password needs at least ${MIN_LENGTH} characters.`);
  if (password.length > MAX_LENGTH) throw invalid('password', 'password_too_long', `A password has at most ${MAX_LENGTH} characters.`);
  const result = (await zxcvbn()).check(password.slice(0, JUDGED_LENGTH), [...userInputs, 'parley']);
  if (result.score >= MIN_SCORE) return;
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter(Boolean).join(' ');
  const e = invalid('password', 'weak_password', `This password is too easy to guess${advice ? `: ${advice}` : '.'}`);
  Object.assign(e.details, { score: result.score, minScore: MIN_SCORE, warning: result.feedback.warning, suggestions: result.feedback.suggestions });
  throw e;
}
