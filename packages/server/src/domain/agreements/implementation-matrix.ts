export interface AssessmentPoint {
  id: string;
  provisionNumber: string;
  level: number;
  asOf: string; // first day covered by the assessment's date
  perspective: string;
  assessor: string;
}

export interface MatrixCell {
  level: number;
  assessmentId: string;
  assessor: string;
}

export interface MatrixRow {
  provisionNumber: string;
  /** One entry per requested date; per perspective, the latest assessment on or before that date. */
  cells: Record<string, MatrixCell>[];
}

/**
 * Builds provision × date. Competing perspectives are kept apart instead of averaged:
 * a neutral "intermediate" and a party's "not initiated" are both the record.
 */
export function buildMatrix(provisionNumbers: readonly string[], assessments: readonly AssessmentPoint[], dates: readonly string[]): MatrixRow[] {
  const byProvision = new Map<string, AssessmentPoint[]>();
  for (const a of [...assessments].sort((x, y) => x.asOf.localeCompare(y.asOf) || x.id.localeCompare(y.id))) {
    const list = byProvision.get(a.provisionNumber) ?? [];
    list.push(a);
    byProvision.set(a.provisionNumber, list);
  }
  return provisionNumbers.map((provisionNumber) => ({
    provisionNumber,
    cells: dates.map((date) => {
      const cell: Record<string, MatrixCell> = {};
      for (const a of byProvision.get(provisionNumber) ?? []) {
        if (a.asOf > date) break;
        cell[a.perspective] = { level: a.level, assessmentId: a.id, assessor: a.assessor };
      }
      return cell;
    }),
  }));
}

/** Compares provision numbers as dotted integers so 10 follows 9, not 1. */
export function compareProvisionNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
