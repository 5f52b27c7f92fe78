import { ProvisionInput } from '@parley/contracts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { addProvision } from '../../use-cases/add-provision.ts';
import { validated } from '../validate.ts';
import type { Ctx, Draft } from './util.ts';

type Provision = Draft<typeof ProvisionInput, 'categories' | 'obligated' | 'dependsOn'>;

/*
 * Paraphrases, not the texts (summaries in src-16/src-17 for the Protocol, src-20/src-21
 * for the Memorandum). Category codes are in the style of PA-X, chosen for this demo:
 * Cea ceasefire · Mon monitoring/verification · Decent decentralisation · Border border
 * regime · Pris detainees · Amn amnesty · Dial national dialogue · Hum humanitarian ·
 * Elec elections · Withd withdrawal of forces · Eco economic recovery · Sec security
 * guarantees · Line line of contact · Weap weapons restrictions · Zone security zone ·
 * Mines mines · Air airspace.
 * "Obligated" names whom the text binds as the demo reads it; the withdrawal of foreign
 * formations names no one in the text, and Russia denies having forces there.
 */
const SIDES = ['ukr', 'ordo', 'ordl'];

export const PROTOCOL: Provision[] = [
  {
    number: '1',
    categories: ['Cea'],
    obligated: SIDES,
    deadline: { kind: 'absolute', at: '2014-09-05T18:00:00+03:00' },
    paraphrase: {
      en: 'Both sides stop using weapons at once (from 18:00 Kyiv time on 5 September 2014).',
      uk: 'Обидві сторони негайно припиняють застосування зброї (з 18:00 за київським часом 5 вересня 2014 року).',
      ru: 'Обе стороны немедленно прекращают применение оружия (с 18:00 по киевскому времени 5 сентября 2014 года).',
    },
  },
  {
    number: '2',
    categories: ['Cea', 'Mon'],
    obligated: ['osce'],
    dependsOn: ['1'],
    paraphrase: {
      en: 'The OSCE monitors and verifies that the ceasefire is kept.',
      uk: 'ОБСЄ здійснює моніторинг і верифікацію дотримання режиму припинення вогню.',
      ru: 'ОБСЕ осуществляет мониторинг и верификацию соблюдения режима прекращения огня.',
    },
  },
  {
    number: '3',
    categories: ['Decent'],
    obligated: ['ukr'],
    paraphrase: {
      en: 'Power is decentralised, among other things by a Ukrainian law on a special order of local self-government in certain areas of Donetsk and Luhansk regions (the special-status law).',
      uk: 'Децентралізація влади, зокрема через ухвалення закону України про особливий порядок місцевого самоврядування в окремих районах Донецької та Луганської областей (закон про особливий статус).',
      ru: 'Децентрализация власти, в том числе путём принятия закона Украины об особом порядке местного самоуправления в отдельных районах Донецкой и Луганской областей (закон об особом статусе).',
    },
  },
  {
    number: '4',
    categories: ['Border', 'Mon', 'Zone'],
    obligated: ['osce', 'ukr', 'rus'],
    paraphrase: {
      en: 'The OSCE monitors the Ukrainian–Russian border on a permanent basis, and a security zone is set up in the border areas of both countries.',
      uk: 'ОБСЄ здійснює постійний моніторинг українсько-російського кордону; у прикордонних районах обох країн створюється зона безпеки.',
      ru: 'ОБСЕ осуществляет постоянный мониторинг украинско-российской границы; в приграничных районах обеих стран создаётся зона безопасности.',
    },
  },
  {
    number: '5',
    categories: ['Pris'],
    obligated: SIDES,
    paraphrase: {
      en: 'All hostages and all persons held unlawfully are released without delay.',
      uk: 'Негайне звільнення всіх заручників і незаконно утримуваних осіб.',
      ru: 'Немедленное освобождение всех заложников и незаконно удерживаемых лиц.',
    },
  },
  {
    number: '6',
    categories: ['Amn'],
    obligated: ['ukr'],
    paraphrase: {
      en: 'A law is passed that rules out prosecuting and punishing people for the events in certain areas of Donetsk and Luhansk regions.',
      uk: 'Ухвалення закону, що унеможливлює переслідування та покарання осіб у зв’язку з подіями в окремих районах Донецької та Луганської областей.',
      ru: 'Принятие закона, исключающего преследование и наказание лиц в связи с событиями в отдельных районах Донецкой и Луганской областей.',
    },
  },
  {
    number: '7',
    categories: ['Dial'],
    obligated: ['ukr'],
    paraphrase: {
      en: 'An inclusive national dialogue is carried on.',
      uk: 'Продовження інклюзивного загальнонаціонального діалогу.',
      ru: 'Продолжение инклюзивного общенационального диалога.',
    },
  },
  {
    number: '8',
    categories: ['Hum'],
    obligated: SIDES,
    paraphrase: {
      en: 'Steps are taken to improve the humanitarian situation in Donbas.',
      uk: 'Вжиття заходів для поліпшення гуманітарної ситуації на Донбасі.',
      ru: 'Принятие мер по улучшению гуманитарной ситуации в Донбассе.',
    },
  },
  {
    number: '9',
    categories: ['Elec'],
    obligated: ['ukr'],
    dependsOn: ['3'],
    paraphrase: {
      en: 'Early local elections are held as the special-status law provides.',
      uk: 'Проведення дострокових місцевих виборів відповідно до закону про особливий статус.',
      ru: 'Проведение досрочных местных выборов в соответствии с законом об особом статусе.',
    },
  },
  {
    number: '10',
    categories: ['Withd'],
    obligated: ['ordo', 'ordl'],
    dependsOn: ['1'],
    paraphrase: {
      en: 'Illegal armed groups and their military equipment, as well as fighters and mercenaries, leave the territory of Ukraine.',
      uk: 'Виведення незаконних збройних формувань і військової техніки, а також бойовиків і найманців з території України.',
      ru: 'Вывод незаконных вооружённых формирований и военной техники, а также боевиков и наёмников с территории Украины.',
    },
  },
  {
    number: '11',
    categories: ['Eco'],
    obligated: ['ukr'],
    paraphrase: {
      en: 'A programme is adopted to revive the economy of Donbas and restore normal life in the region.',
      uk: 'Ухвалення програми економічного відродження Донбасу та відновлення життєдіяльності регіону.',
      ru: 'Принятие программы экономического возрождения Донбасса и восстановления жизнедеятельности региона.',
    },
  },
  {
    number: '12',
    categories: ['Sec'],
    obligated: ['ukr'],
    paraphrase: {
      en: 'Those taking part in the consultations are guaranteed their personal safety.',
      uk: 'Надання гарантій особистої безпеки учасникам консультацій.',
      ru: 'Предоставление гарантий личной безопасности участникам консультаций.',
    },
  },
];

export const MEMORANDUM: Provision[] = [
  {
    number: '1',
    categories: ['Cea'],
    obligated: SIDES,
    paraphrase: {
      en: 'The ceasefire is general: it binds all sides everywhere.',
      uk: 'Припинення застосування зброї є загальним для всіх сторін.',
      ru: 'Прекращение применения оружия является общим для всех сторон.',
    },
  },
  {
    number: '2',
    categories: ['Cea', 'Line'],
    obligated: SIDES,
    dependsOn: ['1'],
    paraphrase: {
      en: 'Units and formations of the sides stay where they stood on the line of contact on 19 September 2014.',
      uk: 'Підрозділи та формування сторін зупиняються на лінії зіткнення станом на 19 вересня 2014 року.',
      ru: 'Подразделения и формирования сторон останавливаются на линии соприкосновения по состоянию на 19 сентября 2014 года.',
    },
  },
  {
    number: '3',
    categories: ['Cea', 'Weap'],
    obligated: SIDES,
    dependsOn: ['1'],
    paraphrase: {
      en: 'No weapons of any kind may be used and no offensive operations conducted.',
      uk: 'Заборона застосування всіх видів зброї та ведення наступальних дій.',
      ru: 'Запрет на применение всех видов оружия и ведение наступательных действий.',
    },
  },
  {
    number: '4',
    categories: ['Withd', 'Weap', 'Zone'],
    obligated: SIDES,
    dependsOn: ['2'],
    deadline: { kind: 'relative', anchor: 'signature', days: 1 },
    paraphrase: {
      en: 'Within 24 hours each side pulls weapons of more than 100 mm calibre back at least 15 km from the line of contact, so that a security zone at least 30 km wide forms; artillery is pulled back beyond its maximum range (MT-12 100 mm gun 9 km, 120 mm mortars 8 km, D-30 122 mm howitzer 15.3 km).',
      uk: 'Протягом 24 годин кожна сторона відводить засоби ураження калібром понад 100 мм щонайменше на 15 км від лінії зіткнення, утворюючи зону безпеки шириною не менше 30 км; артилерію відводять за межі її максимальної дальності стрільби (100-мм гармата МТ-12 — 9 км, 120-мм міномети — 8 км, 122-мм гаубиця Д-30 — 15,3 км).',
      ru: 'В течение 24 часов каждая сторона отводит средства поражения калибром свыше 100 мм не менее чем на 15 км от линии соприкосновения, образуя зону безопасности шириной не менее 30 км; артиллерия отводится за пределы её максимальной дальности стрельбы (100-мм пушка МТ-12 — 9 км, 120-мм миномёты — 8 км, 122-мм гаубица Д-30 — 15,3 км).',
    },
  },
  {
    number: '5',
    categories: ['Weap', 'Zone'],
    obligated: SIDES,
    dependsOn: ['2'],
    paraphrase: {
      en: 'No heavy weapons or heavy military equipment may be placed in the area of the settlements the memorandum lists.',
      uk: 'Заборона розміщувати важке озброєння та важку військову техніку в районі населених пунктів, перелічених у меморандумі.',
      ru: 'Запрет на размещение тяжёлых вооружений и тяжёлой военной техники в районе населённых пунктов, перечисленных в меморандуме.',
    },
  },
  {
    number: '6',
    categories: ['Mines', 'Zone'],
    obligated: SIDES,
    dependsOn: ['4'],
    paraphrase: {
      en: 'No new mines or explosive obstacles are laid in the security zone, and those laid earlier are removed.',
      uk: 'Заборона встановлювати нові мінно-вибухові загородження в зоні безпеки; раніше встановлені загородження знімаються.',
      ru: 'Запрет на установку новых минно-взрывных заграждений в зоне безопасности; ранее установленные заграждения снимаются.',
    },
  },
  {
    number: '7',
    categories: ['Air', 'Zone'],
    obligated: SIDES,
    dependsOn: ['4'],
    paraphrase: {
      en: "Combat aircraft and foreign drones may not fly over the security zone; the OSCE's drones are the exception.",
      uk: 'Заборона польотів бойової авіації та іноземних безпілотників над зоною безпеки, за винятком безпілотників ОБСЄ.',
      ru: 'Запрет полётов боевой авиации и иностранных беспилотных летательных аппаратов над зоной безопасности, за исключением аппаратов ОБСЕ.',
    },
  },
  {
    number: '8',
    categories: ['Mon', 'Zone'],
    obligated: ['osce'],
    dependsOn: ['4'],
    deadline: { kind: 'relative', anchor: 'signature', days: 1 },
    paraphrase: {
      en: 'Within 24 hours an OSCE monitoring mission of observer teams deploys in the security zone.',
      uk: 'Протягом доби в зоні безпеки розгортається моніторингова місія ОБСЄ у складі груп спостерігачів.',
      ru: 'В течение суток в зоне безопасности развёртывается мониторинговая миссия ОБСЕ в составе групп наблюдателей.',
    },
  },
  {
    number: '9',
    categories: ['Withd', 'Mon'],
    obligated: ['ordo', 'ordl', 'osce'],
    paraphrase: {
      en: 'All foreign armed formations and military equipment, as well as fighters and mercenaries, leave the territory of Ukraine under OSCE monitoring.',
      uk: 'Виведення з території України всіх іноземних збройних формувань і військової техніки, а також бойовиків і найманців під моніторингом ОБСЄ.',
      ru: 'Вывод с территории Украины всех иностранных вооружённых формирований и военной техники, а также боевиков и наёмников под мониторингом ОБСЕ.',
    },
  },
];

async function add(ctx: Ctx, agreementId: string, list: Provision[]) {
  // In order: a dependency must name a provision already added.
  for (const p of list) await addProvision(ctx.deps, SYSTEM, ctx.processId, agreementId, validated(ProvisionInput, p, `${agreementId} provision ${p.number}`));
}

export async function loadProvisions(ctx: Ctx): Promise<void> {
  await add(ctx, 'minsk-protocol', PROTOCOL);
  await add(ctx, 'minsk-memorandum', MEMORANDUM);
}
