/** Messages of the talks pages, in English; the other languages must have the same keys. */
export const talks_en = {};
