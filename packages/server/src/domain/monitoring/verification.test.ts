import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertAttribution } from './attribution.ts';
import { assertIncident, type Incident } from './incident.ts';
import { assertObservation } from './observation.ts';
import { canVerify, verify, type VerificationStatus } from './verification.ts';

const STATUSES: VerificationStatus[] = ['reported', 'corroborated', 'verified', 'disputed', 'retracted'];

describe('verification', () => {
  it('goes reported → corroborated → verified, or disputed, or retracted', () => {
    expect(verify('reported', 'corroborated', 'second patrol')).toMatchObject({ from: 'reported', to: 'corroborated' });
    expect(canVerify('corroborated', 'verified')).toBe(true);
    expect(canVerify('verified', 'disputed')).toBe(true);
    expect(canVerify('disputed', 'verified')).toBe(true);
    expect(canVerify('verified', 'reported')).toBe(false);
    expect(() => verify('retracted', 'verified', 'x')).toThrow(
      expect.objectContaining({ code: 'invalid_transition', reason: 'verification_transition_forbidden' }),
    );
    expect(() => verify('reported', 'verified', ' ')).toThrow(expect.objectContaining({ reason: 'reason_required' }));
  });

  it('never leaves retracted and never stays in place, whatever the walk', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...STATUSES), { maxLength: 20 }), (walk) => {
        let at: VerificationStatus = 'reported';
        for (const to of walk) {
          if (!canVerify(at, to)) continue;
          expect(at).not.toBe('retracted');
          expect(to).not.toBe(at);
          at = to;
        }
      }),
    );
  });
});

describe('incident, observation and attribution rules', () => {
  const incident = (o: Partial<Incident> = {}): Incident => ({
    date: { start: '2014-09-20', end: '2014-09-20', precision: 'day' },
    place: { lat: 48.0, lon: 37.8, precision: 'exact' },
    actors: [],
    casualties: { killed: { low: 1, best: 2, high: 3 } },
    sources: [],
    ...o,
  });
  it('refuses on manual entry what an import only warns about', () => {
    expect(() => assertIncident(incident())).not.toThrow();
    expect(() => assertIncident(incident({ casualties: { killed: { low: 4, best: 4, high: 3 } } }))).toThrow(
      expect.objectContaining({ reason: 'bounds_reversed', details: { field: 'casualties/killed/low' } }),
    );
    expect(() => assertIncident(incident({ casualties: { killed: { low: 1, best: 5, high: 3 } } }))).toThrow(
      expect.objectContaining({ reason: 'best_outside_bounds' }),
    );
    expect(() => assertIncident(incident({ date: { start: '2014-09-20', end: '2014-09-22', precision: 'day' } }))).toThrow(
      expect.objectContaining({ reason: 'precision_contradicts_dates' }),
    );
    expect(() => assertIncident(incident({ date: { start: '2014-09-01', end: '2014-09-30', precision: 'month' } }))).not.toThrow();
    expect(() => assertIncident(incident({ place: { lat: 48, lon: 181, precision: 'exact' } }))).toThrow(expect.objectContaining({ reason: 'outside_wgs84' }));
    expect(() =>
      assertIncident(incident({ casualties: { killed: { low: 1, best: 2, high: 3 }, killedBy: { sideA: 1, sideB: 0, civilians: 0, unknown: 0 } } })),
    ).toThrow(expect.objectContaining({ reason: 'split_mismatch' }));
  });
  it('checks observation ranges and attribution shapes', () => {
    const o = { observer: { lat: 47.1, lon: 37.5 }, time: { from: '2014-09-20T10:00:00+03:00', to: '2014-09-20T09:00:00+03:00' } };
    expect(() => assertObservation(o)).toThrow(expect.objectContaining({ reason: 'span_reversed' }));
    expect(() => assertObservation({ ...o, time: { from: o.time.from }, distanceKm: { min: 5, max: 2 } })).toThrow(
      expect.objectContaining({ reason: 'bounds_reversed' }),
    );
    expect(() => assertAttribution({ kind: 'claimed', responsiblePartyId: 'ukr', text: 'x' })).toThrow(
      expect.objectContaining({ reason: 'claimant_required' }),
    );
    expect(() => assertAttribution({ kind: 'disputed', byPartyId: 'rus', text: 'x' })).toThrow(
      expect.objectContaining({ reason: 'disputed_attribution_required' }),
    );
    expect(() => assertAttribution({ kind: 'assessed', responsibleLabel: 'unidentified', text: 'x' })).not.toThrow();
  });
});
