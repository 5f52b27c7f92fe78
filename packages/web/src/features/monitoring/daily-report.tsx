import { useId } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link, useRouter } from '../../app/router.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { En, Load, Name, PageTitle, PartyName } from '../../ui/common.tsx';
import { reportPath } from './monitoring.tsx';
import type { DailyReport } from './model.ts';
import { DayIncidents, DayNav, MonthArchive } from './report-day.tsx';
import { WeaponInViolation } from './weapon-in-violation.tsx';
import { DateInput } from '../../ui/date-input.tsx';

/** The day the demo's record stands at: late November 2014. */
export const DEFAULT_REPORT_DATE = '2014-11-25';
const NO_REGION = '(region not given)';

/** The daily report as a page that prints as a document (see the print rules in styles.css). */
export function DailyReportPage({ date: day }: { date?: string }) {
  const { t, date } = useI18n();
  const { process, viewer } = useProcess();
  const { navigate } = useRouter();
  const ids = useId();
  const current = day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : DEFAULT_REPORT_DATE;
  const loaded = useLoad(
    () => api.GET('/api/processes/{processId}/reports/daily', { params: { path: { processId: process.id }, query: { date: current } } }),
    [process.id, current, viewer],
  );
  const htmlUrl = api.dailyReportUrl(process.id, current, 'html');
  const csvUrl = api.dailyReportUrl(process.id, current, 'csv');
  return (
    <article className="daily-report">
      <p className="crumb no-print">
        <Link to="/monitoring">{t('monitoring.title')}</Link>
      </p>
      <PageTitle text={t('report.title', { date: date(current) })} />
      <form className="report-tools no-print" onSubmit={(e) => e.preventDefault()} aria-label={t('report.tools')}>
        <div className="field">
          <label htmlFor={`${ids}-date`}>{t('report.date')}</label>
          <DateInput id={`${ids}-date`} value={current} onChange={(day) => day && navigate(reportPath(day))} />
        </div>
        <button type="button" onClick={() => window.print()}>
          {t('report.print')}
        </button>
        <a href={htmlUrl}>{t('report.serverPage')}</a>
        <a href={csvUrl}>{t('report.csv')}</a>
      </form>
      <DayNav day={current} />
      <Load loaded={loaded}>{(r) => <ReportBody report={r} />}</Load>
      <DayIncidents day={current} />
      <MonthArchive day={current} />
    </article>
  );
}

const signed = (n: number, fmt: (n: number) => string) => (n > 0 ? `+${fmt(n)}` : n < 0 ? `−${fmt(-n)}` : fmt(0));

function ReportBody({ report: r }: { report: DailyReport }) {
  const { t, date, number } = useI18n();
  const { process } = useProcess();
  const ids = useId();
  const region = (name: string) => (name === NO_REGION ? t('report.noRegion') : name);
  const bounds = (b: { low: number; best: number; high: number }) => `${number(b.best)} (${number(b.low)}–${number(b.high)})`;
  const violations = r.regions.flatMap((x) => x.weaponsInViolation.map((v) => ({ ...v, region: x.region })));
  const restrictions = r.regions.flatMap((x) => x.restrictions.map((v) => ({ ...v, region: x.region })));
  return (
    <>
      <p className="lead">{t('report.lead', { date: date(r.date), previous: date(r.previousDate) })}</p>
      <p data-testid="report-ceasefire" data-ceasefire={r.ceasefire?.agreementId ?? 'none'}>
        {r.ceasefire ? (
          <>
            {t('report.ceasefire', { date: date(r.ceasefire.since), number: r.ceasefire.provisionNumber })}{' '}
            <Link to={`/agreements/${r.ceasefire.agreementId}`}>{r.ceasefire.agreementShortName ?? <Name value={r.ceasefire.agreementTitles} />}</Link>
          </>
        ) : (
          t('report.noCeasefire')
        )}
      </p>
      <p className="print-only small">{t('report.printedFrom', { process: process.names.en, url: window.location.href })}</p>
      <section aria-labelledby={`${ids}-regions`}>
        <h2 id={`${ids}-regions`}>{t('report.byRegion')}</h2>
        {r.regions.length === 0 ? (
          <p>{t('report.nothing')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0}>
            <table className="report-table" data-testid="report-table">
              <caption className="visually-hidden">{t('report.byRegion')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('report.region')}</th>
                  <th scope="col">{t('report.incidents')}</th>
                  <th scope="col">{t('report.explosions')}</th>
                  <th scope="col">{t('report.killed')}</th>
                  <th scope="col">{t('report.injured')}</th>
                  <th scope="col">{t('report.weapons')}</th>
                  <th scope="col">{t('report.restrictions')}</th>
                </tr>
              </thead>
              <tbody>
                {r.regions.map((x) => (
                  <tr key={x.region} data-region={x.region}>
                    <th scope="row">{region(x.region)}</th>
                    <td>
                      {number(x.incidents.today)}{' '}
                      <span className="muted small">
                        ({t('report.vsPrevious', { n: number(x.incidents.previous), change: signed(x.incidents.change, number) })})
                      </span>
                    </td>
                    <td>
                      {number(x.explosions.today)}{' '}
                      <span className="muted small">
                        ({t('report.vsPrevious', { n: number(x.explosions.previous), change: signed(x.explosions.change, number) })})
                      </span>
                    </td>
                    <td>{bounds(x.killed)}</td>
                    <td>{bounds(x.injured)}</td>
                    <td>{number(x.weaponsInViolation.length)}</td>
                    <td>{number(x.restrictions.length)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-region="total">
                  <th scope="row">{t('report.total')}</th>
                  <td>
                    {number(r.totals.incidents.today)}{' '}
                    <span className="muted small">
                      ({t('report.vsPrevious', { n: number(r.totals.incidents.previous), change: signed(r.totals.incidents.change, number) })})
                    </span>
                  </td>
                  <td>
                    {number(r.totals.explosions.today)}{' '}
                    <span className="muted small">
                      ({t('report.vsPrevious', { n: number(r.totals.explosions.previous), change: signed(r.totals.explosions.change, number) })})
                    </span>
                  </td>
                  <td>{bounds(r.totals.killed)}</td>
                  <td>{bounds(r.totals.injured)}</td>
                  <td>{number(r.totals.weaponsInViolation)}</td>
                  <td>{number(r.totals.restrictions)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        <p className="small muted">{t('report.boundsNote')}</p>
      </section>
      <section aria-labelledby={`${ids}-weapons`}>
        <h2 id={`${ids}-weapons`}>{t('report.weaponsTitle')}</h2>
        {violations.length === 0 ? (
          <p>{t('report.noWeapons')}</p>
        ) : (
          <ul className="plain history">
            {violations.map((v) => (
              <li key={v.observationId}>
                <WeaponInViolation v={v} where={region(v.region)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby={`${ids}-restr`}>
        <h2 id={`${ids}-restr`}>{t('report.restrictionsTitle')}</h2>
        {restrictions.length === 0 ? (
          <p>{t('report.noRestrictions')}</p>
        ) : (
          <ul className="plain history">
            {restrictions.map((x) => (
              <li key={x.id}>
                <strong>{x.place.name}</strong> ({region(x.region)}): <En>{x.description}</En>
                {x.byPartyId ? (
                  <>
                    {' '}
                    — <PartyName id={x.byPartyId} />
                  </>
                ) : x.byLabel ? (
                  <>
                    {' '}
                    — <En>{x.byLabel}</En>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
