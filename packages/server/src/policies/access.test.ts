import { describe, expect, it } from 'vitest';
import { ANONYMOUS, SYSTEM, type Actor, type Visibility } from '../domain/shared/actor.ts';
import { assertCanWrite, canRead, readScope, visibilityOf } from './access.ts';

const P = 'minsk';
const actor = (role: Actor['roles'][number]['role'], partyId: string | null = null, processId = P): Actor => ({
  accountId: `a-${role}-${partyId}`,
  username: role,
  roles: [{ processId, role, partyId }],
});
const v = (audience: Visibility['audience'], audienceParty: string | null = null): Visibility => ({ audience, audienceParty });

describe('need-to-know policy', () => {
  it('lets the mediator read everything and anonymous readers only public records', () => {
    for (const vis of [v('public'), v('forum'), v('party', 'ukr'), v('mediator')]) expect(canRead(actor('mediator'), P, vis)).toBe(true);
    expect(canRead(ANONYMOUS, P, v('public'))).toBe(true);
    expect(canRead(ANONYMOUS, P, v('forum'))).toBe(false);
  });

  it('never shows one party’s confidential record to another party', () => {
    expect(canRead(actor('delegate', 'ukr'), P, v('party', 'ukr'))).toBe(true);
    expect(canRead(actor('delegate', 'ukr'), P, v('party', 'rus'))).toBe(false);
    expect(canRead(actor('delegate', 'ukr'), P, v('mediator'))).toBe(false);
  });

  it('grants nothing in another process', () => {
    expect(canRead(actor('mediator', null, 'other'), P, v('forum'))).toBe(false);
    expect(readScope(actor('mediator', null, 'other'), P)).toEqual({ all: false, audiences: ['public'], parties: [] });
    expect(readScope(SYSTEM, P)).toEqual({ all: true });
  });

  it('lets each role write only its own kinds, for its own party, within what it can read', () => {
    expect(() => assertCanWrite(ANONYMOUS, P, 'source', v('public'))).toThrow(expect.objectContaining({ code: 'unauthenticated' }));
    expect(() => assertCanWrite(actor('monitor'), P, 'meeting', v('forum'))).toThrow(expect.objectContaining({ reason: 'role_may_not_write' }));
    expect(() => assertCanWrite(actor('delegate', 'ukr'), P, 'statement', v('public'), 'rus')).toThrow(expect.objectContaining({ reason: 'not_your_party' }));
    expect(() => assertCanWrite(actor('delegate', 'ukr'), P, 'statement', v('party', 'rus'), 'ukr')).toThrow(
      expect.objectContaining({ reason: 'audience_not_allowed' }),
    );
    expect(() => assertCanWrite(actor('delegate', 'ukr'), P, 'statement', v('party', 'ukr'), 'ukr')).not.toThrow();
    expect(() => assertCanWrite(actor('analyst'), P, 'assessment', v('mediator'))).toThrow(expect.objectContaining({ reason: 'audience_not_allowed' }));
    expect(() => assertCanWrite(actor('mediator'), P, 'process', v('public'))).toThrow();
  });

  it('requires the party of a party-confidential record', () => {
    expect(() => visibilityOf({ audience: 'party' })).toThrow(expect.objectContaining({ reason: 'audience_party_required' }));
    expect(() => visibilityOf({ audience: 'forum', audienceParty: 'ukr' })).toThrow(expect.objectContaining({ reason: 'audience_party_unexpected' }));
    expect(visibilityOf({}, 'public')).toEqual(v('public'));
  });
});
