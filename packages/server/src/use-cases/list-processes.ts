import type { Deps } from './support.ts';

/** Processes are public by nature: their names are what every party already knows. */
export async function listProcesses(deps: Deps) {
  return deps.store.reader.processes();
}
