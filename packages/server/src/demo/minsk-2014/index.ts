import type { AccessDeps } from '../../use-cases/access/accounts.ts';
import { loadAgreements } from './agreements.ts';
import { loadAssessments } from './assessments.ts';
import { loadFigures } from './figures.ts';
import { loadLines } from './lines.ts';
import { loadMeetings } from './meetings.ts';
import { loadParties } from './parties.ts';
import { loadSources } from './sources.ts';
import { loadStatements } from './statements.ts';

/**
 * Loads the Minsk process as of late November 2014 (facts: data/minsk-2014.md) through
 * the use cases, as the system actor. Order matters: every record is written after the
 * records it names (sources first; agreements before the meetings whose outcomes cite
 * them; assessments last).
 */
export async function loadMinsk2014(deps: AccessDeps, processId: string): Promise<void> {
  const ctx = { deps, processId };
  await loadSources(ctx);
  await loadParties(ctx);
  await loadAgreements(ctx);
  await loadMeetings(ctx);
  await loadStatements(ctx);
  await loadFigures(ctx);
  await loadAssessments(ctx);
  await loadLines(ctx);
}
