import { AssessmentInput } from '@parley/contracts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { assessProvision } from '../../use-cases/assess-provision.ts';
import { validated } from '../validate.ts';
import type { Ctx, Draft } from './util.ts';

type Assessment = Draft<typeof AssessmentInput> & { agreementId: string; number: string };

const DEMO = 'Parley demo scenario (from public reporting)';

/**
 * A few implementation assessments on the Peace Accords Matrix scale (0 not initiated,
 * 1 minimal, 2 intermediate, 3 complete), using only what was known by 30 November 2014.
 * The levels are the demo's readings of the evidence; the rationale says so where a
 * party gave no rating of its own.
 */
export const ASSESSMENTS: Assessment[] = [
  {
    agreementId: 'minsk-protocol',
    number: '1',
    level: 1,
    asOf: '2014-11-18',
    assessor: DEMO,
    perspective: 'neutral',
    audience: 'public',
    rationale:
      'The ceasefire took effect on 5 September but did not stop the killing: UN monitors documented at least 331 people killed between the ceasefire and 6 October, and at least 957 by 18 November. It is observed only in part.',
    evidence: [
      { kind: 'figure', id: 'fig-un-2014-11-18-killed-since-ceasefire', note: '957 killed 5 Sep–18 Nov' },
      { kind: 'figure', id: 'fig-un-2014-10-06-killed-since-ceasefire', note: '331 killed 5 Sep–6 Oct' },
      { kind: 'statement', id: 'stmt-report-toll' },
    ],
  },
  {
    agreementId: 'minsk-protocol',
    number: '1',
    level: 1,
    asOf: '2014-11-21',
    assessor: "Ukraine's position, as read by the Parley demo",
    perspective: 'ukr',
    audience: 'public',
    rationale:
      "Kyiv's envoy says a fresh meeting is not viable while the firing continues: in Kyiv's view the ceasefire is not being kept, and that, not Kyiv, is what stands in the way of another round. Kyiv gave no rating; the level is the demo's reading of its position.",
    evidence: [
      { kind: 'statement', id: 'stmt-ukr-firing' },
      { kind: 'meeting', id: 'tcg-2014-11-teleconference', note: 'cancelled; the sides blame different causes' },
    ],
  },
  {
    agreementId: 'minsk-protocol',
    number: '3',
    level: 1,
    asOf: '2014-11-30',
    assessor: DEMO,
    perspective: 'neutral',
    audience: 'public',
    rationale:
      "Ukraine's parliament passed the special-status law on 16 September 2014. The scenario's sources record no further step to put it into effect by the end of November.",
    evidence: [{ kind: 'source', id: 'src-53', note: 'law passed 16 Sep 2014' }],
  },
  {
    agreementId: 'minsk-protocol',
    number: '6',
    level: 1,
    asOf: '2014-11-30',
    assessor: DEMO,
    perspective: 'neutral',
    audience: 'public',
    rationale:
      "Ukraine's parliament passed the amnesty law on 16 September 2014, together with the special-status law. The scenario's sources record no amnesty applied by the end of November.",
    evidence: [{ kind: 'source', id: 'src-53', note: 'law passed 16 Sep 2014' }],
  },
  {
    agreementId: 'minsk-protocol',
    number: '9',
    level: 0,
    asOf: '2014-11-30',
    assessor: DEMO,
    perspective: 'neutral',
    audience: 'public',
    rationale:
      'No early local elections under the special-status law were held. On 2 November 2014 the separatists held elections of their own, outside Ukrainian law.',
    evidence: [{ kind: 'source', id: 'src-31', note: 'elections of 2 Nov 2014' }],
  },
  {
    agreementId: 'minsk-memorandum',
    number: '4',
    level: 0,
    asOf: '2014-11-30',
    assessor: DEMO,
    perspective: 'neutral',
    audience: 'public',
    rationale:
      'The 24-hour deadline (20 September) passed with no withdrawal recorded in the scenario\'s sources. The memorandum froze positions "as of 19 September" without a published, agreed map, and in October the sides contradicted each other about a deal on the line; without an agreed line, the 15 km distances can be neither measured nor verified. Level 0 reflects the absence of evidence, not a verified failure.',
    evidence: [
      { kind: 'source', id: 'src-21', note: 'no agreed map published' },
      { kind: 'source', id: 'src-41', note: 'October contradictions over a line deal' },
    ],
  },
];

/** Last: assessments cite figures, statements and meetings. */
export async function loadAssessments({ deps, processId }: Ctx): Promise<void> {
  for (const { agreementId, number, ...a } of ASSESSMENTS)
    await assessProvision(
      deps,
      SYSTEM,
      processId,
      agreementId,
      number,
      validated(AssessmentInput, a, `assessment of ${agreementId} ${number} (${a.perspective})`),
    );
}
