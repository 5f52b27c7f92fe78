import type { IncidentSeries } from '../../app/api-types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { niceMax, YGrid } from './chart-axes.tsx';

const W = 640;
const H = 280;
const PAD = { left: 64, right: 24, top: 28, bottom: 52 };
const INSET = 8;
const time = (d: string) => Date.parse(`${d}T00:00:00Z`);

/**
 * Incidents per week as a line, in the casualty chart's style, with the ceasefire marked. The
 * SVG is one labelled image whose description reads out every week.
 */
export function ViolationsChart({ series, ceasefireDay }: { series: IncidentSeries; ceasefireDay: string | null }) {
  const { t, number, date, lang } = useI18n();
  const points = series.points;
  if (points.length < 2) return null;
  const month = (d: string) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { month: 'short', timeZone: 'UTC' }).format(new Date(time(d)));
  const t0 = time(points[0]!.start);
  const t1 = time(points[points.length - 1]!.start);
  const span = Math.max(t1 - t0, 1);
  const max = niceMax(Math.max(...points.map((p) => p.incidents)));
  const x = (d: string) => PAD.left + INSET + ((time(d) - t0) / span) * (W - PAD.left - PAD.right - 2 * INSET);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  // A month label under the first week that begins in each month; a partial first month too close to the next loses its label.
  const months = points
    .filter((p, i) => i === 0 || p.start.slice(0, 7) !== points[i - 1]!.start.slice(0, 7))
    .filter((p, i, all) => !(i === 0 && all[1] && x(all[1].start) - x(p.start) < 30));
  const year = (d: string) => d.slice(0, 4);
  const peak = points.reduce((a, p) => (p.incidents > a.incidents ? p : a), points[0]!);
  const marked = ceasefireDay && time(ceasefireDay) >= t0 && time(ceasefireDay) <= t1 + 7 * 86_400_000 ? ceasefireDay : null;
  const desc = t('violations.desc', {
    date: marked ? date(marked) : '—',
    points: points.map((p) => t('violations.point', { date: date(p.start), n: p.incidents })).join(', '),
  });
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="vchart-title vchart-desc" width="100%" preserveAspectRatio="xMidYMid meet">
        <title id="vchart-title">{t('violations.title')}</title>
        <desc id="vchart-desc">{desc}</desc>
        <YGrid max={max} y={y} left={PAD.left} right={W - PAD.right} format={number} />
        <text className="axis" x={PAD.left} y={PAD.top - 12} textAnchor="start">
          {t('violations.axis')}
        </text>
        {months.map((p, i) => (
          <g key={p.start}>
            <text className="axis" x={x(p.start)} y={H - PAD.bottom + 20} textAnchor="middle">
              {month(p.start)}
            </text>
            {i === 0 || year(p.start) !== year(months[i - 1]!.start) ? (
              <text className="axis" x={x(p.start)} y={H - PAD.bottom + 36} textAnchor="middle">
                {year(p.start)}
              </text>
            ) : null}
          </g>
        ))}
        {marked ? (
          <g className="marker">
            <line x1={x(marked)} x2={x(marked)} y1={PAD.top} y2={H - PAD.bottom} strokeDasharray="4 3" strokeWidth={1.5} />
            <text x={x(marked) + 6} y={PAD.top + 10} textAnchor="start">
              {t('violations.marker')} {date(marked)}
            </text>
          </g>
        ) : null}
        <g className="series-a">
          <polyline fill="none" strokeWidth={2} points={points.map((p) => `${x(p.start)},${y(p.incidents)}`).join(' ')} />
          {points.map((p) => (
            <circle key={p.start} cx={x(p.start)} cy={y(p.incidents)} r={2.5} />
          ))}
          <text className="value" x={x(peak.start)} y={y(peak.incidents) - 8} textAnchor="middle">
            {number(peak.incidents)}
          </text>
        </g>
      </svg>
      <figcaption className="muted">{t('violations.note')}</figcaption>
    </figure>
  );
}
