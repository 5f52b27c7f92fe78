/** Messages of the work pages, in English; the other languages must have the same keys. */
export const work_en = {};
