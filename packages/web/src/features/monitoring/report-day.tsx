import { useId } from 'react';
import { api } from '../../app/api.ts';
import { written } from '../../app/api-types.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Loading } from '../../ui/common.tsx';
import type { Incident } from './model.ts';
import { addDays } from './view-url.ts';

const reportAt = (d: string) => `/monitoring/report/${d}`;
const incidentAt = (id: string) => `/monitoring/incidents/${encodeURIComponent(id)}`;

/** The previous and the next day's report. */
export function DayNav({ day }: { day: string }) {
  const { t, date } = useI18n();
  return (
    <nav className="report-days no-print" aria-label={t('map.report.days')}>
      <Link to={reportAt(addDays(day, -1))} rel="prev">
        ← {t('map.report.previous', { date: date(addDays(day, -1)) })}
      </Link>
      <Link to={reportAt(addDays(day, 1))} rel="next">
        {t('map.report.next', { date: date(addDays(day, 1)) })} →
      </Link>
    </nav>
  );
}

/** The incidents the report counts, each linked to its page (the first 100 of the day). */
export function DayIncidents({ day }: { day: string }) {
  const { t, date, number } = useI18n();
  const { process, viewer } = useProcess();
  const ids = useId();
  const loaded = useLoad(
    () =>
      api
        .GET('/api/processes/{processId}/incidents', { params: { path: { processId: process.id }, query: { from: day, to: day, limit: 100 } } })
        .then((r) => ({ ...r, items: written<Incident>()(r.items) })),
    [process.id, day, viewer],
  );
  return (
    <section aria-labelledby={`${ids}-h`} data-testid="report-incidents">
      <h2 id={`${ids}-h`}>{t('map.report.incidents', { date: date(day) })}</h2>
      {loaded.state !== 'ready' ? (
        <Loading />
      ) : loaded.data.items.length === 0 ? (
        <p>{t('monitoring.none')}</p>
      ) : (
        <ul className="plain incident-list">
          {loaded.data.items.map((i) => (
            <li key={i.id} data-incident={i.id}>
              <Link to={incidentAt(i.id)}>{i.place.name ?? `${i.place.lat.toFixed(2)}, ${i.place.lon.toFixed(2)}`}</Link>
              {i.place.admin1 ? <span className="muted"> · {i.place.admin1}</span> : null}
              <span className="muted"> · {t('incident.killedShort', { n: number(i.casualties.killed.best) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The archive: every day of the report's month with incidents, with how many, each linked to its report. */
export function MonthArchive({ day }: { day: string }) {
  const { t, date, number } = useI18n();
  const { process, viewer } = useProcess();
  const ids = useId();
  const month = day.slice(0, 7);
  const first = `${month}-01`;
  const last = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
  const loaded = useLoad(
    () =>
      api.GET('/api/processes/{processId}/incidents/series', {
        params: { path: { processId: process.id }, query: { from: first, to: last, interval: 'day' } },
      }),
    [process.id, month, viewer],
  );
  return (
    <section aria-labelledby={`${ids}-h`} className="no-print" data-testid="report-archive">
      <h2 id={`${ids}-h`}>{t('map.report.archive')}</h2>
      <p className="report-months">
        <Link to={reportAt(addDays(first, -1))}>← {t('map.report.month', { date: date(addDays(first, -1).slice(0, 7)) })}</Link>{' '}
        <Link to={reportAt(addDays(last, 1))}>{t('map.report.month', { date: date(addDays(last, 1).slice(0, 7)) })} →</Link>
      </p>
      {loaded.state !== 'ready' ? (
        <Loading />
      ) : (
        <ul className="plain report-archive">
          {loaded.data.points
            .filter((p) => p.incidents > 0)
            .map((p) => (
              <li key={p.start}>
                {p.start === day ? <strong aria-current="date">{date(p.start)}</strong> : <Link to={reportAt(p.start)}>{date(p.start)}</Link>}{' '}
                <span className="muted">({t('map.report.count', { n: number(p.incidents) })})</span>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
