/**
 * The words of quantities in news reports, in English, Ukrainian and Russian. Slavic words are matched by stem with
 * any ending (\p{L}*), since numerals govern case: "4 300 людей", "двоє загиблих", "146 полонених".
 */

export type Qualifier = 'exactly' | 'more_than' | 'at_least' | 'about' | 'fewer_than' | 'up_to';

const L = '(?<!\\p{L})';

/**
 * Words right before a number, anchored at its left. "nearly"/"almost"/"майже"/"почти" are read as 'about': the
 * figure is just below the number, and 'fewer_than' would lose that it is close to it.
 */
const QUALIFIERS: [Qualifier, string][] = [
  [
    'at_least',
    'at\\s+least|no\\s+(?:fewer|less)\\s+than|not\\s+(?:fewer|less)\\s+than|a\\s+minimum\\s+of|at\\s+a\\s+minimum|щонайменше|принаймні|не\\s+менше\\s+(?:ніж|як)|не\\s+менш\\s+(?:ніж|як)|як\\s+мінімум|мінімум|не\\s+менее(?:\\s+чем)?|по\\s+меньшей\\s+мере|как\\s+минимум|минимум',
  ],
  [
    'up_to',
    'up\\s+to|as\\s+many\\s+as|as\\s+much\\s+as|at\\s+most|no\\s+more\\s+than|a\\s+maximum\\s+of|не\\s+більше\\s+(?:ніж|як)|не\\s+більш\\s+(?:ніж|як)|до|вплоть\\s+до|не\\s+более(?:\\s+чем)?|максимум',
  ],
  [
    'more_than',
    'more\\s+than|over|in\\s+excess\\s+of|upwards\\s+of|above|понад|більше\\s+(?:ніж|як)|більш\\s+(?:ніж|як)|більше|свыше|более(?:\\s+чем)?|больше(?:\\s+чем)?',
  ],
  ['fewer_than', 'fewer\\s+than|less\\s+than|under|below|менше\\s+(?:ніж|як)|менш\\s+(?:ніж|як)|менше|менее(?:\\s+чем)?|меньше(?:\\s+чем)?'],
  [
    'about',
    'about|around|approximately|roughly|some|an\\s+estimated|estimated|nearly|almost|close\\s+to|approx\\.|~|близько|приблизно|майже|орієнтовно|около|примерно|приблизительно|почти|порядка|свыше\\s+чем',
  ],
];
export const QUALIFIER_BEFORE: [Qualifier, RegExp][] = QUALIFIERS.map(([q, p]) => [q, new RegExp(`${L}(?:${p})\\s*$`, 'iu')]);
/** "4,300 or more", "150-plus", "і більше", "и более". */
export const QUALIFIER_AFTER: [Qualifier, RegExp][] = [
  ['at_least', /^(?:\s*\+|-plus|\s+or\s+more|\s+and\s+more|\s+і\s+більше|\s+и\s+более|\s+или\s+более|\s+або\s+більше)(?!\p{L})/iu],
  ['about', /^\s+or\s+so(?!\p{L})/iu],
];

/** Prepositions that open a range, and the joiners each allows: "between 200 and 300", "from 200 to 300", "200-300". */
export const RANGE_OPEN = /(?<!\p{L})(?<w>between|from|між|від|между|от)\s+$/iu;
export const RANGE_JOIN_OPEN = /^\s*(?:and|to|-|–|—|і|й|та|до|и)\s*/iu;
export const RANGE_JOIN_BARE = /^\s*(?:-|–|—|to|or|або|чи|или)\s*/iu;

/** Units, by the words that name them; the first match wins. Casualties of any kind are 'people'. */
export const UNITS: [string, RegExp][] = [
  ['km2', /^(?:km²|km2|sq\.?\s*km|square\s+kilomet\p{L}*|кв\.?\s*км|км²|квадратн\p{L}*\s+(?:кілометр|километр)\p{L}*)(?!\p{L})/iu],
  ['km', /^(?:km|kms|kilomet(?:re|er)s?|км|кілометр\p{L}*|километр\p{L}*)(?!\p{L})/iu],
  ['tanks', /^(?:tanks?|танк\p{L}*)(?!\p{L})/iu],
  ['artillery pieces', /^(?:artillery\s+(?:pieces|guns|systems)|guns|howitzers|гармат\p{L}*|гаубиц\p{L}*|орудий|орудия|артиллерийских\s+систем)(?!\p{L})/iu],
  ['mortars', /^(?:mortars|мінометів|минометов)(?!\p{L})/iu],
  ['rocket launchers', /^(?:(?:multiple\s+)?rocket\s+launchers|MLRS|Grads?|РСЗВ|реактивн\p{L}*\s+систем\p{L}*|ракетн\p{L}*\s+установ\p{L}*)(?!\p{L})/iu],
  [
    'armoured vehicles',
    /^(?:armou?red\s+vehicles|APCs|armou?red\s+personnel\s+carriers|одиниць\s+бронетехніки|бронетехні\p{L}*|бронетехник\p{L}*|БТР)(?!\p{L})/iu,
  ],
  ['trucks', /^(?:trucks|lorries|вантажів\p{L}*|грузовик\p{L}*|фур)(?!\p{L})/iu],
  ['tonnes', /^(?:tonnes|tons|metric\s+tons|тонн\p{L}*|т\.)(?!\p{L})/iu],
  [
    'people',
    /^(?:people|persons?|civilians?|soldiers?|servicem[ae]n|servicemembers|troops|fighters?|militants?|rebels?|separatists?|insurgents?|hostages?|prisoners(?:\s+of\s+war)?|POWs?|detainees?|captives?|children|women|men|residents?|victims?|Ukrainians?|Russians?|individuals|bodies|люд\p{L}*|особ\p{L}*|осіб|мирн\p{L}*\s+(?:жител|мешканц)\p{L}*|цивільн\p{L}*|військовослужбов\p{L}*|військов\p{L}*|бійц\p{L}*|бійців|силовик\p{L}*|ополченц\p{L}*|бойовик\p{L}*|заручник\p{L}*|полонен\p{L}*|громадян\p{L}*|дітей|жител\p{L}*|мешканц\p{L}*|человек|военнослужащ\p{L}*|военн\p{L}*|бойц\p{L}*|боевик\p{L}*|заложник\p{L}*|пленн\p{L}*|граждан\p{L}*|детей)(?!\p{L})/iu,
  ],
];

/** Measures, by the words that name them; order is priority when one window holds several. */
export const MEASURES: [string, RegExp][] = [
  ['exchanged', /(?<!\p{L})(?:exchanged|swapped|swaps?|exchanges?|обмін\p{L}*|обміня\p{L}*|обмен\p{L}*|обменя\p{L}*)(?!\p{L})/iu],
  [
    'released',
    /(?<!\p{L})(?:released|freed|set\s+free|handed\s+over|returned|звільн\p{L}*|повернул\p{L}*|повернут\p{L}*|освобо\p{L}*|вернул\p{L}*|возвращ\p{L}*)(?!\p{L})/iu,
  ],
  [
    'withdrawn',
    /(?<!\p{L})(?:withdrawn|withdrew|withdrawing|withdrawal|pulled\s+(?:back|out)|відвед\p{L}*|відвел\p{L}*|отвед\p{L}*|отвел\p{L}*|отвод\p{L}*|выведен\p{L}*|вывел\p{L}*)(?!\p{L})/iu,
  ],
  [
    'killed',
    /(?<!\p{L})(?:killed|died|dead|deaths?|death\s+toll|toll|lives|fatalities|вбит\p{L}*|вбив\p{L}*|убит\p{L}*|загин\p{L}*|загибл\p{L}*|загибел\p{L}*|погиб\p{L}*|смерт\p{L}*|жертв\p{L}*)(?!\p{L})/iu,
  ],
  ['injured', /(?<!\p{L})(?:injured|wounded|hurt|injuries|поранен\p{L}*|ранен\p{L}*|ранил\p{L}*|травмован\p{L}*)(?!\p{L})/iu],
  ['missing', /(?<!\p{L})(?:missing|unaccounted|зникл\p{L}*|безвісти|безвести|пропал\p{L}*|пропавш\p{L}*)(?!\p{L})/iu],
  ['displaced', /(?<!\p{L})(?:displaced|IDPs?|переселен\p{L}*|переміщен\p{L}*|переселенц\p{L}*)(?!\p{L})/iu],
  ['refugees', /(?<!\p{L})(?:refugees?|fled|біженц\p{L}*|втекл\p{L}*|беженц\p{L}*|бежал\p{L}*)(?!\p{L})/iu],
  ['deployed', /(?<!\p{L})(?:deployed|sent\s+in|crossed\s+(?:into|the\s+border)|розгорнут\p{L}*|перекинут\p{L}*|развернут\p{L}*|переброшен\p{L}*)(?!\p{L})/iu],
  [
    'detained',
    /(?<!\p{L})(?:detained|arrested|captured|held\s+captive|in\s+captivity|затриман\p{L}*|заарештован\p{L}*|задержан\p{L}*|арестован\p{L}*|полоні|плену|захоплен\p{L}*|захвачен\p{L}*)(?!\p{L})/iu,
  ],
];

/** What a unit word says by itself when no measure word is near: "146 prisoners", "4,300 dead". */
export const IMPLIED_MEASURE: [string, RegExp][] = [
  ['detained', /^(?:hostages?|prisoners|POWs?|detainees?|captives?|заручник|полонен|заложник|пленн)/iu],
  ['refugees', /^(?:refugees?|біженц|беженц)/iu],
];
/** Units that are a measure of their own, without a casualty verb: a distance, an area, a count of weapons. */
export const DEFAULT_MEASURE: Record<string, string> = { km: 'distance', km2: 'area', tonnes: 'weight' };
export const COUNTED_UNITS = new Set(['tanks', 'artillery pieces', 'mortars', 'rocket launchers', 'armoured vehicles', 'trucks']);

export const SCALE = /^\s*(?<s>million|mln|bn|billion|thousand|млн\.?|мільйон\p{L}*|миллион\p{L}*|тис\.|тисяч\p{L}*|тыс\.|тысяч\p{L}*|млрд\.?)(?!\p{L})/iu;
export const scaleOf = (s: string) => (/^(?:bn|billion|млрд)/iu.test(s) ? 1e9 : /^(?:million|mln|млн|мільйон|миллион)/iu.test(s) ? 1e6 : 1e3);

/** English number words; "dozens", "hundreds", "thousands" are no number and are left out on purpose. */
export const EN_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
  million: 1e6,
  dozen: 12,
};
/** The small Ukrainian and Russian numerals a report spells out; larger numbers come in digits. */
export const SLAVIC_WORDS: Record<string, number> = {
  два: 2,
  дві: 2,
  двоє: 2,
  две: 2,
  двое: 2,
  три: 3,
  троє: 3,
  трое: 3,
  чотири: 4,
  четверо: 4,
  четыре: 4,
  "п'ять": 5,
  'п’ять': 5,
  пять: 5,
  шість: 6,
  шесть: 6,
  сім: 7,
  семь: 7,
  вісім: 8,
  восемь: 8,
  "дев'ять": 9,
  'дев’ять': 9,
  девять: 9,
  десять: 10,
  двадцять: 20,
  двадцать: 20,
  сто: 100,
};

/** Words after a number that make it something other than a count: a percentage, an age, a duration, a calibre, a time. */
export const NOT_A_COUNT_AFTER =
  /^(?:\s*(?:%|percent|per\s+cent|відсот\p{L}*|процент\p{L}*|mm|мм|a\.?m\.?|p\.?m\.?|GMT|UTC|h(?!\p{L})|hrs|o'clock|years?|months?|weeks?|days?|hours?|minutes?|seconds?|рок\p{L}*|рік|років|місяц\p{L}*|тижн\p{L}*|тиждень|дн\p{L}*|доб\p{L}*|годин\p{L}*|хвилин\p{L}*|лет|года?|месяц\p{L}*|недел\p{L}*|сут\p{L}*|час\p{L}*|минут\p{L}*|point\p{L}*|пункт\p{L}*)(?!\p{L})|[-‑](?=\p{L})(?!plus))/iu;
/** Words before a number that make it an identifier, an age, a rank or a clock time. */
export const NOT_A_COUNT_BEFORE =
  /(?<!\p{L})(?:no\.?|nos\.|#|№|number|resolution|flight|point|paragraph|article|item|page|aged|age|ages|at|пункт\p{L}*|стат\p{L}*|резолюц\p{L}*|рейс\p{L}*|точк\p{L}*|сторін\p{L}*|страниц\p{L}*|віком|возрасте|о|об)\s*$|[#№+]\s*$/iu;

/** Cues of who gives a figure; `who` is the mention. Lazy runs are bounded, so no pattern backtracks far. */
export const ATTRIBUTION_AFTER_CUE: RegExp[] = [
  /(?<!\p{L})(?:according\s+to|citing|cited\s+by|за\s+(?:даними|словами|інформацією|підрахунками|оцінками)|як\s+(?:повідомляє|повідомляють|повідомили|повідомив|повідомила|заявили|заявив)|повідомили\s+(?:в|у)|по\s+(?:данным|словам|информации|подсч[её]там|оценкам)|как\s+(?:сообщает|сообщают|сообщили|сообщил|сообщила|заявили|заявил)|сообщили\s+в)\s+(?<who>[^,.;:!?()\n]{2,80}?)(?=\s*[,.;:!?()\n]|\s+(?:on|in|at|which|who|that|said|в|у|на|который|яка|які)\s|\s*$)/giu,
  /,\s*(?:said|says|reported|according\s+to|told\s+reporters|сообщил\p{L}*|заявил\p{L}*|повідомив|повідомил\p{L}*|заявив)\s+(?<who>[^,.;:!?()\n]{2,60}?)(?=\s*[,.;:!?()\n]|\s*$)/giu,
];
export const SAY_VERB =
  /(?<!\p{L})(?:said|says|say|reported|reports|estimated|estimates|counted|recorded|announced|stated|claimed|claims|told|documented|повідомив|повідомила|повідомили|повідомляє|заявив|заявила|заявили|підрахува\p{L}*|зафіксува\p{L}*|сообщил|сообщила|сообщили|сообщает|заявил|заявила|заявили|подсчитал\p{L}*|зафиксировал\p{L}*)(?!\p{L})/giu;

export const AS_OF_BEFORE = /(?<!\p{L})(?:as\s+of|as\s+at|by|станом\s+на|по\s+состоянию\s+на)\s+$/iu;
export const SINCE_WORD = /(?<!\p{L})(?:since|з\s+моменту|з\s+часу|відколи|с\s+момента|с\s+тех\s+пор\s+как|после\s+того\s+как)(?!\p{L})/iu;
