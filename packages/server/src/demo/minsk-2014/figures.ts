import { FigureInput } from '@parley/contracts';
import { SYSTEM } from '../../domain/shared/actor.ts';
import { createRecord } from '../../use-cases/create-record.ts';
import { resource } from '../../use-cases/resources.ts';
import { validated } from '../validate.ts';
import type { Ctx, Draft } from './util.ts';

type Figure = Draft<typeof FigureInput> & { id: string };

const PLACE = 'conflict zone of eastern Ukraine';
const UN = 'UN human-rights monitoring, cumulative since mid-April 2014. A documented minimum: later reports revise earlier ones.';
const SINCE_CEASEFIRE = 'UN human-rights monitoring: killed since the ceasefire of 5 September 2014. A documented minimum.';

/** A cumulative UN pair (killed, wounded) as of one date. */
const un = (asOf: string, killed: number, wounded: number, sourceId: string, extra = ''): Figure[] =>
  (['killed', 'wounded'] as const).map((measure) => ({
    id: `fig-un-${asOf}-${measure}`,
    qualifier: 'at_least',
    value: measure === 'killed' ? killed : wounded,
    unit: 'people',
    measure,
    periodFrom: '2014-04',
    periodTo: asOf,
    asOf,
    place: PLACE,
    sourceId,
    note: `${UN}${extra && measure === 'killed' ? ` ${extra}` : ''}`,
  }));

/** Casualty figures known by the end of November 2014 (the 30 November one was published on 15 December). */
export const FIGURES: Figure[] = [
  ...un('2014-10-06', 3660, 8756, 'src-45'),
  {
    id: 'fig-un-2014-10-06-killed-since-ceasefire',
    qualifier: 'at_least',
    value: 331,
    unit: 'people',
    measure: 'killed',
    periodFrom: '2014-09-05',
    periodTo: '2014-10-06',
    asOf: '2014-10-06',
    place: PLACE,
    sourceId: 'src-45',
    note: SINCE_CEASEFIRE,
  },
  ...un('2014-11-18', 4317, 9921, 'src-46', 'Includes the 298 people killed aboard flight MH17.'),
  {
    id: 'fig-un-2014-11-18-killed-since-ceasefire',
    qualifier: 'at_least',
    value: 957,
    unit: 'people',
    measure: 'killed',
    periodFrom: '2014-09-05',
    periodTo: '2014-11-18',
    asOf: '2014-11-18',
    place: PLACE,
    sourceId: 'src-46',
    note: SINCE_CEASEFIRE,
  },
  ...un('2014-11-30', 4364, 10064, 'src-47'),
  {
    id: 'fig-report-killed',
    qualifier: 'more_than',
    value: 4300,
    unit: 'people',
    measure: 'killed',
    periodFrom: '2014-04',
    asOf: '2014-11-21',
    place: PLACE,
    sourceId: 'src-nov-report',
    statementId: 'stmt-report-toll',
    note: 'The November report\'s rounded figure "since mid-April"; it matches the UN count of 4,317 as of 18 November (fig-un-2014-11-18-killed).',
  },
];

/** After the statements: the report's figure names its statement. */
export async function loadFigures({ deps, processId }: Ctx): Promise<void> {
  for (const f of FIGURES) await createRecord(deps, SYSTEM, processId, resource('figure'), validated(FigureInput, f, `figure ${f.id}`));
}
