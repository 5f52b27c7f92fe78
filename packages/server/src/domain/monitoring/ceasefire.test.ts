import { describe, expect, it } from 'vitest';
import { ceasefireOn, type CeasefireProvision } from './ceasefire.ts';

const protocol: CeasefireProvision = {
  id: 'p1',
  agreementId: 'minsk-protocol',
  number: '1',
  categories: ['Cea'],
  deadline: { kind: 'absolute', at: '2014-09-05T18:00:00+03:00' },
};
const package2: CeasefireProvision = {
  id: 'q1',
  agreementId: 'minsk-ii',
  number: '1',
  categories: ['Cea', 'Mil'],
  deadline: { kind: 'absolute', at: '2015-02-15T00:00:00+02:00' },
};
const other: CeasefireProvision = {
  id: 'x',
  agreementId: 'minsk-ii',
  number: '2',
  categories: ['Mil'],
  deadline: { kind: 'absolute', at: '2015-02-01T00:00:00+02:00' },
};

describe('the ceasefire in force on a day', () => {
  it('is none before the first ceasefire begins, so incidents then are not its violations', () => {
    expect(ceasefireOn('2014-09-04', [protocol, package2])).toBeNull();
  });
  it('begins on the day its agreement wrote, in its own offset, and the latest one wins', () => {
    expect(ceasefireOn('2014-09-05', [protocol, package2])?.agreementId).toBe('minsk-protocol');
    expect(ceasefireOn('2015-02-14', [package2, protocol])?.provisionId).toBe('p1');
    expect(ceasefireOn('2015-03-01', [protocol, package2])).toEqual({
      agreementId: 'minsk-ii',
      provisionId: 'q1',
      provisionNumber: '1',
      since: '2015-02-15T00:00:00+02:00',
    });
  });
  it('ignores provisions of other categories and ceasefires with no start time', () => {
    expect(ceasefireOn('2015-02-10', [other, { ...protocol, deadline: { kind: 'relative' } }])).toBeNull();
  });
});
