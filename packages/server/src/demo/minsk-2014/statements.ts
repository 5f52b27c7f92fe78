import { ClaimInput, StatementInput } from '@parley/contracts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { createRecord } from '../../use-cases/create-record.ts';
import { resource } from '../../use-cases/resources.ts';
import { validated } from '../validate.ts';
import type { Ctx, Draft } from './util.ts';

type Statement = Draft<typeof StatementInput, 'partyIds' | 'meetingIds'> & { id: string };
type Claim = Draft<typeof ClaimInput, 'counters'> & { id: string };

const REPORT = 'src-nov-report';

/**
 * The statements of the November 2014 report, in the demo's own words. The report gives
 * most of them without a day; those carry the month. Lukashevich's remarks are dated by
 * src-32. Kyiv's envoy is not named in the report, so no person is attached.
 */
export const STATEMENTS: Statement[] = [
  {
    id: 'stmt-rus-utmost',
    speakerPartyId: 'rus',
    speakerLabel: 'Russian foreign ministry',
    date: '2014-11',
    speech: 'reported',
    stance: 'appeal',
    topic: 'next round of the contact group',
    text: "Russia's foreign ministry says Moscow will do its utmost to bring the contact group (Russia, Ukraine, the separatists and the OSCE) together for another round.",
    partyIds: ['rus'],
    meetingIds: ['tcg-next-round'],
    sourceId: REPORT,
  },
  {
    id: 'stmt-rus-teleconference',
    speakerId: 'lukashevich',
    speakerPartyId: 'rus',
    speakerLabel: 'Russian foreign ministry spokesman',
    date: '2014-11-20',
    speech: 'reported',
    stance: 'accusation',
    topic: 'preparatory teleconference',
    text: 'Moscow blames Kyiv for scrapping the preparatory teleconference of the contact group.',
    partyIds: ['rus', 'ukr'],
    meetingIds: ['tcg-2014-11-teleconference'],
    sourceId: REPORT,
  },
  {
    id: 'stmt-ukr-firing',
    speakerPartyId: 'ukr',
    speakerLabel: "Ukraine's envoy to the contact group (not named in the report)",
    date: '2014-11',
    speech: 'reported',
    stance: 'condition',
    topic: 'next round of the contact group',
    text: "Kyiv's envoy says there is no point in a fresh meeting as long as the shooting goes on.",
    partyIds: ['ukr'],
    meetingIds: ['tcg-next-round', 'tcg-2014-11-teleconference'],
    sourceId: REPORT,
  },
  {
    id: 'stmt-report-toll',
    speakerLabel: "the report itself (the agency's narrative)",
    date: '2014-11-21',
    speech: 'direct',
    stance: 'report',
    topic: 'ceasefire and casualties',
    text: 'The ceasefire agreed in Minsk in September has been broken again and again; more than 4,300 people have been killed since mid-April.',
    sourceId: REPORT,
  },
  {
    id: 'stmt-report-next-round',
    speakerLabel: "the report itself (the agency's narrative)",
    date: '2014-11-21',
    speech: 'direct',
    stance: 'report',
    topic: 'next round of the contact group',
    text: 'The next round is expected to settle a demarcation line and an exchange of prisoners.',
    meetingIds: ['tcg-next-round'],
    sourceId: REPORT,
  },
  {
    id: 'stmt-west-arming',
    speakerLabel: 'Western governments',
    date: '2014-11',
    speech: 'reported',
    stance: 'accusation',
    topic: 'Russian involvement',
    text: 'Western governments accuse Russia of supplying the rebels with arms.',
    partyIds: ['rus'],
    sourceId: REPORT,
  },
  {
    id: 'stmt-rus-denial',
    speakerPartyId: 'rus',
    date: '2014-11',
    speech: 'reported',
    stance: 'denial',
    topic: 'Russian involvement',
    text: 'Russia denies that it is involved in any way.',
    partyIds: ['rus'],
    sourceId: REPORT,
  },
];

/** Contested assertions, each linked to the statement that makes it; a counter-claim names what it contradicts. */
export const CLAIMS: Claim[] = [
  {
    id: 'claim-west-arming',
    subject: 'Russian involvement',
    statementId: 'stmt-west-arming',
    sourceId: REPORT,
    text: 'Russia is arming the rebels in eastern Ukraine.',
  },
  {
    id: 'claim-rus-not-involved',
    subject: 'Russian involvement',
    claimantPartyId: 'rus',
    statementId: 'stmt-rus-denial',
    sourceId: REPORT,
    text: 'Russia is not involved in the conflict in eastern Ukraine.',
    counters: ['claim-west-arming'],
  },
  {
    id: 'claim-rus-kyiv-scrapped',
    subject: 'cancelled teleconference',
    claimantPartyId: 'rus',
    statementId: 'stmt-rus-teleconference',
    sourceId: REPORT,
    text: 'Kyiv scrapped the preparatory teleconference.',
  },
  {
    id: 'claim-ukr-firing',
    subject: 'cancelled teleconference',
    claimantPartyId: 'ukr',
    statementId: 'stmt-ukr-firing',
    sourceId: REPORT,
    text: 'A fresh meeting is not viable while the firing continues.',
    counters: ['claim-rus-kyiv-scrapped'],
  },
];

/** After the meetings: statements name them. */
export async function loadStatements({ deps, processId }: Ctx): Promise<void> {
  for (const s of STATEMENTS) await createRecord(deps, SYSTEM, processId, resource('statement'), validated(StatementInput, s, `statement ${s.id}`));
  for (const c of CLAIMS) await createRecord(deps, SYSTEM, processId, resource('claim'), validated(ClaimInput, c, `claim ${c.id}`));
}
