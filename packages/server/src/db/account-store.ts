import { sql, type Kysely, type Selectable, type SelectQueryBuilder, type Transaction } from 'kysely';
import { EMPTY_COUNTER, type ThrottleCounter, type ThrottleScope } from '../domain/access/sign-in-throttle.ts';
import type { Actor, Role } from '../domain/shared/actor.ts';
import { conflict } from '../domain/shared/app-error.ts';
import type { AccountStore, ApiTokenInfo, LinkRecord } from '../use-cases/ports.ts';
import type { Database } from './schema.ts';

type GrantRow = { account_id: string; username: string; admin: boolean; process_id: string | null; role: string | null; party_id: string | null };

function actorFrom(rows: GrantRow[]): Actor | undefined {
  const first = rows[0];
  if (!first) return undefined;
  const roles = rows.flatMap((r) => (r.process_id && r.role ? [{ processId: r.process_id, role: r.role as Role, partyId: r.party_id }] : []));
  return { accountId: first.account_id, username: first.username, roles, admin: first.admin === true };
}

// Only active accounts act, and only unrevoked grants give a role: a deactivation or revocation holds from the next request.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the two credential tables differ only in name
const withGrants = (q: SelectQueryBuilder<Database, any, object>) =>
  q
    .where('accounts.deactivated_at', 'is', null)
    .leftJoin('role_grants', (join) => join.onRef('role_grants.account_id', '=', 'accounts.account_id').on('role_grants.revoked_at', 'is', null))
    .select(['accounts.account_id', 'accounts.username', 'accounts.admin', 'role_grants.process_id', 'role_grants.role', 'role_grants.party_id'])
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

type LinkRow = Selectable<Database['account_links']>;
const isoOrNull = (d: unknown) => (d === null || d === undefined ? null : iso(d));
const toLink = (r: LinkRow): LinkRecord => ({
  linkId: r.link_id,
  secretHash: r.secret_hash,
  purpose: r.purpose,
  processId: r.process_id,
  role: r.role as Role | null,
  partyId: r.party_id,
  username: r.username,
  accountId: r.account_id,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  expiresAt: iso(r.expires_at),
  usedAt: isoOrNull(r.used_at),
  revokedAt: isoOrNull(r.revoked_at),
});

/** Marks a link used if it still may be; the row lock makes a second, concurrent use wait and then find it used. */
export async function claimLink(tx: Kysely<Database> | Transaction<Database>, linkId: string, usedBy: string, now: Date): Promise<boolean> {
  const row = await tx
    .updateTable('account_links')
    .set({ used_at: now.toISOString(), used_by: usedBy })
    .where('link_id', '=', linkId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('link_id')
    .executeTakeFirst();
  return !!row;
}

const deleteCredentials = async (tx: Transaction<Database>, accountId: string) => {
  await tx.deleteFrom('sessions').where('account_id', '=', accountId).execute();
  await tx.deleteFrom('api_tokens').where('account_id', '=', accountId).execute();
  await tx.deleteFrom('calendar_feeds').where('account_id', '=', accountId).execute();
};

export function createAccountStore(db: Kysely<Database>): AccountStore {
  const grants = async (accountId: string) =>
    (
      await db
        .selectFrom('role_grants')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('revoked_at', 'is', null)
        .orderBy('process_id')
        .orderBy('role')
        .execute()
    ).map((g) => ({
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
        .values({ account_id: a.accountId, username: a.username, password_hash: a.passwordHash, admin: a.admin ?? false })
        .onConflict((oc) => oc.doNothing())
        .returning('account_id')
        .executeTakeFirst();
      if (!row) throw conflict('already_exists', `The username "${a.username}" is taken.`, { field: 'username' });
    },
    async findByUsername(username) {
      const r = await db.selectFrom('accounts').selectAll().where('username', '=', username).where('deactivated_at', 'is', null).executeTakeFirst();
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
      await db.transaction().execute((tx) => deleteCredentials(tx, accountId));
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
    async accountInfo(username) {
      const r = await db
        .selectFrom('accounts')
        .select(['account_id', 'username', 'admin', 'deactivated_at'])
        .where('username', '=', username)
        .executeTakeFirst();
      return r && { accountId: r.account_id, username: r.username, admin: r.admin, active: r.deactivated_at === null };
    },
    async accounts() {
      const rows = await db.selectFrom('accounts').select(['account_id', 'username', 'admin', 'deactivated_at']).orderBy('username').execute();
      return Promise.all(
        rows.map(async (r) => ({
          accountId: r.account_id,
          username: r.username,
          admin: r.admin,
          active: r.deactivated_at === null,
          roles: await grants(r.account_id),
        })),
      );
    },
    async actorById(accountId) {
      return actorFrom(await withGrants(db.selectFrom('accounts').where('accounts.account_id', '=', accountId)));
    },
    async hasAdmin() {
      return !!(await db.selectFrom('accounts').select('account_id').where('admin', '=', true).where('deactivated_at', 'is', null).executeTakeFirst());
    },
    async setAdmin(accountId, admin) {
      await db.updateTable('accounts').set({ admin }).where('account_id', '=', accountId).execute();
    },
    async deactivate(accountId, by, now) {
      await db.transaction().execute(async (tx) => {
        await tx
          .updateTable('accounts')
          .set({ deactivated_at: now.toISOString() })
          .where('account_id', '=', accountId)
          .where('deactivated_at', 'is', null)
          .execute();
        await deleteCredentials(tx, accountId);
        await tx
          .updateTable('account_links')
          .set({ revoked_at: now.toISOString(), revoked_by: by })
          .where('account_id', '=', accountId)
          .where('used_at', 'is', null)
          .where('revoked_at', 'is', null)
          .execute();
      });
    },
    async createLink(l) {
      const row = await db
        .insertInto('account_links')
        .values({
          link_id: l.linkId,
          secret_hash: l.secretHash,
          purpose: l.purpose,
          process_id: l.processId,
          role: l.role,
          party_id: l.partyId,
          username: l.username,
          account_id: l.accountId,
          created_by: l.createdBy,
          expires_at: l.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toLink(row);
    },
    async findLink(linkId) {
      const row = await db.selectFrom('account_links').selectAll().where('link_id', '=', linkId).executeTakeFirst();
      return row && toLink(row);
    },
    async pendingInvites(processId, now) {
      const rows = await db
        .selectFrom('account_links')
        .selectAll()
        .where('purpose', '=', 'invite')
        .where('process_id', '=', processId)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at')
        .orderBy('link_id')
        .execute();
      return rows.map((r) => toLink(r));
    },
    async revokeLinks(m, by, now) {
      let q = db
        .updateTable('account_links')
        .set({ revoked_at: now.toISOString(), revoked_by: by })
        .where('purpose', '=', m.purpose)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null);
      if (m.linkId !== undefined) q = q.where('link_id', '=', m.linkId);
      if (m.processId !== undefined) q = q.where('process_id', '=', m.processId);
      if (m.accountId !== undefined) q = q.where('account_id', '=', m.accountId);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },
    async redeemSetup(linkId, a, now) {
      return db.transaction().execute(async (tx) => {
        // One set-up at a time: the lock makes a second set-up wait, then find an administrator and give up.
        await sql`select pg_advisory_xact_lock(hashtext('parley.setup'))`.execute(tx);
        if (await tx.selectFrom('accounts').select('account_id').where('admin', '=', true).where('deactivated_at', 'is', null).executeTakeFirst()) return false;
        if (!(await claimLink(tx, linkId, a.accountId, now))) return false;
        const row = await tx
          .insertInto('accounts')
          .values({ account_id: a.accountId, username: a.username, password_hash: a.passwordHash, admin: true })
          .onConflict((oc) => oc.doNothing())
          .returning('account_id')
          .executeTakeFirst();
        if (!row) throw conflict('already_exists', `The username "${a.username}" is taken.`, { field: 'username' });
        return true;
      });
    },
    async redeemReset(linkId, accountId, passwordHash, now) {
      return db.transaction().execute(async (tx) => {
        if (!(await claimLink(tx, linkId, accountId, now))) return false;
        const r = await tx
          .updateTable('accounts')
          .set({ password_hash: passwordHash })
          .where('account_id', '=', accountId)
          .where('deactivated_at', 'is', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw conflict('account_deactivated', 'The account was deactivated; its password cannot be reset.');
        await deleteCredentials(tx, accountId);
        return true;
      });
    },
    async processGrants(processId) {
      const rows = await db
        .selectFrom('role_grants')
        .innerJoin('accounts', 'accounts.account_id', 'role_grants.account_id')
        .select([
          'accounts.account_id',
          'accounts.username',
          'accounts.deactivated_at',
          'role_grants.role',
          'role_grants.party_id',
          'role_grants.version',
          'role_grants.revoked_at',
        ])
        .where('role_grants.process_id', '=', processId)
        .orderBy('accounts.username')
        .orderBy('role_grants.role')
        .execute();
      return rows.map((r) => ({
        accountId: r.account_id,
        username: r.username,
        active: r.deactivated_at === null,
        role: r.role as Role,
        partyId: r.party_id,
        version: r.version,
        revokedAt: isoOrNull(r.revoked_at),
      }));
    },
  };
}
