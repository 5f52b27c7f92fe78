/**
 * What Parley treats as boilerplate in a scraped article, as data: each rule names what it catches and why, so a
 * reviewer can see at a glance what text a source may lose (and finds it again in `setAside`). The rules describe
 * kinds of text common to news sites in English, Ukrainian and Russian; none names a site or a page.
 */

/**
 * JavaScript's `\b` knows ASCII letters only, so "Читайте також:" has no word boundary after "також". Every rule is
 * written with `\b` and rebuilt with a Unicode one: after a word (a letter, `)`, `?` or `]` before it) "no letter or
 * digit follows", elsewhere "no letter or digit precedes". One-sided lookarounds keep the rules fast.
 */
const WORDCHAR = '[\\p{L}\\p{N}_]';
const u = (re: RegExp) =>
  new RegExp(
    re.source.replace(/\\b/g, (_, at: number) => (/[\p{L}\p{N})?\]]/u.test(re.source[at - 1] ?? '') ? `(?!${WORDCHAR})` : `(?<!${WORDCHAR})`)),
    re.flags,
  );

export interface Rule {
  id: string;
  /** Tested against one whole paragraph, whitespace squashed. */
  test: RegExp;
  /** Applies only among the last paragraphs (NEAR_END), where notes about the piece itself stand. */
  nearEnd?: boolean;
}

// Paragraphs that are never article prose wherever they stand. Most are anchored at both ends, so a sentence
// that merely mentions a newsletter or a photo survives; the few unanchored ones are phrases no reporter writes.
export const WHOLE_PARAGRAPH: Rule[] = [
  // "Read more: <headline>" and its kin point at another article; the headline after the cue is that article's. The
  // cue stands alone, before a separator, or before a short headline with no full stop: "Also on Tuesday, the
  // ministry said…" and "Related talks were held…" are prose.
  {
    id: 'read-more',
    test: u(
      /^(read (more|also|next|the full story)|see (also|more)|don'?t miss|must read|editor'?s picks|related( (articles?|stories|coverage|content|posts?|reading|video))?|more (on this|from|stories)|more ([\p{L}’'-]+ ){1,3}(stories|articles|reads)|(більше|ще|інші) (новин|новини|статей|матеріалів)|(больше|еще|другие) (новостей|новости|статей|материалов)|also (read|on)|you (may|might) (also )?(like|be interested)|recommended( for you)?|most (read|popular)|trending( now)?|popular this week|recent (articles|posts)|читайте (також|теж|ще|більше)|також читайте|дивіться (також|ще)|див\. також|по темі|читайте также|также читайте|смотрите также|см\. также|по теме|еще по теме)\b\s*([:|»›>—–-].{0,200}|(\S+ ){0,19}\S*[^.!;:\s])?\s*(\.\.\.|…)?$/iu,
    ),
  },
  // Sharing and following: the words of buttons and of calls to follow the publisher elsewhere.
  {
    id: 'share-follow',
    test: u(
      /^(share (this|on|via|the (article|story|post))|click (here )?to share|tweet this|follow (us|@|him|her|them|me)\b|follow [\p{L}\p{N}'’ ]{1,40} on (twitter|facebook|instagram|telegram|youtube|linkedin|tiktok)\b|follow .{1,80}(https?:\/\/|www\.)|join (us|our) on|join our .{0,40}\b(forums?|community|discussion)|поділитися|поширити|поділіться|слідкуйте за нами|стежте за нами|приєднуйтесь до нас|поделиться|поделитесь|следите за нами|присоединяйтесь к нам)\b.{0,150}$/iu,
    ),
  },
  // A social-media handle on its own line, perhaps labelled ("Instagram: @name", "Аккаунт: @name").
  { id: 'social-handle', test: u(/^([\p{L} ]{1,20}:\s*)?@[\p{L}\p{N}_.]{2,40}$/u) },
  // Cookie and consent notices.
  {
    id: 'cookie-notice',
    test: u(
      /\b(we use cookies|this (web)?site uses cookies|uses cookies to|by continuing to (use|browse) (this|our|the) (site|website)|accept (all )?cookies|cookie (policy|settings|preferences))\b|(використовує|використовуємо) (файли )?cookie|(использует|используем) (файлы )?cookie|файл(и|ы) cookie/iu,
    ),
  },
  // Newsletter and sign-up boxes.
  {
    id: 'newsletter',
    test: u(
      /^(sign up|subscribe|get (our|the)|join)\b.{0,120}\bnewsletters?\b|\b(sign up|subscribe) (for|to) (our|the)\b.{0,60}\b(newsletters?|e-?mail (newsletters?|alerts?|list)|mailing list)\b|^(підпишіться|підписуйтесь|підписатися|подпишитесь|подписывайтесь|подписаться)\b.{0,160}$/iu,
    ),
  },
  // Photo credits and caption labels (captions inside <figure> are set aside before this; these are the loose ones).
  // "Source:" / "Джерело:" lines are not among them: they say where a claim came from, which Parley must keep.
  {
    id: 'photo-credit',
    test: u(
      /^(\(?(photo|image|picture|pictured|credit|фото|світлина)( credit)?s?\s*[:©(-].{0,150}|image (copyright|caption)|caption|(image|photo|picture|slide|фото|світлина) \d+ (of|з|из)\b.{0,10}|media caption.*|media playback is unsupported.*|©.{0,80}|\(?(getty images?|reuters|afp|ap( photo)?|epa|shutterstock|istock|pa( media)?)(\/[^.]{0,60})?\)?|.{0,120}\((photo|image|credit|фото)s?:? [^)]{0,100}\))$/iu,
    ),
  },
  // Wire and desk credits in parentheses at the foot of a story: "(Reporting by …; editing by …)".
  { id: 'desk-credit', test: u(/^\((additional )?(reporting|writing|editing|compiled|contributing|with reporting) (by|from)\b.{0,300}\)$/iu) },
  // Tag and topic lists under a story: the site's index, not the story.
  { id: 'tags', test: u(/^(tags|topics|keywords|filed under|теги|мітки|ключові слова|ключевые слова)(:.{0,300})?$/iu) },
  // Copyright lines: about the page's rights, not its content.
  {
    id: 'copyright',
    test: u(/^(copyright\s*(©|\(c\)|@|\d{4})|©).{0,200}$|^.{0,150}\ball rights reserved\.?$|\bsubject to copyright\b|усі права захищені|все права защищены/iu),
  },
  // A line about the author rather than the story: "Jane Doe is a reporter for Example News.", "… contributed to this
  // report." Only near the end, and only "for/at/with" a publication: "Maria Ivanova is a journalist who was detained
  // in 2017" in the middle of a story is the story.
  {
    id: 'author-note',
    nearEnd: true,
    test: u(
      /^(\p{Lu}[\p{L}.'’-]+ ){1,3}(\([^)]{0,60}\) )?is (an?|the) ([\p{L}-]+ ){0,3}(reporter|writer|correspondent|editor|journalist|columnist|contributor|producer)( and [\p{L} -]{1,40})? (for|at|with|of) (?!.{0,200}\b(detained|arrested|killed|released|captured|missing|abducted)\b).{0,200}$|\bcontributed (to this (report|story|article)|reporting|research)( from [\p{L} ,.'’-]{1,60})?\.?$|^([Aa]bout the [Aa]uthors?|[Пп]ро автора|[Оо]б авторе)$/u,
    ),
  },
  // Buttons written as sentences.
  {
    id: 'call-to-action',
    test: u(/^click here (to|for) (subscribe|sign up|download (the|our) app|get the .{1,30} app|follow|join)\b.{0,100}$|^loading( content)?\s*(\.\.\.|…)?$/iu),
  },
  // Calls to subscribe to the publication itself (newsletters are caught above).
  {
    id: 'subscription',
    test: u(
      /^(subscribe (to|for|now|today)|get .{1,60} delivered (to your|through your|every|each|straight)|already (a subscriber|have an account)|оформіть передплату|передплатіть|оформите подписку)\b.{0,200}$/iu,
    ),
  },
  // Disclosure that links earn the publisher money: about the page, not the story.
  { id: 'affiliate-disclosure', test: u(/\baffiliate (links?|commission)\b|\bmay earn (a|an) (small )?(commission|affiliate)/iu) },
  // What a page says to a browser without JavaScript or a player: never the story.
  {
    id: 'script-notice',
    test: u(
      /\b((requires|enable|turn on) javascript|javascript (is )?(disabled|required)|your browser does not support|увімкніть javascript|включите javascript)\b/iu,
    ),
  },
  // Invitations to comment or share, asked of the reader.
  {
    id: 'reader-prompt',
    test: u(
      /^(tell us what you think|what do you think\?|join the (conversation|discussion)|have your say|like this (story|article)\?|share your (thoughts|views)|залиште коментар|оставьте комментарий).{0,120}$/iu,
    ),
  },
  {
    id: 'reading-time',
    test: u(/^(\d+ min(ute)?s? read|reading time:? .{1,20}|час читання:? .{1,20}|время чтения:? .{1,20}|\d+ хв(илин)? читання|\d+ мин(ут)? чтения)$/iu),
  },
  { id: 'advertisement', test: u(/^(advertisement|advert|sponsored( content)?|реклама|партнерський матеріал|на правах реклами)$/iu) },
  {
    id: 'comments',
    test: u(
      /^(comments?|\d+ comments?|leave a (comment|reply)|коментар(і|ів)?|комментари(и|ев)|(show|view|load) (more )?comments)(\s+comments?)?$|\bmoderat\w* (all )?comments\b|\bcomments (are|will be) moderated\b/iu,
    ),
  },
];

/**
 * The cue of a byline standing on its own line ("By Jane Doe", "Автор: Олена Коваль"); what follows must be names,
 * and at most a date, for the line to count as a byline (see `isByline`).
 */
export const BYLINE_CUE = u(
  /^(by|written by|words by|posted by|reporting by|additional reporting by|contributing:?|editing by|story by|автор(ка)?:?|текст:?|автори:?|авторы:?)\s+/iu,
);
/** Lower-case words a list of names may hold ("Jane Doe and John Roe", "Олена Коваль та Іван Петренко"). */
export const NAME_JOINERS = new Set(['and', 'with', 'de', 'van', 'von', 'der', 'al', 'bin', 'і', 'й', 'та', 'и']);

/**
 * The start of an appeal for money, membership or subscriptions. An appeal runs from its cue to the end of its
 * paragraph: a republisher often glues its own "please support us" onto the last paragraph of a wire story, so the
 * cut may fall inside a paragraph, at the sentence where the cue stands.
 */
export const APPEAL_CUES: RegExp[] = [
  // Objects are the publication's own work: "allies support our mission" and "support independent media" are news.
  u(
    /(please |you can )?(consider )?(support(ing)?|donate to|help (us )?(fund|sustain|keep)) (our|independent|quality|this|local) (journalism|reporting|newsroom|site|website|publication)\b/iu,
  ),
  u(/if you (enjoyed|value|like|liked|appreciate|found) (this|our|reading)\b.{0,40}\b(article|story|journalism|reporting|work|content|value)/iu),
  // Imperatives only, at the start of a sentence: "Ukraine wants to become a member of NATO" and "asked to make a
  // donation" are news, "Become a member" and "Make a donation" are appeals.
  u(
    /(^|[.!?]\s+)(please )?(become a (member|patron|subscriber|supporter|donor)|make a (one-off |monthly |small )?(donation|contribution)|donate (now|today|here))\b/iu,
  ),
  u(/\b(subscribe|sign up) (to|for) (our|the)\b.{0,60}\bnewsletters?\b/iu),
  // Imperatives again (підтримайте, not підтримати), with the publication as their object; "допоможіть нам" is left
  // out on purpose: in war reporting it is what people say to the reporter.
  u(/(^|\s)підтримайте (нас|нашу (редакцію|роботу|журналістику)|наш (проєкт|проект|сайт|канал)|редакцію|проєкт|проект|видання|журналіст|незалежн)/iu),
  u(/(^|\s)(задонатьте|зробіть донат|донат на (наш|нашу|редакці|розвиток)|стань(те)? (нашим )?(патроном|підписником|донором))/iu),
  u(/(^|\s)(підпишіться|підписуйтесь) на (наш|нашу|нас|розсилку|телеграм|канал|сторінк)/iu),
  u(/(^|\s)поддержите (нас|нашу (редакцию|работу|журналистику)|наш (проект|сайт|канал)|редакцию|проект|издание|журналист|независим)/iu),
  u(/(^|\s)(задонатьте|сделайте пожертвование|станьте (нашим )?(патроном|подписчиком|донором))/iu),
  u(/(^|\s)(подпишитесь|подписывайтесь) на (наш|нашу|нас|рассылку|телеграм|канал|страниц)/iu),
];

/** After an appeal, short lines of payment details and buttons belong to it. */
export const APPEAL_TAIL = u(
  /^(.{0,40}$|.*(https?:\/\/|www\.|paypal|patreon|monobank|privat24|приватбанк|liqpay|iban|картк|карт[аы]|\b\d{4} ?\d{4} ?\d{4} ?\d{4}\b))/iu,
);

/**
 * Words that make up navigation remnants: a paragraph of no more than a few words, all of them from this list, is a
 * menu or a button ("Home News Sports", "Sign In", "Головна Новини"), not a sentence.
 */
export const NAV_WORDS = new Set(
  `home news sports sport business world politics opinion menu search login log sign in out up subscribe subscriber services register skip to main content navigation contact us about advertise advertising with privacy policy terms of use share tweet email e-mail print facebook twitter whatsapp telegram linkedin pinterest reddit copy link more next previous prev back top close open all video videos photos gallery latest
  головна новини пошук меню увійти вхід вийти реєстрація контакти про нас реклама поділитися поширити більше далі назад наверх всі фото відео
  главная новости поиск меню войти выйти регистрация контакты о нас реклама поделиться больше далее назад наверх все фото видео`.split(/\s+/),
);

/**
 * Words a dateline or timestamp may consist of besides numbers: a paragraph made only of these and digits
 * ("Published 11:34 PM EST Nov 19, 2019", "Оновлено: 19 листопада 2019, 08:57") says when, not what.
 */
export const DATE_WORDS = new Set(
  `published updated posted original first last modified on at am pm a m p m est edt cst cdt pst pdt gmt utc bst cet cest et pt ct mt ist msk eet eest amt kst jst aest
  jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december
  mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday sun sunday
  опубліковано оновлено оприлюднено додано о об року рік р січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня
  понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя
  опубликовано обновлено добавлено в года год г января февраля марта апреля мая июня июля августа сентября октября ноября декабря
  понедельник вторник среда четверг пятница суббота воскресенье`.split(/\s+/),
);
