/** Messages of the admin pages, in English; the other languages must have the same keys. */
export const admin_en = {};
