import type { sources_en } from './sources.en.ts';

/** Повідомлення сторінок джерел українською. */
export const sources_uk: Record<keyof typeof sources_en, string> = {
  'sources.nav': 'Джерела',
  'sources.title': 'Джерела',
  'sources.lead': 'Кожен документ, на який посилається запис, від найновіших. Джерело цитується як видавець і дата; його назва, адреса й примітка — тут.',
  'sources.filter': 'Знайти джерело',
  'sources.filterHint': 'назва, видавець або примітка',
  'sources.count': '{shown, plural, one {# джерело} few {# джерела} many {# джерел} other {# джерела}} з {total}',
  'sources.none': 'Жодне джерело не відповідає.',
  'sources.publisher': 'Видавець',
  'sources.date': 'Дата',
  'sources.kind': 'Вид',
  'sources.language': 'Мова документа',
  'sources.note': 'Примітка',
  'sources.link': 'Відкрити документ',
  'sources.noLink': 'Адресу не записано',
  'sources.all': 'Усі джерела',
  'sources.openOne': 'Докладніше про це джерело',
  'sources.kind.article': 'новинна стаття',
  'sources.kind.official_statement': 'офіційна заява',
  'sources.kind.monitoring_report': 'звіт моніторингу',
  'sources.kind.agreement_text': 'текст угоди',
  'sources.kind.dataset': 'набір даних',
  'sources.kind.minutes': 'протокол',
};
