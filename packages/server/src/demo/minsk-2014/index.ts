import type { AccessDeps } from '../../use-cases/access/accounts.ts';

export async function loadMinsk2014(_deps: AccessDeps, _processId: string): Promise<void> {}
