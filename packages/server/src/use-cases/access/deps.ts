import type { AccountStore, Store } from '../ports.ts';

export interface AccessDeps {
  accounts: AccountStore;
  store: Store;
}
