import { useI18n } from '../../i18n/index.tsx';
import type { Comparison, Side } from './model.ts';

type Pos = [number, number];
const W = 360;

/**
 * Both lines and the parcels between them, drawn as SVG in a local flat view of the area (longitude
 * shrunk to the middle latitude). An SVG needs no WebGL and prints; the monitoring map keeps the base layers.
 */
export function ComparisonSketch({ comparison: c }: { comparison: Comparison }) {
  const { t, number, lang } = useI18n();
  const pts: Pos[] = [...(c.a.coordinates as Pos[]), ...(c.b.coordinates as Pos[]), ...c.parcels.flatMap((p) => rings(p.geometry).flat())];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [west, east, south, north] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const span = Math.max((east - west) * k, north - south, 1e-6);
  const scale = (W * 0.9) / span;
  const h = Math.max(120, (north - south) * scale + W * 0.1);
  const at = ([x, y]: Pos): Pos => [W * 0.05 + (x - west) * k * scale, h - W * 0.05 - (y - south) * scale];
  const path = (ring: Pos[]) =>
    ring
      .map(
        (p, i) =>
          `${i ? 'L' : 'M'}${at(p)
            .map((v) => v.toFixed(1))
            .join(',')}`,
      )
      .join('');
  const side = (s: Side) => c.area.sides[s][lang];
  return (
    <figure className="lines-sketch">
      <svg viewBox={`0 0 ${W} ${h.toFixed(0)}`} role="img" aria-label={t('lines.sketch')} data-testid="sketch">
        {c.parcels.map((p) => (
          <g key={p.n} className={`parcel parcel-${p.to}`}>
            <path
              d={rings(p.geometry)
                .map((r) => path(r) + 'Z')
                .join('')}
            />
            <text x={at(p.label as Pos)[0]} y={at(p.label as Pos)[1]}>
              {number(Math.round(p.areaKm2))} km²
            </text>
          </g>
        ))}
        <path className="line-a" d={path(c.a.coordinates as Pos[])} />
        <path className="line-b" d={path(c.b.coordinates as Pos[])} />
      </svg>
      <figcaption>
        <span className="key key-a">{t('lines.lineA')}</span> <span className="key key-b">{t('lines.lineB')}</span>{' '}
        <span className="key key-left">{t('lines.gainedBy', { side: side('left') })}</span>{' '}
        <span className="key key-right">{t('lines.gainedBy', { side: side('right') })}</span>
      </figcaption>
    </figure>
  );
}

function rings(geometry: unknown): Pos[][] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (g?.type === 'Polygon') return g.coordinates as Pos[][];
  if (g?.type === 'MultiPolygon') return (g.coordinates as Pos[][][]).flat();
  return [];
}
