import { SourceInput } from '@parley/contracts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { createRecord } from '../../use-cases/create-record.ts';
import { resource } from '../../use-cases/resources.ts';
import { validated } from '../validate.ts';
import { ensureUriFormat, type Ctx, type Draft } from './util.ts';

type Source = Draft<typeof SourceInput> & { id: string };

const STATE_RU = 'Russian state news agency (TASS): the state media of a party to the conflict.';

/**
 * The sources the scenario cites, numbered as in the research notes (data/minsk-2014.md).
 * Addresses are stored only where the notes give a path; where they give just a
 * hostname, or where the publication date is not in the notes, the record says so.
 * Titles in square brackets describe the item; they are not its headline.
 */
export const SOURCES: Source[] = [
  {
    id: 'src-16',
    kind: 'agreement_text',
    language: 'en',
    date: '2014-09-08',
    title: 'Protocol on the results of consultations of the Trilateral Contact Group (Minsk, 5 September 2014)',
    publisher: 'Ministry of Foreign Affairs of Ukraine (mfa.gov.ua)',
    note: 'Official publication by the foreign ministry of a party to the process.',
  },
  {
    id: 'src-17',
    kind: 'agreement_text',
    language: 'ru',
    date: '2014',
    url: 'https://voltairenet.org/article186855',
    title: '[Text of the Minsk Protocol of 5 September 2014]',
    publisher: 'Réseau Voltaire (voltairenet.org)',
    note: 'Partisan outlet with a strongly anti-Western editorial line. Publication date not in the research notes (year only); language assumed.',
  },
  {
    id: 'src-18',
    kind: 'article',
    language: 'es',
    date: '2014-12',
    title: '[On the Minsk signatories for the certain areas of Donetsk and Luhansk regions]',
    publisher: 'The Diplomat in Spain (thediplomatinspain.com)',
    note: "Published after the scenario date (December 2014); cited for Kyiv's position that the areas' representatives signed as private persons. Language assumed.",
  },
  {
    id: 'src-19',
    kind: 'article',
    language: 'ru',
    date: '2014-09',
    title: '[Minsk Protocol signed; ceasefire from 18:00 Kyiv time on 5 September]',
    publisher: 'Zerkalo Nedeli (zn.ua)',
    note: 'Ukrainian weekly. Day of publication not in the research notes; language assumed (zn.ua publishes in Russian and Ukrainian).',
  },
  {
    id: 'src-20',
    kind: 'article',
    language: 'en',
    date: '2014-09-20',
    title: '[Contact group agrees memorandum in Minsk on a buffer zone and ceasefire]',
    publisher: 'AFP (via Expatica)',
  },
  {
    id: 'src-20-osce',
    kind: 'official_statement',
    language: 'en',
    date: '2014-09-20',
    title: '[OSCE Chairmanship statement on the Minsk memorandum of 19 September 2014]',
    publisher: 'OSCE Chairmanship',
    note: 'Statement of the mediating organisation. Listed with AFP as source 20 in the research notes.',
  },
  {
    id: 'src-21',
    kind: 'article',
    language: 'de',
    date: '2014',
    url: 'https://laender-analysen.de/ukraine-analysen/137',
    title: '[Ukraine-Analysen no. 137: the Minsk memorandum of 19 September 2014]',
    publisher: 'Ukraine-Analysen (Länder-Analysen)',
    note: 'German academic analysis series. Publication date not in the research notes (year only).',
  },
  {
    id: 'src-26',
    kind: 'article',
    language: 'en',
    date: '2014-12',
    url: 'https://tass.com/world/769158',
    title: '[Contact group meets in Minsk; prisoner exchange agreed]',
    publisher: 'TASS',
    note: `${STATE_RU} Published after the scenario date; cited only for the envoys of the areas from December 2014. Day not in the research notes.`,
  },
  {
    id: 'src-31',
    kind: 'article',
    language: 'en',
    date: '2014-11',
    url: 'https://tass.com/world/759655',
    title: '[Elections held in the self-proclaimed republics on 2 November]',
    publisher: 'TASS',
    note: `${STATE_RU} Day of publication not in the research notes.`,
  },
  {
    id: 'src-32',
    kind: 'article',
    language: 'it',
    date: '2014-11-21',
    title: '[Russian foreign ministry on the cancelled contact-group teleconference]',
    publisher: 'China Radio International, Italian service (italian.cri.cn)',
    note: "Chinese state broadcaster. Reports the Russian foreign ministry spokesman's remarks of 20 November 2014.",
  },
  {
    id: 'src-37',
    kind: 'article',
    language: 'ru',
    date: '2015-01-29',
    title: "[On the postponed contact-group round and Belarus's terms for hosting]",
    publisher: 'Forbes Russia (forbes.ru)',
    note: "Published after the scenario date; cited for Belarus's practice of hosting a round only once every participant has confirmed.",
  },
  {
    id: 'src-41',
    kind: 'article',
    language: 'en',
    date: '2014-10',
    url: 'https://tass.com/world/753783',
    title: '[Sides contradict each other over a deal on the line of contact]',
    publisher: 'TASS',
    note: `${STATE_RU} Day of publication not in the research notes.`,
  },
  {
    id: 'src-45',
    kind: 'article',
    language: 'en',
    date: '2014-10-08',
    title: '[UN: at least 3,660 killed in eastern Ukraine since mid-April]',
    publisher: 'The Jerusalem Post',
  },
  {
    id: 'src-46',
    kind: 'article',
    language: 'en',
    date: '2014-11',
    title: '[UN: 4,317 killed in eastern Ukraine, 957 of them since the ceasefire]',
    publisher: 'Business Standard',
    note: 'The same UN figures were also carried by panorama.am (listed with it as source 46 in the research notes). Day of publication not in the notes.',
  },
  {
    id: 'src-47',
    kind: 'article',
    language: 'en',
    date: '2014-12-15',
    title: '[UN: 4,364 killed and 10,064 wounded in eastern Ukraine as of 30 November]',
    publisher: 'UPI',
    note: 'Published after the scenario date; reports UN figures as of 30 November 2014.',
  },
  {
    id: 'src-53',
    kind: 'article',
    language: 'en',
    date: '2014',
    url: 'https://tass.com/world/753783',
    title: "[Ukraine's parliament passed the special-status and amnesty laws on 16 September]",
    publisher: 'TASS',
    note: `${STATE_RU} The research notes give the same address as source 41; publication date not in the notes (year only).`,
  },
  {
    id: 'src-54',
    kind: 'article',
    language: 'en',
    date: '2014-08-01',
    title: '[Contact group meets in Minsk on hostages and access to the MH17 crash site]',
    publisher: 'UA Position (uaposition.com)',
    note: "Ukrainian English-language outlet presenting Ukraine's side.",
  },
  {
    id: 'src-44',
    kind: 'article',
    language: 'en',
    date: '2015',
    title: '[OHCHR figures on eastern Ukraine; Ukrainian forces left Debaltseve on 18 February 2015]',
    publisher: 'UAWire (uawire.org), citing OHCHR',
    note: 'The research notes give the withdrawal from Debaltseve on 18 February 2015 and the casualty figures of 15 May 2015 from this source; no exact publication date in the notes (year only).',
  },
  {
    id: 'src-nov-report',
    kind: 'article',
    language: 'en',
    date: '2014-11-21',
    title: '[News report on the stalled contact-group talks, 21 November 2014]',
    publisher: 'news agency report (scraped)',
    note: 'The November 2014 news report of the model case, kept as scraped. It ends in a donation appeal that is page boilerplate, not part of the report. Title descriptive (in brackets), not the headline.',
  },
];

export async function loadSources({ deps, processId }: Ctx): Promise<void> {
  ensureUriFormat();
  for (const s of SOURCES) await createRecord(deps, SYSTEM, processId, resource('source'), validated(SourceInput, s, `source ${s.id}`));
}
