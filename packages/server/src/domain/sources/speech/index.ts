export type { SpeakerResolution, Stance, StatementCandidate } from './types.ts';
export { readStatements } from './read-statements.ts';
