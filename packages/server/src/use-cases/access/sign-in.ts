import { hash, verify } from '@node-rs/argon2';
import { isIP } from 'node:net';
import { countAttempt, FORGET_AFTER_SECONDS, KNOWN_ADDRESS_DAYS, settleSuccess, signInWait } from '../../domain/access/sign-in-throttle.ts';
import type { Actor } from '../../domain/shared/actor.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import { assertSignedIn } from '../../policies/credentials.ts';
import { nowOf, type AccessDeps } from './deps.ts';
import { ARGON, digest, secret } from './secrets.ts';

export const SESSION_DAYS = 14;
// Pruning is housekeeping that no rule depends on, so one sign-in in fifty does it.
const PRUNE_CHANCE = 0.02;

const BAD_LOGIN = () => new AppError('unauthenticated', 'bad_credentials', 'The username or password is wrong.');
const tooMany = (seconds: number) =>
  new AppError('rate_limited', 'too_many_attempts', `Too many failed sign-ins: wait ${seconds} seconds before trying again.`, { retryAfterSeconds: seconds });

/**
 * The address the throttle counts. One IPv6 client usually holds a whole /64, so a /64 counts as
 * one address; an IPv4 address written as IPv6 counts as itself.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

// Usernames are hashed: people sometimes type their password into the username field.
const throttleKeys = (username: string, address: string) => ({ pair: digest(`${username}\n${address}`), account: digest(username), address });

/**
 * Signs in. Throttled per username, per address and per both (see domain/access/sign-in-throttle.ts),
 * checked before the password so a locked-out attempt costs no hashing and learns nothing, even with
 * the right password. An unknown user gets the same answers as a known one, after the same argon2
 * work (a throwaway hash), so neither the answer nor its timing tells which usernames exist.
 */
export async function signIn(
  deps: AccessDeps,
  input: { username: string; password: string },
  ctx: { address: string; now?: Date },
): Promise<{ session: string; expiresAt: Date }> {
  const now = ctx.now ?? nowOf(deps);
  const keys = throttleKeys(input.username, addressKey(ctx.address));
  let wait = 0;
  await deps.accounts.updateThrottle(keys, (c) => {
    wait = signInWait(c, now);
    return wait > 0 ? null : countAttempt(c, now);
  });
  if (wait > 0) throw tooMany(wait);
  if (Math.random() < PRUNE_CHANCE)
    await deps.accounts.pruneThrottle(new Date(now.getTime() - FORGET_AFTER_SECONDS * 1000), new Date(now.getTime() - KNOWN_ADDRESS_DAYS * 86_400_000));
  // PostgreSQL text cannot hold U+0000, and no username contains it.
  const account = input.username.includes('\u0000') ? undefined : await deps.accounts.findByUsername(input.username);
  const ok = await verify(account?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
  if (!account || !ok) throw BAD_LOGIN();
  await deps.accounts.updateThrottle(keys, (c) => settleSuccess(c, now));
  const session = secret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await deps.accounts.createSession(digest(session), account.accountId, expiresAt);
  return { session, expiresAt };
}
const DUMMY_HASH = await hash('parley-dummy-password', ARGON);

export async function signOut(deps: AccessDeps, session: string): Promise<void> {
  await deps.accounts.deleteSession(digest(session));
}

/** Ends every session and revokes every API token of the account: what to do when a password or a device may be lost. */
export async function signOutEverywhere(deps: AccessDeps, actor: Actor): Promise<void> {
  assertSignedIn(actor, 'sign out everywhere');
  await deps.accounts.deleteCredentials(actor.accountId);
}
