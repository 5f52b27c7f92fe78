import type { Roster } from '../read/roster.ts';

const MINSK = { en: 'Minsk', uk: 'Мінськ', ru: 'Минск' };

/** The Minsk process as the event reader's tests see it: parties, people, some meetings and two incidents. */
export const ROSTER: Roster = {
  parties: [
    {
      id: 'ukr',
      names: { en: 'Ukraine', uk: 'Україна', ru: 'Украина' },
      kind: 'state',
      aliases: [{ text: 'Kyiv' }, { text: 'Kiev' }, { text: 'Київ', lang: 'uk' }, { text: 'Киев', lang: 'ru' }],
    },
    {
      id: 'rus',
      names: { en: 'Russia', uk: 'Росія', ru: 'Россия' },
      kind: 'state',
      aliases: [{ text: 'Russian Federation' }, { text: 'Moscow' }, { text: 'Москва', lang: 'uk' }, { text: 'Москва', lang: 'ru' }],
    },
    { id: 'osce', names: { en: 'OSCE', uk: 'ОБСЄ', ru: 'ОБСЕ' }, kind: 'intergovernmental organisation, mediator', aliases: [] },
    {
      id: 'ordo',
      names: { en: 'certain areas of Donetsk region', uk: 'окремі райони Донецької області', ru: 'отдельные районы Донецкой области' },
      kind: 'entity',
      aliases: [{ text: 'DPR' }, { text: "Donetsk People's Republic" }, { text: 'ДНР' }],
    },
    {
      id: 'ordl',
      names: { en: 'certain areas of Luhansk region', uk: 'окремі райони Луганської області', ru: 'отдельные районы Луганской области' },
      kind: 'entity',
      aliases: [{ text: 'LPR' }, { text: 'ЛНР' }],
    },
  ],
  people: [
    { id: 'kuchma', names: { en: 'Leonid Kuchma', uk: 'Леонід Кучма', ru: 'Леонид Кучма' }, partyId: 'ukr' },
    { id: 'lukashevich', names: { en: 'Alexander Lukashevich', uk: 'Олександр Лукашевич', ru: 'Александр Лукашевич' }, partyId: 'rus' },
    { id: 'tagliavini', names: { en: 'Heidi Tagliavini', uk: 'Гайді Тальявіні', ru: 'Хайди Тальявини' }, partyId: 'osce' },
    { id: 'pushilin', names: { en: 'Denis Pushilin', uk: 'Денис Пушилін', ru: 'Денис Пушилин' }, partyId: 'ordo' },
  ],
  mandates: [],
  meetings: [
    { id: 'm-09-05', title: { en: 'Signing of the Minsk Protocol' }, kind: 'round', modality: 'in_person', status: 'held', date: '2014-09-05', place: MINSK },
    {
      id: 'm-11-tele',
      title: { en: 'Preparatory teleconference' },
      kind: 'preparatory_teleconference',
      modality: 'video',
      status: 'cancelled',
      date: '2014-11',
    },
    { id: 'm-12-09', title: { en: 'Contact group round' }, kind: 'round', modality: 'in_person', status: 'cancelled', date: '2014-12-09', place: MINSK },
    { id: 'm-12-24', title: { en: 'Contact group round' }, kind: 'round', modality: 'in_person', status: 'held', date: '2014-12-24', place: MINSK },
    { id: 'm-15-02-12', title: { en: 'Minsk summit' }, kind: 'summit', modality: 'in_person', status: 'held', date: '2015-02-12', place: MINSK },
  ],
  incidents: [
    { id: 'i-airport', date: '2014-11-18', place: { en: 'Donetsk airport', uk: 'Донецький аеропорт', ru: 'Донецкий аэропорт' }, kind: 'shelling' },
    { id: 'i-donetsk', date: '2014-11-19', place: { en: 'Donetsk', uk: 'Донецьк', ru: 'Донецк' }, kind: 'shelling' },
  ],
};
