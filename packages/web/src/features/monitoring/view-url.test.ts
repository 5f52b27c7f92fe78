import { describe, expect, it } from 'vitest';
import { defaultPeriod, readView, viewSearch } from './view-url.ts';

describe('the map view in the address', () => {
  it('round-trips a view', () => {
    const f = { from: '2014-09-05', to: '2014-11-30', kind: 'one_sided', status: 'verified', party: 'ukr' };
    const s = viewSearch(f, { lat: 48.0123, lon: 37.8, zoom: 8.5 });
    expect(s).toBe('?from=2014-09-05&to=2014-11-30&kind=one_sided&status=verified&party=ukr&at=48.0123,37.8,8.5');
    expect(readView(s)).toEqual({ filters: f, position: { lat: 48.0123, lon: 37.8, zoom: 8.5 } });
  });

  it('drops what is malformed or hostile, keeping the rest', () => {
    const v = readView('?from=2014-13-45&to=2014-11-30&kind=nuclear&status=%3Cscript%3E&party=a%20b&at=91,37,8');
    expect(v).toEqual({ filters: {}, position: null });
    expect(readView('?from=2014-12-01&to=2014-11-30').filters).toEqual({});
    expect(readView('?at=48,37,99').position).toBeNull();
    expect(readView('?at=48,37').position).toBeNull();
  });

  it('defaults to the four weeks up to the latest incident, never before the first', () => {
    expect(defaultPeriod({ from: '2014-01-22', to: '2014-12-31' }, { first: '2014-01-01', last: '2015-02-28' })).toEqual({
      from: '2014-12-04',
      to: '2014-12-31',
    });
    expect(defaultPeriod({ from: '2014-12-20', to: '2014-12-31' }, { first: '2014-01-01', last: '2015-02-28' })).toEqual({
      from: '2014-12-20',
      to: '2014-12-31',
    });
    expect(defaultPeriod({ from: null, to: null }, { first: '2014-01-01', last: '2015-02-28' })).toEqual({ from: '2015-02-01', to: '2015-02-28' });
  });
});
