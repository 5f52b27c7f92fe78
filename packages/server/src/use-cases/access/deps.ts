import type { AccountStore, CalendarFeedStore, Store } from '../ports.ts';

export interface AccessDeps {
  accounts: AccountStore;
  /** Secret calendar addresses, a credential like the API tokens. */
  feeds: CalendarFeedStore;
  store: Store;
  /** The time sessions, tokens and the sign-in throttle are judged at; tests move it instead of waiting. */
  clock?: () => Date;
}

export const nowOf = (deps: AccessDeps) => deps.clock?.() ?? new Date();
