import type { IncidentSeries } from '../../app/api-types.ts';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import type { Agreement, Figure, Provision } from '../../app/api-types.ts';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Load, Name, SourceCite } from '../../ui/common.tsx';

const DAY = 86_400_000;
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

export interface Ceasefire {
  agreement: Agreement;
  provision: Provision;
  /** The moment it began, as the agreement wrote it (e.g. 18:00 at +03:00). */
  at: string;
  /** Its day where it was agreed: the date as written with its own offset. */
  day: string;
  /** Later agreements that implement or amend it with ceasefire provisions of their own. */
  confirmedBy: Agreement[];
}

/**
 * The ceasefire in force, read from the agreements: the latest ceasefire provision (PA-X
 * category "Cea") with a start time, and the agreements that build on its agreement.
 */
export function findCeasefire(agreements: Agreement[], provisions: Provision[]): Ceasefire | null {
  const started = provisions
    .filter((p) => p.categories.includes('Cea') && p.deadline?.kind === 'absolute' && /^\d{4}-\d{2}-\d{2}T/.test(p.deadline.at))
    .sort((a, b) => Date.parse((b.deadline as { at: string }).at) - Date.parse((a.deadline as { at: string }).at));
  const provision = started[0];
  const agreement = provision && agreements.find((a) => a.id === provision.agreementId);
  if (!provision || !agreement) return null;
  const at = (provision.deadline as { at: string }).at;
  const withCea = new Set(provisions.filter((p) => p.categories.includes('Cea')).map((p) => p.agreementId));
  const confirmedBy = agreements
    .filter((a) => a.relations.some((r) => (r.type === 'implements' || r.type === 'amends') && r.agreementId === agreement.id) && withCea.has(a.id))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { agreement, provision, at, day: at.slice(0, 10), confirmedBy };
}

const totals = (s: IncidentSeries) =>
  s.points.reduce((a, p) => ({ incidents: a.incidents + p.incidents, best: a.best + p.killedBest, low: a.low + p.killedLow, high: a.high + p.killedHigh }), {
    incidents: 0,
    best: 0,
    low: 0,
    high: 0,
  });

/**
 * The ceasefire in force, how long it has held as of the latest data, and the incidents and
 * killed since it began against as many days before it, each with its source.
 */
export function CeasefireCard({ ceasefire, series, figures }: { ceasefire: Ceasefire | null; series: IncidentSeries; figures: Figure[] }) {
  const { t, date, number } = useI18n();
  const { process, viewer } = useProcess();
  const latestFigure = figures.reduce<string | null>((m, f) => (f.asOf.length === 10 && (!m || f.asOf > m) ? f.asOf : m), null);
  const asOf =
    [series.to, latestFigure]
      .filter((d): d is string => !!d)
      .sort()
      .pop() ?? null;
  const days = ceasefire && asOf ? Math.max(daysBetween(ceasefire.day, asOf), 0) : 0;
  const periods =
    ceasefire && asOf && days > 0
      ? { before: { from: addDays(ceasefire.day, 1 - days), to: ceasefire.day }, since: { from: addDays(ceasefire.day, 1), to: asOf } }
      : null;
  const compared = useLoad(async () => {
    if (!periods) return null;
    const [before, since] = await Promise.all([
      api.GET('/api/processes/{processId}/incidents/series', { params: { path: { processId: process.id }, query: { ...periods.before, interval: 'week' } } }),
      api.GET('/api/processes/{processId}/incidents/series', { params: { path: { processId: process.id }, query: { ...periods.since, interval: 'week' } } }),
    ]);
    return { before: totals(before), since: totals(since) };
  }, [process.id, viewer, periods?.before.from, periods?.since.to]);
  if (!ceasefire)
    return (
      <section aria-labelledby="ceasefire-h" className="card" data-ceasefire="none">
        <h2 id="ceasefire-h">{t('ceasefire.title')}</h2>
        <p>{t('ceasefire.none')}</p>
      </section>
    );
  const un = figures.filter((f) => f.measure === 'killed' && f.periodFrom === ceasefire.day).sort((a, b) => b.asOf.localeCompare(a.asOf));
  const killed = (k: { best: number; low: number; high: number }) => (
    <>
      {number(k.best)}{' '}
      <span className="small muted">
        ({number(k.low)}–{number(k.high)})
      </span>
    </>
  );
  return (
    <section aria-labelledby="ceasefire-h" className="card ceasefire" data-ceasefire={ceasefire.agreement.id}>
      <h2 id="ceasefire-h">{t('ceasefire.title')}</h2>
      <p className="lead">
        <Link to={`/agreements/${ceasefire.agreement.id}`}>{ceasefire.agreement.shortNames[0] ?? <Name value={ceasefire.agreement.titles} />}</Link> (
        {date(ceasefire.agreement.date)}), {ceasefire.provision.number}: {t('ceasefire.from', { date: date(ceasefire.at) })}
      </p>
      <p className="small">
        <Name value={ceasefire.provision.paraphrase} />
      </p>
      {ceasefire.confirmedBy.length ? (
        <p className="small">
          {t('ceasefire.confirmedBy')}:{' '}
          {ceasefire.confirmedBy.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? '; ' : null}
              <Link to={`/agreements/${a.id}`}>{a.shortNames[0] ?? <Name value={a.titles} />}</Link> ({date(a.date)})
            </span>
          ))}
        </p>
      ) : null}
      {asOf ? (
        <p data-days={days}>
          <strong>{t('ceasefire.days', { days: number(days), date: date(asOf) })}</strong>
        </p>
      ) : null}
      {periods ? (
        <Load loaded={compared}>
          {(c) =>
            c ? (
              <table className="figures compare">
                <caption>{t('ceasefire.compare', { days: number(days) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ceasefire.measure')}</th>
                    <th scope="col">{t('ceasefire.before', { from: date(periods.before.from), to: date(periods.before.to) })}</th>
                    <th scope="col">{t('ceasefire.since', { from: date(periods.since.from), to: date(periods.since.to) })}</th>
                  </tr>
                </thead>
                <tbody>
                  <tr data-measure="incidents">
                    <th scope="row">{t('ceasefire.incidents')}</th>
                    <td>{number(c.before.incidents)}</td>
                    <td>{number(c.since.incidents)}</td>
                  </tr>
                  <tr data-measure="killed">
                    <th scope="row">{t('ceasefire.killed')}</th>
                    <td>{killed(c.before)}</td>
                    <td>{killed(c.since)}</td>
                  </tr>
                </tbody>
              </table>
            ) : null
          }
        </Load>
      ) : (
        <p>{t('ceasefire.noIncidents')}</p>
      )}
      <p className="small muted">{t('ceasefire.incidentSource')}</p>
      {un.length ? (
        <div className="small">
          <strong>{t('ceasefire.un')}:</strong>
          <ul>
            {un.map((f) => (
              <li key={f.id} data-figure-since={f.id}>
                {t(`qualifier.${f.qualifier}` as MessageKey, { value: number(f.value) })} {t(`measure.${f.measure}` as MessageKey)} ({date(f.periodFrom)} –{' '}
                {date(f.periodTo ?? f.asOf)}) <SourceCite sourceRef={{ sourceId: f.sourceId }} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
