import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { written, type Agreement, type Figure, type Meeting, type Provision } from '../../app/api-types.ts';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Badge, En, Load, Name, PageTitle, PartyName, PersonName, SourceCite, Sources } from '../../ui/common.tsx';
import { CasualtyChart } from './casualty-chart.tsx';
import { CeasefireCard, findCeasefire } from './ceasefire.tsx';
import { ViolationsChart } from './violations-chart.tsx';

const OPEN = new Set(['proposed', 'scheduled', 'postponed', 'in_progress']);
const when = (m: Meeting) => m.actualStart ?? m.plannedStart ?? '';

export function MeetingSummary({ meeting }: { meeting: Meeting | undefined }) {
  const { t, date } = useI18n();
  if (!meeting) return <p>{t('overview.none')}</p>;
  const at = when(meeting);
  return (
    <div>
      <p className="lead">
        <Link to={`/talks/${meeting.id}`}>
          <Name value={meeting.title} />
        </Link>
      </p>
      <p>
        <Badge kind={meeting.status}>{t(`status.${meeting.status}` as MessageKey)}</Badge> ·{' '}
        {at ? <time dateTime={at}>{date(at, meeting.timeZone)}</time> : t('talks.dateNotSet')}
        {meeting.place ? (
          <>
            {' '}
            · <Name value={meeting.place.names} />
          </>
        ) : null}
      </p>
      {meeting.outcome ? (
        <p>
          <Name value={meeting.outcome.summary} />
        </p>
      ) : null}
      <Sources refs={meeting.sources} />
    </div>
  );
}

function Parties() {
  const { t, lang, date } = useI18n();
  const { parties, forums, mandates } = useProcess();
  const forum = forums[0];
  const roleOf = new Map<string, string>();
  for (const m of forum?.members ?? []) roleOf.set(m.partyId, t('overview.member', { role: t(`memberRole.${m.role}` as MessageKey) }));
  for (const p of forum?.participants ?? []) roleOf.set(p.partyId, t('overview.participant'));
  // Members first, then participants, in the forum's own order; then everyone else (e.g. the host).
  const rank = new Map([...(forum?.members ?? []), ...(forum?.participants ?? [])].map((m, i) => [m.partyId, i]));
  const ordered = [...parties.values()].sort((a, b) => (rank.get(a.id) ?? 99) - (rank.get(b.id) ?? 99) || a.id.localeCompare(b.id));
  return (
    <section aria-labelledby="parties-h" className="card wide">
      <h2 id="parties-h">{t('overview.parties')}</h2>
      {forum ? (
        <p>
          {t('overview.forum')}:{' '}
          <strong>
            <Name value={forum.names} />
          </strong>
          {forum.shortName ? ` (${forum.shortName})` : null}
        </p>
      ) : null}
      <ul className="party-list">
        {ordered.map((p) => {
          const aliases = p.aliases.filter((a) => !a.lang || a.lang === lang);
          const envoys = mandates.filter((m) => m.partyId === p.id && (m.role === 'envoy' || m.role === 'mediator' || m.role === 'head_of_delegation'));
          return (
            <li key={p.id} data-party={p.id}>
              <strong className="party-name">
                <PartyName id={p.id} />
              </strong>{' '}
              <span className="muted">
                ({t(`partyKind.${p.kind}` as MessageKey)}
                {roleOf.has(p.id) ? `; ${roleOf.get(p.id)}` : ''})
              </span>
              {aliases.length ? (
                <div className="small">
                  {t('overview.aliases')}: {aliases.map((a) => a.text + (a.note ? ` (${a.note})` : '')).join(', ')}
                </div>
              ) : null}
              {envoys.length ? (
                <div className="small">
                  {envoys.map((m, i) => (
                    <span key={m.id}>
                      {i > 0 ? '; ' : null}
                      {t(`mandate.${m.role}` as MessageKey)}: <PersonName id={m.personId} /> ({t('mandate.from', { date: date(m.from) })}
                      {m.standing === 'disputed' ? `, ${t('mandate.disputed')}` : ''})
                    </span>
                  ))}
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function FigureTable({ figures }: { figures: Figure[] }) {
  const { t, number, date } = useI18n();
  return (
    <table className="figures">
      <caption>{t('overview.figures')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('overview.value')}</th>
          <th scope="col">{t('overview.asOf')}</th>
          <th scope="col">{t('overview.period')}</th>
          <th scope="col">{t('source.label')}</th>
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={f.id} data-figure={f.id}>
            <td>
              <strong>{t(`qualifier.${f.qualifier}` as MessageKey, { value: number(f.value) })}</strong> {t(`measure.${f.measure}` as MessageKey)}
            </td>
            <td>
              <time dateTime={f.asOf}>{date(f.asOf)}</time>
            </td>
            <td>
              {f.periodFrom ? date(f.periodFrom) : ''}
              {f.periodTo ? ` – ${date(f.periodTo)}` : ''}
            </td>
            <td>
              <SourceCite sourceRef={{ sourceId: f.sourceId }} />
              {f.note ? (
                <div className="small muted">
                  <En>{f.note}</En>
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OverviewPage() {
  const { t } = useI18n();
  const { process, viewer } = useProcess();
  const loaded = useLoad(async () => {
    const [meetings, figures, agreements, provisions, series] = await Promise.all([
      api.GET('/api/processes/{processId}/meetings', { params: { path: { processId: process.id }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/figures', { params: { path: { processId: process.id }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/agreements', { params: { path: { processId: process.id }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/provisions', { params: { path: { processId: process.id }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/incidents/series', { params: { path: { processId: process.id }, query: { interval: 'week' } } }),
    ]);
    return {
      meetings: written<Meeting>()(meetings.items),
      figures: written<Figure>()(figures.items),
      ceasefire: findCeasefire(written<Agreement>()(agreements.items), written<Provision>()(provisions.items)),
      series,
    };
  }, [process.id, viewer]);
  return (
    <>
      <PageTitle text={t('overview.title')}>
        <Name value={process.names} />
      </PageTitle>
      {process.description ? (
        <p className="lead">
          <En>{process.description}</En>
        </p>
      ) : null}
      <Load loaded={loaded}>
        {({ meetings, figures, ceasefire, series }) => {
          const held = meetings.filter((m) => m.status === 'held').sort((a, b) => when(b).localeCompare(when(a)));
          const open = meetings.filter((m) => OPEN.has(m.status)).sort((a, b) => (when(a) || '9999').localeCompare(when(b) || '9999'));
          // The chart draws the cumulative counts since mid-April; a narrative's rounded figure (tied to a statement) stays in the table only.
          const charted = figures.filter((f) => (f.measure === 'killed' || f.measure === 'wounded') && f.periodFrom?.startsWith('2014-04') && !f.statementId);
          const sorted = [...figures].sort((a, b) => a.asOf.localeCompare(b.asOf) || a.measure.localeCompare(b.measure));
          return (
            <div className="grid">
              <section aria-labelledby="last-h" className="card">
                <h2 id="last-h">{t('overview.lastMeeting')}</h2>
                <MeetingSummary meeting={held[0]} />
              </section>
              <section aria-labelledby="next-h" className="card">
                <h2 id="next-h">{t('overview.nextMeeting')}</h2>
                <MeetingSummary meeting={open[0]} />
              </section>
              <Parties />
              <section aria-labelledby="cas-h" className="card wide">
                <h2 id="cas-h">{t('overview.casualties')}</h2>
                <CasualtyChart figures={charted} />
                <FigureTable figures={sorted} />
              </section>
              <CeasefireCard ceasefire={ceasefire} series={series} figures={figures} />
              <section aria-labelledby="viol-h" className="card">
                <h2 id="viol-h">{t('violations.title')}</h2>
                {series.points.length > 1 ? <ViolationsChart series={series} ceasefireDay={ceasefire?.day ?? null} /> : <p>{t('ceasefire.noIncidents')}</p>}
              </section>
            </div>
          );
        }}
      </Load>
    </>
  );
}
