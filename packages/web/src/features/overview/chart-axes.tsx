/** Round up to a tidy axis maximum (1, 2 or 5 times a power of ten); an empty series still gets an axis. */
export function niceMax(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].map((m) => m * p).find((m) => m >= v) ?? 10 * p) as number;
}

/** Horizontal grid lines at quarters of the axis, each labelled with its value on the left. */
export function YGrid({ max, y, left, right, format }: { max: number; y: (v: number) => number; left: number; right: number; format: (v: number) => string }) {
  return (
    <>
      {[0, 0.25, 0.5, 0.75, 1].map((f) => {
        const v = f * max;
        return (
          <g key={v} className="grid">
            <line x1={left} x2={right} y1={y(v)} y2={y(v)} />
            <text x={left - 8} y={y(v)} dy="0.32em" textAnchor="end">
              {format(v)}
            </text>
          </g>
        );
      })}
    </>
  );
}
