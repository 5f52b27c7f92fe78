import { describe, expect, it } from 'vitest';
import { countAttempt, EMPTY_COUNTER, LOCKOUT_SECONDS, settleSuccess, signInWait, type ThrottleCounters } from './sign-in-throttle.ts';

const fresh = (): ThrottleCounters => ({ pair: { ...EMPTY_COUNTER }, account: { ...EMPTY_COUNTER }, address: { ...EMPTY_COUNTER } });
const at = (s: number) => new Date(Date.UTC(2014, 8, 19) + s * 1000);

/** Fails as fast as the rules allow from second `t`, returning the counters, the time and the waits met on the way. */
function failFast(c: ThrottleCounters, times: number, t = 0) {
  const waits: number[] = [];
  for (let i = 0; i < times; i++) {
    const wait = signInWait(c, at(t));
    waits.push(wait);
    t += wait;
    c = countAttempt(c, at(t));
  }
  return { c, t, waits };
}

describe('sign-in throttle rules', () => {
  it('lets five failures through, then doubles the wait, then locks the pair out for 15 minutes at ten', () => {
    const { c, t, waits } = failFast(fresh(), 10);
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16]);
    expect(signInWait(c, at(t))).toBe(LOCKOUT_SECONDS);
    expect(signInWait(c, at(t + LOCKOUT_SECONDS - 1))).toBe(1);
    expect(signInWait(c, at(t + LOCKOUT_SECONDS))).toBe(0);
    // After the quiet quarter of an hour the count starts again.
    expect(countAttempt(c, at(t + LOCKOUT_SECONDS)).pair.failures).toBe(1);
  });

  it('waits only the rest of a delay that has partly passed', () => {
    const { c, t } = failFast(fresh(), 8);
    expect(signInWait(c, at(t))).toBe(8);
    expect(signInWait(c, at(t + 5))).toBe(3);
  });

  it('slows a username from every new address but never locks it, and spares an address it signed in from', () => {
    let c = settleSuccess(fresh(), at(0));
    const owner = c.pair;
    // Thirty failures on the username spread over thirty addresses: each address is fresh, the account is not.
    for (let i = 0; i < 30; i++) c = countAttempt({ ...c, pair: { ...EMPTY_COUNTER }, address: { ...EMPTY_COUNTER } }, at(100 + i * 61));
    const last = 100 + 29 * 61;
    const stranger = { ...c, pair: { ...EMPTY_COUNTER }, address: { ...EMPTY_COUNTER } };
    expect(signInWait(stranger, at(last))).toBe(60);
    expect(signInWait(stranger, at(last + 60))).toBe(0);
    expect(signInWait({ ...c, pair: owner, address: { ...EMPTY_COUNTER } }, at(last))).toBe(0);
  });

  it('slows an address that tries many usernames', () => {
    let c = fresh();
    for (let i = 0; i < 55; i++) c = countAttempt({ ...c, pair: { ...EMPTY_COUNTER }, account: { ...EMPTY_COUNTER } }, at(i));
    const stranger = { ...c, pair: { ...EMPTY_COUNTER }, account: { ...EMPTY_COUNTER } };
    expect(signInWait(stranger, at(54))).toBe(32);
    for (let i = 55; i < 70; i++) c = countAttempt({ ...c, pair: { ...EMPTY_COUNTER }, account: { ...EMPTY_COUNTER } }, at(i));
    expect(signInWait({ ...c, pair: { ...EMPTY_COUNTER }, account: { ...EMPTY_COUNTER } }, at(69))).toBe(60);
  });

  it('resets the pair and the account on success but takes only the successful attempt off the address', () => {
    const { c, t } = failFast(fresh(), 7);
    const counted = countAttempt(c, at(t + 60));
    const after = settleSuccess(counted, at(t + 60));
    expect(after.pair).toMatchObject({ failures: 0, succeededAt: at(t + 60) });
    expect(after.account.failures).toBe(0);
    expect(after.address.failures).toBe(7);
    expect(signInWait(after, at(t + 60))).toBe(0);
  });
});
