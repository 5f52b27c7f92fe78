import type { Kysely, SelectQueryBuilder } from 'kysely';
import { EMPTY_COUNTER, type ThrottleCounter, type ThrottleScope } from '../domain/access/sign-in-throttle.ts';
import type { Actor, Role } from '../domain/shared/actor.ts';
import { conflict } from '../domain/shared/app-error.ts';
import type { AccountStore, ApiTokenInfo } from '../use-cases/ports.ts';
import type { Database } from './schema.ts';

type GrantRow = { account_id: string; username: string; process_id: string | null; role: string | null; party_id: string | null };

function actorFrom(rows: GrantRow[]): Actor | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const roles = rows.flatMap((r) => (r.process_id && r.role ? [{ processId: r.process_id, role: r.role as Role, partyId: r.party_id }] : []));
  return { accountId: first.account_id, username: first.username, roles };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two credential tables differ only in name
const withGrants = (q: SelectQueryBuilder<Database, any, object>) =>
  q
    .leftJoin('role_grants', 'role_grants.account_id', 'accounts.account_id')
    .select(['accounts.account_id', 'accounts.username', 'role_grants.process_id', 'role_grants.role', 'role_grants.party_id'])
    .execute() as Promise<GrantRow[]>;

// Both drivers return timestamps as Date; the types of generated columns say less, hence unknown.
type TokenRow = { token_id: string; name: string; created_at: unknown; expires_at: unknown; last_used_at: unknown };
const iso = (d: unknown) => new Date(d as Date).toISOString();
const tokenInfo = (r: TokenRow): ApiTokenInfo => ({
  id: r.token_id,
  name: r.name,
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
  lastUsedAt: r.last_used_at === null ? null : iso(r.last_used_at),
});
const TOKEN_COLUMNS = ['token_id', 'name', 'created_at', 'expires_at', 'last_used_at'] as const;
// Noting every use would turn every API call into a write; to the minute is enough to tell a live token from a forgotten one.
const LAST_USED_STEP_MS = 60_000;
const SCOPES: ThrottleScope[] = ['account', 'address', 'pair'];

export function createAccountStore(db: Kysely<Database>): AccountStore {
  const grants = async (accountId: string) =>
    (await db.selectFrom('role_grants').selectAll().where('account_id', '=', accountId).orderBy('process_id').orderBy('role').execute()).map((g) => ({
      processId: g.process_id,
      role: g.role as Role,
      partyId: g.party_id,
    }));
  const toAccount = (r: { account_id: string; username: string; password_hash: string }) => ({
    accountId: r.account_id,
    username: r.username,
    passwordHash: r.password_hash,
  });
  return {
    async create(a) {
      const row = await db
        .insertInto('accounts')
        .values({ account_id: a.accountId, username: a.username, password_hash: a.passwordHash })
        .onConflict((oc) => oc.doNothing())
        .returning('account_id')
        .executeTakeFirst();
      if (!row) throw conflict('already_exists', `The username "${a.username}" is taken.`, { field: 'username' });
    },
    async findByUsername(username) {
      const r = await db.selectFrom('accounts').selectAll().where('username', '=', username).executeTakeFirst();
      return r && toAccount(r);
    },
    async list() {
      const rows = await db.selectFrom('accounts').select(['account_id', 'username']).orderBy('username').execute();
      return Promise.all(rows.map(async (r) => ({ accountId: r.account_id, username: r.username, roles: await grants(r.account_id) })));
    },
    grants,
    async createSession(tokenHash, accountId, expiresAt) {
      await db.insertInto('sessions').values({ token_hash: tokenHash, account_id: accountId, expires_at: expiresAt.toISOString() }).execute();
    },
    async actorBySession(tokenHash, now) {
      return actorFrom(
        await withGrants(
          db
            .selectFrom('sessions')
            .where('sessions.token_hash', '=', tokenHash)
            .where('sessions.expires_at', '>', now)
            .innerJoin('accounts', 'accounts.account_id', 'sessions.account_id'),
        ),
      );
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async createToken(t) {
      const row = await db
        .insertInto('api_tokens')
        .values({ token_hash: t.tokenHash, token_id: t.tokenId, account_id: t.accountId, name: t.name, expires_at: t.expiresAt.toISOString() })
        .returning(TOKEN_COLUMNS)
        .executeTakeFirstOrThrow();
      return tokenInfo(row);
    },
    async actorByToken(tokenHash, now) {
      const rows = (await withGrants(
        db
          .selectFrom('api_tokens')
          .select('api_tokens.last_used_at')
          .where('api_tokens.token_hash', '=', tokenHash)
          .where('api_tokens.expires_at', '>', now)
          .innerJoin('accounts', 'accounts.account_id', 'api_tokens.account_id'),
      )) as (GrantRow & { last_used_at: Date | string | null })[];
      const used = rows[0]?.last_used_at;
      if (rows.length && (!used || now.getTime() - new Date(used).getTime() >= LAST_USED_STEP_MS))
        await db.updateTable('api_tokens').set({ last_used_at: now.toISOString() }).where('token_hash', '=', tokenHash).execute();
      return actorFrom(rows);
    },
    async listTokens(accountId) {
      const rows = await db
        .selectFrom('api_tokens')
        .select(TOKEN_COLUMNS)
        .where('account_id', '=', accountId)
        .orderBy('created_at')
        .orderBy('token_id')
        .execute();
      return rows.map(tokenInfo);
    },
    async deleteToken(accountId, tokenId) {
      const r = await db.deleteFrom('api_tokens').where('account_id', '=', accountId).where('token_id', '=', tokenId).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },
    async deleteCredentials(accountId) {
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
        await tx.deleteFrom('api_tokens').where('account_id', '=', accountId).execute();
      });
    },
    async updateThrottle(keys, change) {
      await db.transaction().execute(async (tx) => {
        // Rows are created first so there is always a row to lock; locked in one order, so two attempts cannot deadlock.
        await tx
          .insertInto('login_throttle')
          .values(SCOPES.map((scope) => ({ scope, key: keys[scope] })))
          .onConflict((oc) => oc.doNothing())
          .execute();
        const rows = await tx
          .selectFrom('login_throttle')
          .selectAll()
          .where((eb) => eb.or(SCOPES.map((scope) => eb.and([eb('scope', '=', scope), eb('key', '=', keys[scope])]))))
          .orderBy('scope')
          .orderBy('key')
          .forUpdate()
          .execute();
        const read = (scope: ThrottleScope): ThrottleCounter => {
          const r = rows.find((x) => x.scope === scope);
          if (!r) return { ...EMPTY_COUNTER };
          return {
            failures: r.failures,
            lastFailureAt: r.last_failure_at && new Date(r.last_failure_at),
            succeededAt: r.succeeded_at && new Date(r.succeeded_at),
          };
        };
        const next = change({ pair: read('pair'), account: read('account'), address: read('address') });
        if (!next) return;
        for (const scope of SCOPES) {
          const c = next[scope];
          await tx
            .updateTable('login_throttle')
            .set({ failures: c.failures, last_failure_at: c.lastFailureAt?.toISOString() ?? null, succeeded_at: c.succeededAt?.toISOString() ?? null })
            .where('scope', '=', scope)
            .where('key', '=', keys[scope])
            .execute();
        }
      });
    },
    async pruneThrottle(failuresBefore, succeededBefore) {
      await db
        .deleteFrom('login_throttle')
        .where((eb) => eb.or([eb('last_failure_at', 'is', null), eb('last_failure_at', '<', failuresBefore)]))
        .where((eb) => eb.or([eb('succeeded_at', 'is', null), eb('succeeded_at', '<', succeededBefore)]))
        .execute();
    },
  };
}
