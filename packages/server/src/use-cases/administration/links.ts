import { timingSafeEqual } from 'node:crypto';
import { countAttempt, signInWait, type ThrottleCounters } from '../../domain/access/sign-in-throttle.ts';
import { AppError } from '../../domain/shared/app-error.ts';
import type { AccessDeps } from '../access/deps.ts';
import { digest, secret } from '../access/secrets.ts';
import { addressKey, SESSION_DAYS } from '../access/sign-in.ts';
import type { LinkPurpose, LinkRecord } from '../ports.ts';
import { newId } from '../support.ts';

/**
 * One-time links: set-up, account invites and password resets. A link's token is `<id>.<secret>`:
 * the id finds the row, the secret's SHA-256 is compared in constant time, and only that hash is
 * stored. Tokens never appear in logs (http/app.ts redacts them from logged URLs).
 */

export const LINK_HOURS: Record<LinkPurpose, number> = { setup: 24, invite: 7 * 24, reset: 24 };
const PREFIX: Record<LinkPurpose, string> = { setup: 'set', invite: 'inv', reset: 'rst' };
export const LINK_PATH: Record<LinkPurpose, string> = { setup: '/setup/', invite: '/invite/', reset: '/reset/' };
const TOKEN = /^((?:set|inv|rst)-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;

export async function issueLink(
  deps: AccessDeps,
  link: Omit<LinkRecord, 'linkId' | 'secretHash' | 'createdAt' | 'expiresAt' | 'usedAt' | 'revokedAt'>,
  now: Date,
): Promise<{ link: LinkRecord; token: string; path: string }> {
  const linkId = newId(PREFIX[link.purpose]);
  const key = secret();
  const stored = await deps.accounts.createLink({
    ...link,
    linkId,
    secretHash: digest(key),
    expiresAt: new Date(now.getTime() + LINK_HOURS[link.purpose] * 3_600_000).toISOString(),
  });
  const token = `${linkId}.${key}`;
  return { link: stored, token, path: `${LINK_PATH[link.purpose]}${token}` };
}

// Guesses are counted per address, apart from sign-ins (the keys carry their own prefix), and never per link:
// a count shared by everyone would let anybody hold up every invitee.
const throttleKeys = (address: string) => {
  const a = addressKey(address);
  return { pair: digest(`link\n${a}`), account: digest(`link-any\n${a}`), address: `link:${a}` };
};
const undo = (c: ThrottleCounters): ThrottleCounters => {
  const back = (x: ThrottleCounters['pair']) => ({ ...x, failures: Math.max(0, x.failures - 1) });
  return { pair: back(c.pair), account: back(c.account), address: back(c.address) };
};

const unknownLink = () => new AppError('not_found', 'link_not_found', 'This link is not known: it was never issued, or its address was copied wrongly.');
export const linkGone = (reason: 'link_used' | 'link_expired' | 'link_revoked') =>
  new AppError(
    'gone',
    reason,
    {
      link_used: 'This link was already used; ask for a new one.',
      link_expired: 'This link has expired; ask for a new one.',
      link_revoked: 'This link was withdrawn; ask for a new one.',
    }[reason],
  );

/**
 * The link a token names, if it may still be used. Each attempt is counted before the lookup, as
 * sign-ins are, and a right secret takes its count back, so only wrong guesses add up. Every wrong
 * token answers the same, whatever part of it is wrong.
 */
export async function openLink(deps: AccessDeps, token: string, purpose: LinkPurpose, ctx: { address: string; now: Date }): Promise<LinkRecord> {
  const keys = throttleKeys(ctx.address);
  let wait = 0;
  await deps.accounts.updateThrottle(keys, (c) => {
    wait = signInWait(c, ctx.now);
    return wait > 0 ? null : countAttempt(c, ctx.now);
  });
  if (wait > 0)
    throw new AppError('rate_limited', 'too_many_attempts', `Too many unknown links were tried: wait ${wait} seconds before trying again.`, {
      retryAfterSeconds: wait,
    });
  const m = TOKEN.exec(token);
  const link = m ? await deps.accounts.findLink(m[1]!) : undefined;
  const given = Buffer.from(digest(m?.[2] ?? ''), 'hex');
  const stored = Buffer.from(link?.secretHash ?? digest('-'), 'hex');
  if (!link || !timingSafeEqual(given, stored) || link.purpose !== purpose) throw unknownLink();
  await deps.accounts.updateThrottle(keys, undo);
  if (link.revokedAt) throw linkGone('link_revoked');
  if (link.usedAt) throw linkGone('link_used');
  if (Date.parse(link.expiresAt) <= ctx.now.getTime()) throw linkGone('link_expired');
  return link;
}

/** A session for an account that just proved itself with a one-time link and a new password. */
export async function startSession(deps: AccessDeps, accountId: string, now: Date): Promise<{ session: string; expiresAt: Date }> {
  const session = secret();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await deps.accounts.createSession(digest(session), accountId, expiresAt);
  return { session, expiresAt };
}
