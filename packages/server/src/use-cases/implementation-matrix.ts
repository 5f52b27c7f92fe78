import type { Actor } from '../domain/shared/actor.ts';
import { invalid } from '../domain/shared/app-error.ts';
import { buildMatrix, compareProvisionNumbers, type MatrixRow } from '../domain/agreements/implementation-matrix.ts';
import { parsePreciseDate } from '../domain/shared/precise-date.ts';
import { reading } from './reading.ts';
import { today, type Deps } from './support.ts';

export interface Matrix {
  agreementId: string;
  dates: string[];
  provisions: { number: string; paraphrase: unknown; categories: unknown }[];
  rows: MatrixRow[];
}

/**
 * Provision × date, each cell holding the latest assessment per perspective that the
 * reader may see. Without dates, the columns are the dates assessments were made.
 */
export async function implementationMatrix(deps: Deps, actor: Actor, processId: string, agreementId: string, dates?: string[]): Promise<Matrix> {
  const read = reading(deps.store.reader, actor, processId, 'report');
  await read.one('agreements', agreementId, 'agreement');
  const provisions = await read.list('provisions', { parent: agreementId, limit: 10_000 });
  provisions.sort((a, b) => compareProvisionNumbers(String(a.body.number), String(b.body.number)));
  const assessments = (await Promise.all(provisions.map((p) => read.list('assessments', { parent: p.id, limit: 10_000 })))).flat();
  if (dates && dates.length > 100) throw invalid('dates', 'too_many_dates', 'Ask for at most 100 dates at once.');
  const columns = dates?.length
    ? dates.map((d, i) => parsePreciseDate(d, `dates/${i}`).lastDay)
    : [...new Set([...assessments.map((a) => a.sortOn), today()])].sort();
  const points = assessments.map((a) => ({
    id: a.id,
    provisionNumber: String(a.body.provisionNumber),
    level: Number(a.body.level),
    asOf: a.sortOn,
    perspective: String(a.body.perspective),
    assessor: String(a.body.assessor),
  }));
  return {
    agreementId,
    dates: columns,
    provisions: provisions.map((p) => ({ number: String(p.body.number), paraphrase: p.body.paraphrase, categories: p.body.categories })),
    rows: buildMatrix(
      provisions.map((p) => String(p.body.number)),
      points,
      columns,
    ),
  };
}
