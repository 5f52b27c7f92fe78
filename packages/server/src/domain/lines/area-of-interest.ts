import type { Bbox } from '../monitoring/map.ts';

export type Position = [number, number];

/** The two sides of a line, named by the compass so that neither is called a party's. */
export type Side = 'left' | 'right';

export interface SideLabel {
  en: string;
  uk: string;
  ru: string;
}

/**
 * The part of the world a process's lines are compared in. A line rarely reaches the edge of
 * the area on its own (it stops at the last surveyed point), so a comparison extends it to
 * the edge and cuts it there; without a closed area, "the land between two lines" is unbounded.
 * `along` is the direction the lines are read in (lines drawn the other way are reversed), so
 * "left" and "right" mean the same ground for every line compared.
 */
export interface AreaOfInterest {
  id: string;
  approximate: boolean;
  /** One closed ring, longitude first. */
  ring: Position[];
  along: Position;
  note: string;
}

/**
 * The Donbas front of 2014–2015, drawn by hand around the Donetsk and Luhansk oblasts' parts the
 * contact line crossed: the Azov coast in the south, the state border in the east, the Siverskyi
 * Donets in the north. It is a sketch for the demo process, not a boundary, and says so.
 */
export const DONBAS_AOI: AreaOfInterest = {
  id: 'donbas-front-2014',
  approximate: true,
  ring: [
    [36.6, 47.0],
    [37.5, 47.05],
    [38.2, 47.1],
    [38.85, 47.85],
    [39.75, 47.85],
    [39.85, 48.3],
    [40.15, 48.6],
    [40.2, 49.1],
    [39.0, 49.1],
    [38.0, 48.9],
    [37.0, 48.7],
    [36.6, 48.3],
    [36.6, 47.0],
  ],
  // The line of contact runs from the north-east (Shchastia) to the south-west (Shyrokyne).
  along: [-1, -1.2],
  note: 'Approximate area around the 2014–2015 line of contact in Donetsk and Luhansk oblasts, drawn for the demo.',
};

/** A box given with the request, read north to south: for tests and for a mediator's own cut. */
export function boxArea(b: Bbox): AreaOfInterest {
  return {
    id: `box:${b.west},${b.south},${b.east},${b.north}`,
    approximate: false,
    ring: [
      [b.west, b.south],
      [b.east, b.south],
      [b.east, b.north],
      [b.west, b.north],
      [b.west, b.south],
    ],
    along: [0, -1],
    note: 'A box given with the request.',
  };
}

/**
 * A process opened without an area of interest compares in a box around both lines, a quarter of
 * their extent wider on every side, and says so in the answer's note.
 */
export function areaAroundLines(a: Position[], b: Position[]): AreaOfInterest {
  const box = ringBbox([...a, ...b]);
  const dx = Math.max((box.east - box.west) / 4, 0.01);
  const dy = Math.max((box.north - box.south) / 4, 0.01);
  const clamp = (v: number, limit: number) => Math.max(-limit, Math.min(limit, v));
  const area = boxArea({
    west: clamp(box.west - dx, 180),
    south: clamp(box.south - dy, 90),
    east: clamp(box.east + dx, 180),
    north: clamp(box.north + dy, 90),
  });
  return { ...area, approximate: true, note: 'The process has no area of interest: a box around both lines, a quarter of their extent wider on every side.' };
}

const COMPASS: SideLabel[] = [
  { en: 'east', uk: 'схід', ru: 'восток' },
  { en: 'north-east', uk: 'північний схід', ru: 'северо-восток' },
  { en: 'north', uk: 'північ', ru: 'север' },
  { en: 'north-west', uk: 'північний захід', ru: 'северо-запад' },
  { en: 'west', uk: 'захід', ru: 'запад' },
  { en: 'south-west', uk: 'південний захід', ru: 'юго-запад' },
  { en: 'south', uk: 'південь', ru: 'юг' },
  { en: 'south-east', uk: 'південний схід', ru: 'юго-восток' },
];

const compass = ([x, y]: Position): SideLabel => COMPASS[(Math.round(Math.atan2(y, x) / (Math.PI / 4)) + 8) % 8]!;

/** Which way each side faces: left of `along` is a quarter turn anticlockwise. */
export function sideLabels(aoi: AreaOfInterest): Record<Side, SideLabel> {
  const [x, y] = aoi.along;
  return { left: compass([-y, x]), right: compass([y, -x]) };
}

export function ringBbox(ring: Position[]): Bbox {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return { west: Math.min(...xs), south: Math.min(...ys), east: Math.max(...xs), north: Math.max(...ys) };
}

/** The line read in the area's direction: reversed when its end lies behind its start. */
export function orient(coords: Position[], along: Position): Position[] {
  const first = coords[0]!;
  const last = coords[coords.length - 1]!;
  const dot = (last[0] - first[0]) * along[0] + (last[1] - first[1]) * along[1];
  return dot < 0 ? [...coords].reverse() : coords;
}

/**
 * The line with each end carried straight on, past the area's edge, in the direction of its
 * last stretch. The stretch is measured over a fiftieth of the area's size rather than the
 * last segment, so a short jitter at the end of a digitised line does not swing the extension.
 * Planar in degrees, as the split that uses it is.
 */
export function extendAcross(coords: Position[], area: Bbox): Position[] {
  const reach = 2 * Math.hypot(area.east - area.west, area.north - area.south);
  const minStep = reach / 100;
  const carry = (end: Position, inward: Position[]): Position => {
    let from = inward[inward.length - 1]!;
    for (const p of inward)
      if (Math.hypot(p[0] - end[0], p[1] - end[1]) >= minStep) {
        from = p;
        break;
      }
    const dx = end[0] - from[0];
    const dy = end[1] - from[1];
    const len = Math.hypot(dx, dy) || 1;
    const far = reach + Math.hypot(end[0] - (area.west + area.east) / 2, end[1] - (area.south + area.north) / 2);
    return [end[0] + (dx / len) * far, end[1] + (dy / len) * far];
  };
  const start = carry(coords[0]!, coords.slice(1));
  const end = carry(coords[coords.length - 1]!, coords.slice(0, -1).reverse());
  return [start, ...coords, end];
}
