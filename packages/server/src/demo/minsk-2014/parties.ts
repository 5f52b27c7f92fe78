import { ForumInput, MandateInput, PartyInput, PersonInput } from '@parley/contracts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { createRecord } from '../../use-cases/create-record.ts';
import { resource } from '../../use-cases/resources.ts';
import { validated } from '../validate.ts';
import { cite, type Ctx, type Draft } from './util.ts';

type Party = Draft<typeof PartyInput, 'aliases'> & { id: string };
type Person = Draft<typeof PersonInput> & { id: string };
type Mandate = Draft<typeof MandateInput, 'sources'> & { id: string };
type Forum = Draft<typeof ForumInput, 'participants'> & { id: string };

/** The five parties of the contact group (ids fixed: the demo accounts use them) and the host. */
export const PARTIES: Party[] = [
  {
    id: 'ukr',
    kind: 'state',
    paxActorId: 'CON_52',
    names: { en: 'Ukraine', uk: 'Україна', ru: 'Украина' },
    aliases: [
      { text: 'Kyiv', lang: 'en' },
      { text: 'Kiev', lang: 'en', note: 'older spelling, transliterated from Russian' },
      { text: 'Київ', lang: 'uk' },
      { text: 'Киев', lang: 'ru' },
    ],
  },
  {
    id: 'rus',
    kind: 'state',
    paxActorId: 'CON_21',
    names: { en: 'Russian Federation', uk: 'Російська Федерація', ru: 'Российская Федерация' },
    aliases: [
      { text: 'Russia', lang: 'en' },
      { text: 'Moscow', lang: 'en' },
      { text: 'Росія', lang: 'uk' },
      { text: 'Москва', lang: 'uk' },
      { text: 'Россия', lang: 'ru' },
      { text: 'Москва', lang: 'ru' },
    ],
  },
  {
    id: 'osce',
    kind: 'intergovernmental_organisation',
    paxActorId: 'IGO_50',
    names: {
      en: 'Organization for Security and Co-operation in Europe',
      uk: 'Організація з безпеки та співробітництва в Європі',
      ru: 'Организация по безопасности и сотрудничеству в Европе',
    },
    aliases: [
      { text: 'OSCE', lang: 'en' },
      { text: 'ОБСЄ', lang: 'uk' },
      { text: 'ОБСЕ', lang: 'ru' },
    ],
  },
  {
    id: 'ordo',
    kind: 'entity',
    paxActorId: 'ENT_721',
    names: {
      en: 'Representatives of certain areas of Donetsk region',
      uk: 'Представники окремих районів Донецької області',
      ru: 'Представители отдельных районов Донецкой области',
    },
    aliases: [
      { text: "Donetsk People's Republic", lang: 'en', note: 'self-proclaimed' },
      { text: 'DPR', lang: 'en', note: 'self-proclaimed "Donetsk People\'s Republic"' },
      { text: 'Донецька народна республіка', lang: 'uk', note: 'самопроголошена' },
      { text: 'ДНР', lang: 'uk', note: 'самопроголошена' },
      { text: 'Донецкая народная республика', lang: 'ru', note: 'самопровозглашённая' },
      { text: 'ДНР', lang: 'ru', note: 'самопровозглашённая' },
    ],
  },
  {
    id: 'ordl',
    kind: 'entity',
    paxActorId: 'ENT_720',
    names: {
      en: 'Representatives of certain areas of Luhansk region',
      uk: 'Представники окремих районів Луганської області',
      ru: 'Представители отдельных районов Луганской области',
    },
    aliases: [
      { text: "Luhansk People's Republic", lang: 'en', note: 'self-proclaimed' },
      { text: "Lugansk People's Republic", lang: 'en', note: 'self-proclaimed; spelling transliterated from Russian' },
      { text: 'LPR', lang: 'en', note: 'self-proclaimed "Luhansk People\'s Republic"' },
      { text: 'Луганська народна республіка', lang: 'uk', note: 'самопроголошена' },
      { text: 'ЛНР', lang: 'uk', note: 'самопроголошена' },
      { text: 'Луганская народная республика', lang: 'ru', note: 'самопровозглашённая' },
      { text: 'ЛНР', lang: 'ru', note: 'самопровозглашённая' },
    ],
  },
  {
    // Not a party to the conflict: recorded as the host of the Minsk rounds.
    id: 'blr',
    kind: 'state',
    names: { en: 'Belarus', uk: 'Білорусь', ru: 'Беларусь' },
    aliases: [{ text: 'Minsk', lang: 'en', note: 'as host of the contact-group rounds' }],
  },
];

export const PEOPLE: Person[] = [
  {
    id: 'tagliavini',
    partyId: 'osce',
    names: { en: 'Heidi Tagliavini', uk: 'Гайді Тальявіні', ru: 'Хайди Тальявини' },
    note: 'Special representative of the OSCE Chairperson-in-Office in the contact group.',
  },
  {
    id: 'kuchma',
    partyId: 'ukr',
    names: { en: 'Leonid Kuchma', uk: 'Леонід Кучма', ru: 'Леонид Кучма' },
    note: "Former (second) President of Ukraine; Ukraine's envoy to the contact group.",
  },
  {
    id: 'zurabov',
    partyId: 'rus',
    names: { en: 'Mikhail Zurabov', uk: 'Михайло Зурабов', ru: 'Михаил Зурабов' },
    note: "Russian ambassador to Ukraine; Russia's representative in the contact group.",
  },
  {
    id: 'zakharchenko',
    partyId: 'ordo',
    names: { en: 'Alexander Zakharchenko', uk: 'Олександр Захарченко', ru: 'Александр Захарченко' },
    note: 'Signed the September documents for certain areas of Donetsk region.',
  },
  {
    id: 'plotnitsky',
    partyId: 'ordl',
    names: { en: 'Igor Plotnitsky', uk: 'Ігор Плотницький', ru: 'Игорь Плотницкий' },
    note: 'Signed the September documents for certain areas of Luhansk region.',
  },
  {
    id: 'pushilin',
    partyId: 'ordo',
    names: { en: 'Denis Pushilin', uk: 'Денис Пушилін', ru: 'Денис Пушилин' },
    note: 'Envoy for certain areas of Donetsk region from December 2014, after the scenario date.',
  },
  {
    id: 'deinego',
    partyId: 'ordl',
    names: { en: 'Vladislav Deinego', uk: 'Владислав Дейнего', ru: 'Владислав Дейнего' },
    note: 'Envoy for certain areas of Luhansk region from December 2014, after the scenario date.',
  },
  {
    id: 'lukashevich',
    partyId: 'rus',
    names: { en: 'Alexander Lukashevich', uk: 'Олександр Лукашевич', ru: 'Александр Лукашевич' },
    note: 'Spokesman of the Russian foreign ministry.',
  },
];

const NO_START = "The appointment date is not in the scenario's sources; the mandate is dated from the first contact-group round recorded here (31 July 2014).";
const SIGNED_BOTH = 'Signed the Minsk Protocol (5 Sep 2014) and the Minsk Memorandum (19 Sep 2014).';
const PRIVATE_PERSONS = 'Kyiv holds that the representatives of the areas signed as private persons, without titles.';

export const MANDATES: Mandate[] = [
  {
    id: 'mandate-tagliavini-mediator',
    personId: 'tagliavini',
    partyId: 'osce',
    role: 'mediator',
    from: '2014-07',
    standing: 'official',
    note: NO_START,
    sources: cite(['src-16', 'signatures and titles']),
  },
  {
    id: 'mandate-kuchma-envoy',
    personId: 'kuchma',
    partyId: 'ukr',
    role: 'envoy',
    from: '2014-07',
    standing: 'official',
    note: NO_START,
    sources: cite(['src-16', 'signatures and titles']),
  },
  {
    id: 'mandate-zurabov-envoy',
    personId: 'zurabov',
    partyId: 'rus',
    role: 'envoy',
    from: '2014-07',
    standing: 'official',
    note: NO_START,
    sources: cite(['src-16', 'signatures and titles']),
  },
  {
    id: 'mandate-tagliavini-signatory',
    personId: 'tagliavini',
    partyId: 'osce',
    role: 'signatory',
    from: '2014-09-05',
    standing: 'official',
    note: SIGNED_BOTH,
    sources: cite('src-16', 'src-19', 'src-20'),
  },
  {
    id: 'mandate-kuchma-signatory',
    personId: 'kuchma',
    partyId: 'ukr',
    role: 'signatory',
    from: '2014-09-05',
    standing: 'official',
    note: SIGNED_BOTH,
    sources: cite('src-16', 'src-19', 'src-20'),
  },
  {
    id: 'mandate-zurabov-signatory',
    personId: 'zurabov',
    partyId: 'rus',
    role: 'signatory',
    from: '2014-09-05',
    standing: 'official',
    note: SIGNED_BOTH,
    sources: cite('src-16', 'src-19', 'src-20'),
  },
  {
    id: 'mandate-zakharchenko-signatory',
    personId: 'zakharchenko',
    partyId: 'ordo',
    role: 'signatory',
    from: '2014-09-05',
    standing: 'disputed',
    note: `${SIGNED_BOTH} ${PRIVATE_PERSONS}`,
    sources: cite('src-16', 'src-19', 'src-18'),
  },
  {
    id: 'mandate-plotnitsky-signatory',
    personId: 'plotnitsky',
    partyId: 'ordl',
    role: 'signatory',
    from: '2014-09-05',
    standing: 'disputed',
    note: `${SIGNED_BOTH} ${PRIVATE_PERSONS}`,
    sources: cite('src-16', 'src-19', 'src-18'),
  },
  {
    id: 'mandate-pushilin-envoy',
    personId: 'pushilin',
    partyId: 'ordo',
    role: 'envoy',
    from: '2014-12',
    standing: 'official',
    note: 'Envoy of the areas in the contact group from December 2014, after the scenario date (present at the round of 24 December).',
    sources: cite('src-26'),
  },
  {
    id: 'mandate-deinego-envoy',
    personId: 'deinego',
    partyId: 'ordl',
    role: 'envoy',
    from: '2014-12',
    standing: 'official',
    note: 'Envoy of the areas in the contact group from December 2014, after the scenario date (present at the round of 24 December).',
    sources: cite('src-26'),
  },
  {
    id: 'mandate-lukashevich-spokesperson',
    personId: 'lukashevich',
    partyId: 'rus',
    role: 'spokesperson',
    from: '2014-11',
    standing: 'official',
    note: "In office when he spoke on 20 November 2014; the start of his term is not in the scenario's sources.",
    sources: cite('src-32'),
  },
];

export const FORUMS: Forum[] = [
  {
    id: 'tcg',
    shortName: 'TCG',
    names: { en: 'Trilateral Contact Group', uk: 'Тристороння контактна група', ru: 'Трёхсторонняя контактная группа' },
    members: [
      { partyId: 'ukr', role: 'party' },
      { partyId: 'rus', role: 'party' },
      { partyId: 'osce', role: 'mediator' },
    ],
    participants: [
      {
        partyId: 'ordo',
        note: 'The representatives of certain areas of Donetsk region sit with the group as participants, not members (AFP and OSCE Chairmanship, 20 Sep 2014: src-20, src-20-osce).',
      },
      {
        partyId: 'ordl',
        note: 'The representatives of certain areas of Luhansk region sit with the group as participants, not members (AFP and OSCE Chairmanship, 20 Sep 2014: src-20, src-20-osce).',
      },
    ],
  },
];

export async function loadParties({ deps, processId }: Ctx): Promise<void> {
  for (const p of PARTIES) await createRecord(deps, SYSTEM, processId, resource('party'), validated(PartyInput, p, `party ${p.id}`));
  for (const p of PEOPLE) await createRecord(deps, SYSTEM, processId, resource('person'), validated(PersonInput, p, `person ${p.id}`));
  for (const m of MANDATES) await createRecord(deps, SYSTEM, processId, resource('mandate'), validated(MandateInput, m, `mandate ${m.id}`));
  for (const f of FORUMS) await createRecord(deps, SYSTEM, processId, resource('forum'), validated(ForumInput, f, `forum ${f.id}`));
}
