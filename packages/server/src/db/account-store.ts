import type { Kysely } from 'kysely';
import type { Role } from '../domain/shared/actor.ts';
import { conflict } from '../domain/shared/app-error.ts';
import type { AccountStore } from '../use-cases/ports.ts';
import type { Database } from './schema.ts';

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
    async findById(accountId) {
      const r = await db.selectFrom('accounts').selectAll().where('account_id', '=', accountId).executeTakeFirst();
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
    async findSession(tokenHash, now) {
      const r = await db.selectFrom('sessions').select('account_id').where('token_hash', '=', tokenHash).where('expires_at', '>', now).executeTakeFirst();
      return r?.account_id;
    },
    async deleteSession(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },
    async createToken(tokenHash, accountId, name) {
      await db.insertInto('api_tokens').values({ token_hash: tokenHash, account_id: accountId, name }).execute();
    },
    async findToken(tokenHash) {
      return (await db.selectFrom('api_tokens').select('account_id').where('token_hash', '=', tokenHash).executeTakeFirst())?.account_id;
    },
  };
}
