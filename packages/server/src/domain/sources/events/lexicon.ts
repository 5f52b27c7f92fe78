/**
 * Event words in English, Ukrainian and Russian, by PLOVER event type, and the words that set an event's mode.
 * Slavic verbs and nouns are matched by stem with any ending (\p{L}*).
 */

export type PloverType =
  | 'agree'
  | 'consult'
  | 'support'
  | 'concede'
  | 'cooperate'
  | 'aid'
  | 'retreat'
  | 'request'
  | 'accuse'
  | 'reject'
  | 'threaten'
  | 'protest'
  | 'sanction'
  | 'mobilize'
  | 'coerce'
  | 'assault'
  | 'other';

export type EventMode = 'occurred' | 'planned' | 'cancelled' | 'postponed' | 'denied' | 'proposed' | 'failed';

// No lookbehind for the word's left edge: it stops the regex engine from skipping ahead to a first letter, and
// costs more than half the reading time. `all` in index.ts drops matches that start inside a word.
const w = (p: string) => new RegExp(`(?:${p})(?!\\p{L})`, 'giu');

/**
 * Types that are things said: their mode is the saying, which has occurred, whatever the clause says of the act they
 * are about ("accused Kyiv of scrapping the planned talks" is an accusation that occurred).
 */
export const SPEECH_TYPES = new Set<PloverType>(['accuse', 'reject', 'request', 'support', 'threaten']);

/**
 * Trigger words by type. Where a longer trigger holds a shorter one of another type ("припинення вогню", a
 * ceasefire, holds "вогню", fire), the longer wins. A prisoner exchange is 'cooperate' (both sides act); a release
 * by one side and a ceasefire are 'concede' (PLOVER's yielding, CAMEO 08).
 */
export const TRIGGERS: [PloverType, RegExp][] = [
  [
    'consult',
    w(
      'meetings?|talks|rounds?(?:\\s+of\\s+(?:talks|negotiations|consultations))?|consultations|(?:tele|video)[-\\s]?conferences?|video\\s+(?:call|link)|(?:phone|telephone)\\s+(?:call|conversation|talks)|conference\\s+call|summit|negotiations|convene|convened|convening|meet|met|зустріч\\p{L}*|переговор\\p{L}*|раунд\\p{L}*|консультаці\\p{L}*|телеконференці\\p{L}*|відеоконференці\\p{L}*|саміт\\p{L}*|засіданн\\p{L}*|зустрілися|зберуться|скликати|скликанн\\p{L}*|встреч\\p{L}*|консультаци\\p{L}*|телеконференци\\p{L}*|видеоконференци\\p{L}*|саммит\\p{L}*|заседани\\p{L}*|встретились|встретились|соберутся|созвать|созыв\\p{L}*',
    ),
  ],
  [
    'agree',
    w(
      'agreed|agrees?|signed|signing|inked|reached\\s+(?:an?\\s+)?(?:agreement|deal|accord)|struck\\s+a\\s+deal|домовил\\p{L}*|погодил\\p{L}*|підписал\\p{L}*|підписан\\p{L}*|підписати|договорил\\p{L}*|согласил\\p{L}*|подписал\\p{L}*|подписан\\p{L}*|подписать',
    ),
  ],
  [
    'accuse',
    w(
      'accus\\p{L}*|blam\\p{L}*|condemn\\p{L}*|critici[sz]\\p{L}*|denounc\\p{L}*|засуди\\p{L}*|засудж\\p{L}*|осуди\\p{L}*|осужда\\p{L}*|розкритикува\\p{L}*|раскритикова\\p{L}*|held\\s+\\S+\\s+responsible|звинува\\p{L}*|обвинува\\p{L}*|обвиня\\p{L}*|обвинил\\p{L}*|возлож\\p{L}*\\s+ответственност\\p{L}*|поклада\\p{L}*\\s+відповідальн\\p{L}*',
    ),
  ],
  [
    'reject',
    w(
      'reject\\p{L}*|refus\\p{L}*|ruled\\s+out|rules\\s+out|not\\s+viable|impossible|not\\s+possible|no\\s+(?:sense|point)|(?:would|will)\\s+not\\s+(?:attend|take\\s+part)|boycott\\p{L}*|out\\s+of\\s+the\\s+question|dismiss(?:ed|es)?|відкин\\p{L}*|відхил\\p{L}*|відмовил\\p{L}*|відмовля\\p{L}*|неможлив\\p{L}*|недоцільн\\p{L}*|отверг\\p{L}*|отклон\\p{L}*|отказал\\p{L}*|отказыва\\p{L}*|невозможн\\p{L}*|нецелесообразн\\p{L}*',
    ),
  ],
  [
    'request',
    w(
      'demand(?:ed|s|ing)?|call(?:ed|s|ing)?\\s+(?:on|for)|urged?|urges|appeal(?:ed|s)?|ask(?:ed|s)?|вимага\\p{L}*|закликал\\p{L}*|закликав|заклика\\p{L}*|просил\\p{L}*|требова\\p{L}*|требу\\p{L}*|потребова\\p{L}*|призвал\\p{L}*|призыва\\p{L}*|попросил\\p{L}*',
    ),
  ],
  ['support', w('welcom(?:ed|es|e)|prais(?:ed|es|e)|backed|endors\\p{L}*|supported|привіта\\p{L}*|підтрима\\p{L}*|приветствова\\p{L}*|поддержа\\p{L}*')],
  ['threaten', w('threat\\p{L}*|warn(?:ed|s)?|погрож\\p{L}*|пригроз\\p{L}*|погроз\\p{L}*|попередив|угрож\\p{L}*|угроз\\p{L}*|предупредил\\p{L}*')],
  ['protest', w('protest(?:ed|s|ers)?|rall(?:y|ies)|demonstrat(?:ion|ions|ors)|протест\\p{L}*|мітинг\\p{L}*|митинг\\p{L}*')],
  ['sanction', w('sanction\\p{L}*|expel(?:led|s)?|санкці\\p{L}*|санкци\\p{L}*')],
  [
    'mobilize',
    w(
      'mobili[sz]\\p{L}*|deploy\\p{L}*|sending\\s+(?:in\\s+)?troops|відправ\\p{L}*\\s+військ\\p{L}*|отправк\\p{L}*\\s+войск|отправ\\p{L}*\\s+войск\\p{L}*|sent\\s+(?:in\\s+)?(?:troops|forces|reinforcements)|reinforcements|build-?up|massing|мобіліз\\p{L}*|розгорт\\p{L}*|розгорну\\p{L}*|перекину\\p{L}*|підкріплен\\p{L}*|мобилиз\\p{L}*|разверт\\p{L}*|развернул\\p{L}*|перебро\\p{L}*|подкреплени\\p{L}*',
    ),
  ],
  [
    'coerce',
    w(
      'detain(?:ed|s|ing)?|arrest(?:ed|s)?|seiz(?:ed|es|ure)|captur(?:ed|e)|abduct\\p{L}*|blockad\\p{L}*|затрима\\p{L}*|заарешт\\p{L}*|захопи\\p{L}*|захопл\\p{L}*|викра\\p{L}*|блокад\\p{L}*|задерж\\p{L}*|арестова\\p{L}*|захват\\p{L}*|захвач\\p{L}*|похит\\p{L}*',
    ),
  ],
  [
    'assault',
    w(
      'shell(?:ing|ings|ed|s)|attack(?:s|ed|ing)?|firing|fired\\s+(?:on|at)|opened\\s+fire|(?:artillery|rocket|mortar|sniper|heavy)\\s+fire|bombard\\p{L}*|air\\s*strikes?|strikes|offensive|assault(?:s|ed)?|storm(?:ed|ing)|fighting|clashes|обстріл\\p{L}*|атак\\p{L}*|штурм\\p{L}*|наступ|наступу|наступі|наступом|вогонь|вогню|бомбард\\p{L}*|бо[ïї]|обстрел\\p{L}*|огонь|огня|наступлени\\p{L}*|боев\\p{L}*\\s+действи\\p{L}*|бої|бои|боях|столкновени\\p{L}*|зіткнен\\p{L}*',
    ),
  ],
  [
    'concede',
    w(
      'cease-?fire|truce|(?:regime|day)\\s+of\\s+silence|releas(?:ed|es|e)|freed|handed\\s+over|перемир\\p{L}*|припинення\\s+вогню|режим\\p{L}*\\s+тиші|звільн\\p{L}*|перемири\\p{L}*|прекращени\\p{L}*\\s+огня|режим\\p{L}*\\s+тишины|освобо\\p{L}*',
    ),
  ],
  [
    'cooperate',
    w(
      '(?:prisoner\\s+)?(?:exchange|swap)s?|exchanged|swapped|обмін\\p{L}*|обміня\\p{L}*|обмен\\p{L}*|обменя\\p{L}*|cooperat\\p{L}*|співпрац\\p{L}*|сотруднича\\p{L}*',
    ),
  ],
  [
    'retreat',
    w(
      'withdr[ae]w\\p{L}*|pull(?:ed|s|ing)?\\s+(?:back|out)|retreat\\p{L}*|відвед\\p{L}*|відвів|відвел\\p{L}*|відступ\\p{L}*|вийшл\\p{L}*\\s+з|отвод\\p{L}*|отвел\\p{L}*|отвед\\p{L}*|отступ\\p{L}*|вывод\\p{L}*|вывел\\p{L}*',
    ),
  ],
  [
    'aid',
    w(
      '(?:humanitarian\\s+)?(?:aid|convoy|assistance)|гуманітарн\\p{L}*\\s+(?:допомог\\p{L}*|конво\\p{L}*)|гуманитарн\\p{L}*\\s+(?:помощ\\p{L}*|конво\\p{L}*)|конво\\p{L}*',
    ),
  ],
];

/**
 * Mode words, strongest first: a meeting "planned for Wednesday was scrapped" is cancelled, not planned.
 * "another"/"next"/"fresh" round speak of a meeting still to come.
 */
export const MODES: [EventMode, RegExp][] = [
  [
    'cancelled',
    w(
      "scrapped|cancell?ed|call(?:ed|s)?\\s+off|axed|abandoned|did\\s+not\\s+take\\s+place|didn't\\s+take\\s+place|(?:was|were)\\s+not\\s+held|never\\s+took\\s+place|скасова\\p{L}*|скасува\\p{L}*|відмінили|відмінен\\p{L}*|не\\s+відбул\\p{L}*|не\\s+відбудеться|не\\s+состоял\\p{L}*|не\\s+состоится|отмен\\p{L}*",
    ),
  ],
  [
    'postponed',
    w(
      'postpon\\p{L}*|delayed|put\\s+off|pushed\\s+back|reschedul\\p{L}*|deferred|moved\\s+to|перенес\\p{L}*|перенос\\p{L}*|відклад\\p{L}*|відклал\\p{L}*|отлож\\p{L}*|отклад\\p{L}*',
    ),
  ],
  [
    'failed',
    w(
      'failed|fell\\s+through|collapsed|broke\\s+down|ended\\s+without|without\\s+(?:a\\s+|any\\s+)?(?:result|outcome|agreement|progress)|no\\s+(?:outcome|result)|зірва\\p{L}*|зірван\\p{L}*|провал\\p{L}*|без\\s+результат\\p{L}*|не\\s+змогли|сорва\\p{L}*|сорван\\p{L}*|не\\s+смогли|безрезультатн\\p{L}*',
    ),
  ],
  ['denied', w('den(?:y|ied|ies|ying)|заперечу\\p{L}*|заперечи\\p{L}*|спростува\\p{L}*|спростову\\p{L}*|отрица\\p{L}*|опроверг\\p{L}*|опроверга\\p{L}*')],
  [
    'proposed',
    w(
      'propos(?:ed|es|e|al)|suggest(?:ed|s)?|offer(?:ed|s)?|spare\\s+no\\s+effort|ready\\s+to|willing\\s+to|push(?:ed|ing)?\\s+for|seek(?:s|ing)?\\s+to|try(?:ing)?\\s+to|добива\\p{L}*|домагатим\\p{L}*|запропон\\p{L}*|пропону\\p{L}*|готов\\p{L}*|предлож\\p{L}*|предлага\\p{L}*|приложит\\p{L}*\\s+все\\s+усилия|доклад\\p{L}*\\s+всіх\\s+зусиль',
    ),
  ],
  [
    'planned',
    w(
      "will|shall|'ll|is\\s+to|are\\s+to|due\\s+to|is\\s+due|are\\s+due|scheduled|planned|plans?\\s+to|expected\\s+to|set\\s+to|upcoming|next|another|fresh|буде|будуть|будемо|будем|відбудеться|відбудуться|заплановано|запланован\\p{L}*|планує\\p{L}*|планують|наступн\\p{L}*|має\\s+відбутися|мають\\s+відбутися|будет|будут|состоится|состоятся|запланирован\\p{L}*|планиру\\p{L}*|следующ\\p{L}*|очередн\\p{L}*|нов(?:ий|ый|ого|ому)\\s+раунд\\p{L}*",
    ),
  ],
];

/** Clause edges inside a sentence: the two sides of "X, while Y" are two events with their own actors. */
export const CLAUSE_BREAK =
  /;|,\s+(?:while|whereas|but|and|with|until)\s|\s+while\s|\s+(?:and|as)\s+(?:each|both)\s+sides?\s|,\s+(?:а|але|однак|проте|тоді\s+як|поки|доки|і|й|та|но|однако|тогда\s+как|в\s+то\s+время\s+как|пока|и)\s/giu;

/** Verbs of saying: actors before one are speakers, not the ones who act, unless no one else is named. */
export const SAY = w(
  'said|says|say|told|announced|stated|claimed|claims|added|noted|according\\s+to|заявив|заявила|заявили|сказав|сказала|повідомив|повідомила|повідомили|зазначив|заявил|заявила|заявили|сказал|сказала|сообщил|сообщила|сообщили|отметил',
);

/** Words of a side that name no single party: "the rebels" fought for two of them. */
export const UNNAMED_SIDES = w(
  '(?:pro-russian\\s+)?(?:rebels|separatists|insurgents|militants)|бойовик\\p{L}*|сепаратист\\p{L}*|ополченц\\p{L}*|боевик\\p{L}*',
);

/** Words that tell the format of a meeting, for matching it to the record. */
export const REMOTE_MEETING = /tele[-\s]?conferenc|video|phone|conference\s+call|телеконференц|відеоконференц|видеоконференц|відеозв|видеосвяз|телефон/iu;
export const SUMMIT = /summit|саміт|саммит/iu;
export const ROUND = /round|talks|contact\s+group|meeting|negotiation|раунд|переговор|контактн|зустріч|встреч/iu;
