import type { lists_en } from './lists.en.ts';

export const lists_ru: Record<keyof typeof lists_en, string> = {
  'lists.filters': 'Фильтры',
  'lists.from': 'С',
  'lists.to': 'По',
  'lists.party': 'Сторона',
  'lists.status': 'Состояние',
  'lists.any': 'любая',
  'lists.sort': 'Порядок',
  'lists.sort.date': 'по дате, сначала старые',
  'lists.sort.-date': 'по дате, сначала новые',
  'lists.sort.updated': 'по изменению, сначала старые',
  'lists.sort.-updated': 'по изменению, сначала новые',
  'lists.clear': 'Сбросить фильтры',
  'lists.more': 'Показать ещё',
  'lists.shown': 'показано: {n}',
  'lists.exportCsv': 'Скачать этот вид (CSV)',
  'lists.calendar': 'Весь календарь (iCalendar)',
  'lists.inLanguage': '({language})',
  'lists.lang.en': 'на английском',
  'lists.lang.uk': 'на украинском',
  'lists.lang.ru': 'на русском',
};
