import type { lists_en } from './lists.en.ts';

export const lists_uk: Record<keyof typeof lists_en, string> = {
  'lists.filters': 'Фільтри',
  'lists.from': 'Від',
  'lists.to': 'До',
  'lists.party': 'Сторона',
  'lists.status': 'Стан',
  'lists.any': 'будь-яка',
  'lists.sort': 'Порядок',
  'lists.sort.date': 'за датою, спершу давніші',
  'lists.sort.-date': 'за датою, спершу новіші',
  'lists.sort.updated': 'за зміною, спершу давніші',
  'lists.sort.-updated': 'за зміною, спершу новіші',
  'lists.clear': 'Скинути фільтри',
  'lists.more': 'Показати більше',
  'lists.shown': 'показано: {n}',
  'lists.exportCsv': 'Завантажити цей вигляд (CSV)',
  'lists.calendar': 'Увесь календар (iCalendar)',
  'lists.inLanguage': '({language})',
  'lists.lang.en': 'англійською',
  'lists.lang.uk': 'українською',
  'lists.lang.ru': 'російською',
};
