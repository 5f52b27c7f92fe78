import type { AccountStore, Store } from '../ports.ts';

export interface AccessDeps {
  accounts: AccountStore;
  store: Store;
  /** The time sessions, tokens and the sign-in throttle are judged at; tests move it instead of waiting. */
  clock?: () => Date;
}

export const nowOf = (deps: AccessDeps) => deps.clock?.() ?? new Date();
