import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Actor, Role } from '../domain/shared/actor.ts';
import { conflict } from '../domain/shared/app-error.ts';
import type { AccountStore } from '../use-cases/ports.ts';
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
  q.leftJoin('role_grants', 'role_grants.account_id', 'accounts.account_id')
    .select(['accounts.account_id', 'accounts.username', 'role_grants.process_id', 'role_grants.role', 'role_grants.party_id'])
    .execute() as Promise<GrantRow[]>;

export function createAccountStore(db: Kysely<Database>): AccountStore {
  const grants = async (accountId: string) =>
    (await db.selectFrom('role_grants').selectAll().where('account_id', '=', accountId).orderBy('process_id').orderBy('role').execute()).map((g) => ({
      processId: g.process_id, role: g.role as Role, partyId: g.party_id,
    }));
  const toAccount = (r: { account_id: string; username: string; password_hash: string }) => ({ accountId: r.account_id, username: r.username, passwordHash: r.password_hash });
  return {
    async create(a) {
      const row = await db.insertInto('accounts').values({ account_id: a.accountId, username: a.username, password_hash: a.passwordHash })
        .onConflict((oc) => oc.doNothing()).returning('account_id').executeTakeFirst();
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
      return actorFrom(await withGrants(db.selectFrom('sessions').where('sessions.token_hash', '=', tokenHash).where('sessions.expires_at', '>', now).innerJoin('accounts', 'accounts.account_id', 'sessions.account_id')));
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async createToken(tokenHash, accountId, name) {
      await db.insertInto('api_tokens').values({ token_hash: tokenHash, account_id: accountId, name }).execute();
    },
    async actorByToken(tokenHash) {
      return actorFrom(await withGrants(db.selectFrom('api_tokens').where('api_tokens.token_hash', '=', tokenHash).innerJoin('accounts', 'accounts.account_id', 'api_tokens.account_id')));
    },
  };
}
