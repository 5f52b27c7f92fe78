/**
 * "a" or "an" before a word that messages take from labels, kinds and statuses ("an incident",
 * "an unverified incident", "a meeting"): by its first sound, so "a user", "an hour" is not needed
 * since no label starts with a silent h.
 */
export function withArticle(phrase: string, capital = false): string {
  const an = /^[aeiou]/i.test(phrase) && !/^(u[bcfhjklmnpqrstvwxz][aeiou]|eu|one\b)/i.test(phrase);
  const article = an ? 'an' : 'a';
  return `${capital ? article[0]!.toUpperCase() + article.slice(1) : article} ${phrase}`;
}
