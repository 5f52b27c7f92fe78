import { describe, expect, it } from 'vitest';
import { parseBbox } from './map.ts';

describe('bbox', () => {
  it('reads four numbers and refuses malformed, inverted and off-globe boxes with a reason', () => {
    expect(parseBbox('37,47,40,49')).toEqual({ west: 37, south: 47, east: 40, north: 49 });
    const reason = (t: string) => {
      try {
        parseBbox(t);
        return 'accepted';
      } catch (e) {
        return (e as { reason: string }).reason;
      }
    };
    expect(reason('37,47,40')).toBe('malformed_bbox');
    expect(reason('37,47,x,49')).toBe('malformed_bbox');
    expect(reason('40,47,37,49')).toBe('bbox_inverted');
    expect(reason('37,49,40,47')).toBe('bbox_inverted');
    expect(reason('37,47,190,49')).toBe('outside_wgs84');
    expect(reason('37,-95,40,49')).toBe('outside_wgs84');
  });
});
