import type { sources_en } from './sources.en.ts';

/** Сообщения страниц источников на русском. */
export const sources_ru: Record<keyof typeof sources_en, string> = {
  'sources.nav': 'Источники',
  'sources.title': 'Источники',
  'sources.lead':
    'Каждый документ, на который ссылается запись, от новых к старым. Источник цитируется как издатель и дата; его название, адрес и примечание — здесь.',
  'sources.filter': 'Найти источник',
  'sources.filterHint': 'название, издатель или примечание',
  'sources.count': '{shown, plural, one {# источник} few {# источника} many {# источников} other {# источника}} из {total}',
  'sources.none': 'Ни один источник не подходит.',
  'sources.publisher': 'Издатель',
  'sources.date': 'Дата',
  'sources.kind': 'Вид',
  'sources.language': 'Язык документа',
  'sources.note': 'Примечание',
  'sources.link': 'Открыть документ',
  'sources.noLink': 'Адрес не записан',
  'sources.all': 'Все источники',
  'sources.openOne': 'Подробнее об этом источнике',
  'sources.kind.article': 'новостная статья',
  'sources.kind.official_statement': 'официальное заявление',
  'sources.kind.monitoring_report': 'отчёт мониторинга',
  'sources.kind.agreement_text': 'текст соглашения',
  'sources.kind.dataset': 'набор данных',
  'sources.kind.minutes': 'протокол',
};
