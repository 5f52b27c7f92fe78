/**
 * Sign-in throttling: how long a sign-in must wait after failures, as pure rules over counters.
 *
 * Three counters are kept for each attempt:
 * - `pair`: this username from this address. From the 5th failure on, each further attempt waits
 *   2^(n-5) seconds after the last failure (1, 2, 4, 8, 16 s); at 10 failures the pair is locked
 *   for 15 minutes. This is the lockout, and it holds for one address only, so an attacker
 *   cannot lock the real person out of the account from where that person signs in.
 * - `account`: this username from any address, against guessing spread over many addresses.
 *   From the 10th failure on, each attempt waits 2^(n-10) seconds, at most 60: never a lockout,
 *   because anybody can fail on anybody's username. An address the username signed in from in
 *   the last 30 days is exempt, so an attack from elsewhere does not even slow its owner down.
 * - `address`: any username from this address, against one address trying many accounts.
 *   From the 50th failure on, 2^(n-50) seconds, at most 60: never a lockout either, because many
 *   people can share one address (an office, a carrier's NAT).
 *   Behind a reverse proxy, Fastify must be told to trust it (trustProxy) so the client's address
 *   is counted; otherwise every request has the proxy's address, and the pair's lockout holds for
 *   the username from everywhere.
 * A counter is forgotten 15 minutes after its last failure (so "10 failures" means 10 with no
 * quiet quarter of an hour between them, and a lockout ends when its counter is forgotten).
 * Only attempts that were allowed count: waiting out a delay by retrying does not lengthen it.
 * A successful sign-in resets the pair's and the account's counters; the address keeps its
 * count, so an attacker cannot wipe it by signing in to an account of their own.
 * Usernames that do not exist are counted like real ones, so a refusal says nothing about
 * whether an account exists.
 */

export type ThrottleScope = 'pair' | 'account' | 'address';

export interface ThrottleCounter {
  failures: number;
  lastFailureAt: Date | null;
  /** When this username last signed in from this address (pair counters only). */
  succeededAt: Date | null;
}

export type ThrottleCounters = Record<ThrottleScope, ThrottleCounter>;

interface Rule {
  /** Failures allowed without any wait. */
  free: number;
  /** The longest wait between attempts, in seconds. */
  capSeconds: number;
  /** From this many failures on, the wait is the lockout. */
  lockAt?: number;
}

export const FORGET_AFTER_SECONDS = 15 * 60;
export const LOCKOUT_SECONDS = 15 * 60;
export const KNOWN_ADDRESS_DAYS = 30;

export const RULES: Record<ThrottleScope, Rule> = {
  pair: { free: 5, capSeconds: LOCKOUT_SECONDS, lockAt: 10 },
  account: { free: 10, capSeconds: 60 },
  address: { free: 50, capSeconds: 60 },
};

export const EMPTY_COUNTER: ThrottleCounter = { failures: 0, lastFailureAt: null, succeededAt: null };

const secondsSince = (t: Date, now: Date) => (now.getTime() - t.getTime()) / 1000;
const forgotten = (c: ThrottleCounter, now: Date) => !c.lastFailureAt || secondsSince(c.lastFailureAt, now) >= FORGET_AFTER_SECONDS;

/** The seconds one counter still makes the next attempt wait (0: it may go ahead). */
export function counterWait(scope: ThrottleScope, c: ThrottleCounter, now: Date): number {
  const rule = RULES[scope];
  if (forgotten(c, now) || c.failures < rule.free) return 0;
  const delay = rule.lockAt !== undefined && c.failures >= rule.lockAt ? LOCKOUT_SECONDS : Math.min(2 ** (c.failures - rule.free), rule.capSeconds);
  return Math.max(0, Math.ceil(delay - secondsSince(c.lastFailureAt!, now)));
}

export const isKnownAddress = (pair: ThrottleCounter, now: Date) => !!pair.succeededAt && secondsSince(pair.succeededAt, now) < KNOWN_ADDRESS_DAYS * 86_400;

/** The seconds before this attempt may be made: the longest wait any applicable counter imposes. */
export function signInWait(c: ThrottleCounters, now: Date): number {
  return Math.max(
    counterWait('pair', c.pair, now),
    isKnownAddress(c.pair, now) ? 0 : counterWait('account', c.account, now),
    counterWait('address', c.address, now),
  );
}

const failed = (c: ThrottleCounter, now: Date): ThrottleCounter => ({ ...c, failures: forgotten(c, now) ? 1 : c.failures + 1, lastFailureAt: now });

/**
 * Counts an allowed attempt as a failure before the password is checked, so attempts made at
 * the same moment cannot all slip through on the old count; a success then undoes it.
 */
export function countAttempt(c: ThrottleCounters, now: Date): ThrottleCounters {
  return { pair: failed(c.pair, now), account: failed(c.account, now), address: failed(c.address, now) };
}

/** After a successful sign-in: the pair and account start afresh, the address loses only this attempt. */
export function settleSuccess(c: ThrottleCounters, now: Date): ThrottleCounters {
  return {
    pair: { failures: 0, lastFailureAt: null, succeededAt: now },
    account: { ...EMPTY_COUNTER },
    address: { ...c.address, failures: Math.max(0, c.address.failures - 1) },
  };
}
