/** Messages of the lines pages, in English; the other languages must have the same keys. */
export const lines_en = {
  'work.error.line_outside_area': 'The line does not cross the area of interest it is compared in.',
};
