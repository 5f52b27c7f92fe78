import type { Stance } from './types.ts';

/** A regex of whole words or phrases; a letter may not touch either end, in any script (`\b` knows only ASCII). */
export function wordsRegex(phrases: readonly string[]): RegExp {
  const alts = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) =>
      p
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ /g, '\\s+')
        .replace(/'/g, "['’]"),
    );
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${alts.join('|')})(?![\\p{L}\\p{M}])`, 'giu');
}

/** How a cue stands to its speaker and words. */
export type CueKind =
  /** "X said (that) …", "…, X said", "«…», — заявив X" */
  | 'verb'
  /** "according to X, …", "…, according to X", "за словами X, …" */
  | 'source';

// prettier-ignore
const VERBS_EN = [
  'said', 'says', 'say', 'told reporters', 'told journalists', 'told a news conference', 'told', 'added', 'adds', 'stated', 'declared', 'announced',
  'insisted', 'claimed', 'asserted', 'maintained', 'argued', 'stressed', 'noted', 'warned', 'explained', 'confirmed', 'reported', 'wrote', 'tweeted',
  'accused', 'accuses', 'blamed', 'blames', 'urged', 'urges', 'called on', 'called for', 'calls on', 'calls for', 'appealed', 'denied', 'denies',
  'rejected', 'rejects', 'ruled out', 'rules out', 'pledged', 'pledges', 'promised', 'vowed', 'condemned', 'complained', 'replied', 'responded',
];
// prettier-ignore
const VERBS_UK = [
  'заявив', 'заявила', 'заявили', 'заявляє', 'сказав', 'сказала', 'сказали', 'повідомив', 'повідомила', 'повідомили', 'повідомляє', 'додав',
  'додала', 'наголосив', 'наголосила', 'зазначив', 'зазначила', 'підкреслив', 'стверджує', 'звинуватив', 'звинуватила', 'звинуватили', 'закликав',
  'закликала', 'закликали', 'заперечив', 'заперечила', 'спростував', 'відкинув', 'пообіцяв', 'пообіцяла', 'попередив', 'розповів', 'розповіла',
  'оголосив',
];
// prettier-ignore
const VERBS_RU = [
  'заявил', 'заявила', 'заявили', 'заявляет', 'сказал', 'сказала', 'сказали', 'сообщил', 'сообщила', 'сообщили', 'сообщает', 'добавил', 'добавила',
  'подчеркнул', 'подчеркнула', 'отметил', 'отметила', 'утверждает', 'обвинил', 'обвинила', 'обвинили', 'призвал', 'призвала', 'призвали', 'опроверг',
  'отверг', 'пообещал', 'пообещала', 'предупредил', 'рассказал', 'рассказала', 'объявил', 'настаивает',
];
const SOURCES = ['according to', 'за словами', 'за її словами', 'за його словами', 'по словам', 'по его словам', 'по ее словам', 'по её словам'];

export const CUE_RE = wordsRegex([...VERBS_EN, ...VERBS_UK, ...VERBS_RU, ...SOURCES]);
const SOURCE_SET = new Set(SOURCES.map((s) => s.toLowerCase()));
export const cueKind = (text: string): CueKind => (SOURCE_SET.has(text.toLowerCase().replace(/\s+/g, ' ')) ? 'source' : 'verb');

/** Words that open the reported clause after a cue: "said that …", "заявив, що …". */
export const THAT = new Set(['that', 'що', 'что', 'мовляв', 'будто']);
/** "Як повідомив X, …" / "Как заявил X, …": the speaker follows the cue and a comma ends the mention. */
export const AS = new Set(['as', 'як', 'как']);
// prettier-ignore
export const PRONOUNS_PERSON = new Set(['he', 'she', 'him', 'her', 'він', 'вона', 'його', 'її', 'он', 'она', 'его', 'ее', 'её']);
/** Openers of a mention that set the time or place of the words ("On Thursday, Lukashevich said"), not the speaker. */
// prettier-ignore
export const SETTING = new Set([
  'on', 'in', 'at', 'late', 'earlier', 'later', 'meanwhile', 'however', 'separately', 'у', 'в', 'во', 'вчора', 'вчера', 'сьогодні', 'сегодня', 'тем',
]);
export const PRONOUNS_PLURAL = new Set(['they', 'вони', 'они']);
/** Leading words that join a clause to the one before rather than name anyone. */
// prettier-ignore
export const CONJUNCTIONS = new Set(['and', 'but', 'while', 'whereas', 'also', 'і', 'й', 'та', 'а', 'але', 'и', 'но', 'тоже', 'також', 'также']);
/** Addressees after a cue ("— сказав він журналістам") that are not part of the speaker's name. */
// prettier-ignore
export const ADDRESSEES = new Set(['reporters', 'journalists', 'журналістам', 'журналистам', 'репортерам', 'агентству', 'изданию', 'виданню']);

/** Role nouns of a speaker mention, by mandate role. */
// prettier-ignore
export const ROLE_WORDS: [RegExp, 'envoy' | 'spokesperson' | 'mediator' | 'head_of_delegation'][] = [
  [
    wordsRegex([
      'spokesman', 'spokeswoman', 'spokesperson', 'official representative', 'речник', 'речниця', 'прес-секретар', 'пресс-секретарь',
      'официальный представитель', 'официальный представитель мид',
    ]),
    'spokesperson',
  ],
  [
    wordsRegex(['special representative', 'mediator', 'посередник', 'посредник', 'спецпредставник', 'спецпредставитель', 'специальный представитель']),
    'mediator',
  ],
  [wordsRegex(['head of delegation', 'head of the delegation', 'глава делегации', 'голова делегації', 'керівник делегації']), 'head_of_delegation'],
  [
    wordsRegex(['envoy', 'negotiator', 'ambassador', 'representative', 'посол', 'посланник', 'представник', 'представитель', 'переговорник', 'переговорщик']),
    'envoy',
  ],
];

/**
 * Words that show a stance, strongest first: a statement takes the first stance any of its words show, so
 * "will … only if" is a condition and "rejected claims that" a denial, not a rejection.
 */
// prettier-ignore
export const STANCE_WORDS: [Stance, RegExp][] = [
  [
    'condition',
    wordsRegex([
      'only if', 'unless', 'as long as', 'so long as', 'until', 'provided that', 'on condition that', 'if', 'only after', 'not viable while',
      'лише якщо', 'тільки якщо', 'якщо', 'доки', 'поки', 'за умови', 'лише після', 'тільки після', 'только если', 'если', 'пока', 'при условии',
      'лишь после', 'только после', 'до тех пор',
    ]),
  ],
  [
    'denial',
    wordsRegex([
      'denied', 'denies', 'deny', 'denying', 'rejected claims', 'rejected allegations', 'rejected accusations', 'rejected the claims',
      'rejected the allegations', 'rejected the accusations', 'rejected reports', 'dismissed claims',
      'dismissed the claims', 'dismissed allegations', 'groundless', 'baseless', 'there are no', 'there is no evidence', 'did not violate',
      'has not violated', 'had not violated', 'not involved', 'заперечив', 'заперечила', 'заперечує', 'спростував', 'спростувала', 'безпідставні',
      'опроверг', 'опровергла', 'отрицает', 'отверг обвинения', 'беспочвенны', 'голословны', 'не нарушала', 'не порушувала',
    ]),
  ],
  [
    'accusation',
    wordsRegex([
      'accused', 'accuses', 'accusing', 'blamed', 'blames', 'blaming', 'condemned', 'violated', 'violating', 'in violation of',
      'broke the ceasefire', 'provocation', 'sabotaged', 'disrupted', 'звинуватив', 'звинуватила', 'звинуватили', 'звинувачує', 'порушили',
      'порушує', 'зірвав', 'зірвали', 'провокація', 'обвинил', 'обвинила', 'обвинили', 'обвиняет', 'нарушили', 'нарушает', 'сорвал', 'сорвали',
      'провокация',
    ]),
  ],
  [
    'appeal',
    wordsRegex([
      'spare no effort', 'spare no efforts', 'called for', 'called on', 'calls for', 'calls on', 'call on', 'call for', 'urged', 'urges', 'urge',
      'appealed', 'appeal to', 'return to the negotiating table', 'resume talks', 'докладе всіх зусиль', 'докласти всіх зусиль', 'закликав',
      'закликала', 'закликали', 'закликає', 'приложит все усилия', 'приложить все усилия', 'призвал', 'призвала', 'призвали', 'призываем',
      'призывает',
    ]),
  ],
  [
    'rejection',
    wordsRegex([
      'rejected', 'rejects', 'refused', 'refuses', 'ruled out', 'rules out', 'will not', "won't", 'would not', 'dismissed',
      'відхилив', 'відкинув', 'відмовився', 'відмовилася', 'відмовилися', 'не буде', 'отверг', 'отклонил', 'отказался', 'отказалась', 'отказались',
      'не будет', 'исключил',
    ]),
  ],
  [
    'commitment',
    wordsRegex([
      'pledged', 'pledge', 'promised', 'vowed', 'committed', 'will', 'would', 'shall', 'ready to', 'ready for', 'готовий', 'готова', 'готові',
      'готов', 'буде', 'будемо', 'будем', 'будет', 'пообіцяв', 'пообіцяла', 'зобов’язався', "зобов'язався", 'обязуется', 'пообещал', 'пообещала',
    ]),
  ],
  ['claim', wordsRegex(['insisted', 'claimed', 'asserted', 'maintained', 'стверджує', 'наполягає', 'утверждает', 'настаивает', 'заверил'])],
];
