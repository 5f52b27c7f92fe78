import { useProcess } from '../../app/process-data.tsx';
import type { Figure } from '../../app/api-types.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { niceMax, YGrid } from './chart-axes.tsx';

const W = 640;
const H = 280;
const PAD = { left: 64, right: 110, top: 24, bottom: 52 };
/** Keeps the first and last points clear of the axis labels. */
const INSET = 36;
const SERIES_STYLE: Record<string, { className: string; dash?: string; marker: 'circle' | 'square' }> = {
  killed: { className: 'series-a', marker: 'circle' },
  wounded: { className: 'series-b', dash: '6 4', marker: 'square' },
};

const time = (d: string) => Date.parse(d.length === 7 ? `${d}-01` : d.length === 4 ? `${d}-01-01` : d);

/**
 * Cumulative casualties as lines over time, drawn from the figures themselves. The SVG is
 * one image with a title and a description that reads out every point; the table beside it
 * holds the same figures with their sources.
 */
export function CasualtyChart({ figures }: { figures: Figure[] }) {
  const { t, number, date, lang } = useI18n();
  const { sources } = useProcess();
  const shortDate = (d: string) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(time(d)));
  const series = (['killed', 'wounded'] as const)
    .map((measure) => ({ measure, points: figures.filter((f) => f.measure === measure).sort((a, b) => time(a.asOf) - time(b.asOf)) }))
    .filter((s) => s.points.length);
  if (!series.length) return null;
  const all = series.flatMap((s) => s.points);
  const t0 = Math.min(...all.map((f) => time(f.asOf)));
  const t1 = Math.max(...all.map((f) => time(f.asOf)));
  const span = Math.max(t1 - t0, 1);
  const max = niceMax(Math.max(...all.map((f) => f.high ?? f.value)));
  const x = (d: string) => PAD.left + INSET + ((time(d) - t0) / span) * (W - PAD.left - PAD.right - 2 * INSET);
  const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
  const dates = [...new Set(all.map((f) => f.asOf))].sort((a, b) => time(a) - time(b));
  // A date label that would touch the one before it drops to a second line.
  const lowered: boolean[] = [];
  dates.forEach((d, i) => lowered.push(i > 0 && !lowered[i - 1] && x(d) - x(dates[i - 1]!) < 110));
  const label = (m: string) => t(`measure.${m}` as MessageKey);
  const desc = t('overview.chartDesc', {
    points: series
      .map(
        (s) =>
          `${label(s.measure)}: ${s.points.map((f) => `${t(`qualifier.${f.qualifier}` as MessageKey, { value: number(f.value) })} (${date(f.asOf)}, ${sources.get(f.sourceId)?.publisher ?? ''})`).join(', ')}`,
      )
      .join('; '),
  });
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="chart-title chart-desc" width="100%" preserveAspectRatio="xMidYMid meet">
        <title id="chart-title">{t('overview.casualties')}</title>
        <desc id="chart-desc">{desc}</desc>
        <YGrid max={max} y={y} left={PAD.left} right={W - PAD.right} format={number} />
        {dates.map((d, i) => (
          <text key={d} className="axis" x={x(d)} y={H - PAD.bottom + (lowered[i] ? 36 : 20)} textAnchor="middle">
            {shortDate(d)}
          </text>
        ))}
        {series.map((s) => {
          const style = SERIES_STYLE[s.measure] ?? SERIES_STYLE.killed!;
          const last = s.points[s.points.length - 1]!;
          return (
            <g key={s.measure} className={style.className}>
              <polyline fill="none" strokeWidth={2.5} strokeDasharray={style.dash} points={s.points.map((f) => `${x(f.asOf)},${y(f.value)}`).join(' ')} />
              {s.points.map((f) =>
                style.marker === 'circle' ? (
                  <circle key={f.id} cx={x(f.asOf)} cy={y(f.value)} r={4.5} />
                ) : (
                  <rect key={f.id} x={x(f.asOf) - 4} y={y(f.value) - 4} width={8} height={8} />
                ),
              )}
              {s.points.map((f) => (
                <text key={`${f.id}-v`} className="value" x={x(f.asOf)} y={y(f.value) - 10} textAnchor="middle">
                  {number(f.value)}
                </text>
              ))}
              <text className="series-label" x={x(last.asOf) + 12} y={y(last.value)} dy="0.32em">
                {label(s.measure)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('overview.chartNote')}</figcaption>
    </figure>
  );
}
