import { AgreementInput } from '@parley/contracts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { createRecord } from '../../use-cases/create-record.ts';
import { resource } from '../../use-cases/resources.ts';
import { validated } from '../validate.ts';
import { loadProvisions } from './provisions.ts';
import { cite, type Ctx, type Draft } from './util.ts';

type Agreement = Draft<typeof AgreementInput, 'shortNames' | 'external' | 'signatories' | 'thirdParties' | 'relations' | 'sources'> & { id: string };

const PRIVATE_PERSON = 'Kyiv holds that he signed as a private person, without a title (src-18).';

/** The same five signed both September documents, each under his or her own line. */
const SIGNATORIES: Agreement['signatories'] = [
  { personId: 'tagliavini', onBehalfOf: 'osce', capacity: 'Special representative of the OSCE Chairperson-in-Office' },
  { personId: 'kuchma', onBehalfOf: 'ukr', capacity: 'Second President of Ukraine, for Ukraine' },
  { personId: 'zurabov', onBehalfOf: 'rus', capacity: 'Ambassador of the Russian Federation to Ukraine' },
  { personId: 'zakharchenko', onBehalfOf: 'ordo', capacity: 'For certain areas of Donetsk region (no title given)', disputed: PRIVATE_PERSON },
  { personId: 'plotnitsky', onBehalfOf: 'ordl', capacity: 'For certain areas of Luhansk region (no title given)', disputed: PRIVATE_PERSON },
];

const PEACE_PLAN_EN =
  'with respect to joint steps aimed at implementing the Peace Plan of the President of Ukraine, P. Poroshenko, and the initiatives of the President of Russia, V. Putin';
const PEACE_PLAN_UK =
  'щодо спільних кроків, спрямованих на імплементацію Мирного плану Президента України П. Порошенка та ініціатив Президента Росії В. Путіна';
const PEACE_PLAN_RU =
  'относительно совместных шагов, направленных на имплементацию Мирного плана Президента Украины П. Порошенко и инициатив Президента России В. Путина';

export const AGREEMENTS: Agreement[] = [
  {
    id: 'minsk-protocol',
    titles: {
      en: `Protocol on the results of consultations of the Trilateral Contact Group ${PEACE_PLAN_EN}`,
      uk: `Протокол за підсумками консультацій Тристоронньої контактної групи ${PEACE_PLAN_UK}`,
      ru: `Протокол по итогам консультаций Трёхсторонней контактной группы ${PEACE_PLAN_RU}`,
    },
    shortNames: ['Minsk Protocol', 'Minsk I'],
    date: '2014-09-05',
    place: { en: 'Minsk', uk: 'Мінськ', ru: 'Минск' },
    stage: 'SubPar/MultIss',
    external: [{ scheme: 'pax', id: '1363', note: 'PA-X v1 dates it 1 September 2014; it was signed on 5 September.' }],
    signatories: SIGNATORIES,
    sources: cite('src-16', 'src-17', ['src-19', 'ceasefire from 18:00 Kyiv time']),
  },
  {
    id: 'minsk-memorandum',
    titles: {
      en: `Memorandum on implementing the provisions of the Protocol on the results of consultations of the Trilateral Contact Group ${PEACE_PLAN_EN}`,
      uk: `Меморандум про виконання положень Протоколу за підсумками консультацій Тристоронньої контактної групи ${PEACE_PLAN_UK}`,
      ru: `Меморандум об исполнении положений Протокола по итогам консультаций Трёхсторонней контактной группы ${PEACE_PLAN_RU}`,
    },
    shortNames: ['Minsk Memorandum'],
    date: '2014-09-19',
    place: { en: 'Minsk', uk: 'Мінськ', ru: 'Минск' },
    stage: 'Cea/Ceas',
    external: [{ scheme: 'pax', id: '1362' }],
    signatories: SIGNATORIES,
    relations: [{ type: 'implements', agreementId: 'minsk-protocol' }],
    sources: cite('src-20', 'src-20-osce', 'src-21'),
  },
];

/** Agreements first, then their provisions: meetings name the agreements in their outcomes. */
export async function loadAgreements(ctx: Ctx): Promise<void> {
  for (const a of AGREEMENTS) await createRecord(ctx.deps, SYSTEM, ctx.processId, resource('agreement'), validated(AgreementInput, a, `agreement ${a.id}`));
  await loadProvisions(ctx);
}
