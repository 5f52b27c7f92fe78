import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { written, type Meeting } from '../../app/api-types.ts';
import { useQueryState } from '../../app/use-query-state.ts';
import { LIST_SORTS } from '@parley/contracts';
import { LIST_KEYS, listQuery, ListToolbar, MoreButton, usePages } from '../../ui/list-toolbar.tsx';
import { CreateToggle } from '../../ui/create-toggle.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Badge, Load, Name, PageTitle } from '../../ui/common.tsx';
import { CalendarFeeds } from './calendar-feeds.tsx';
import { ProposeMeetingForm } from './forms.tsx';

const when = (m: Meeting) => m.actualStart ?? m.plannedStart ?? '';
const MEETING_STATUSES = ['proposed', 'scheduled', 'in_progress', 'held', 'postponed', 'cancelled', 'lapsed'] as const;

export function TalksPage() {
  const { t, date, name } = useI18n();
  const { process, viewer } = useProcess();
  const [values, setValues] = useQueryState(LIST_KEYS);
  const sort = LIST_SORTS.find((s) => s === values.sort);
  const pages = usePages(
    async (after?: string) => {
      const page = await api.GET('/api/processes/{processId}/meetings', {
        params: { path: { processId: process.id }, query: { limit: 100, after, ...listQuery(values), sort } },
      });
      return { items: written<Meeting>()(page.items), next: page.next };
    },
    [process.id, viewer, JSON.stringify(listQuery(values)), sort],
  );
  const shown = pages.loaded.state === 'ready' ? pages.loaded.data : [];
  return (
    <>
      <PageTitle text={t('talks.title')} />
      <CreateToggle kind="meeting" label={t('talks.form.propose')} id="propose-form">
        <ProposeMeetingForm />
      </CreateToggle>
      <h2>{t('talks.timeline')}</h2>
      <ListToolbar
        values={values}
        onChange={setValues}
        sorts={[...LIST_SORTS]}
        statuses={MEETING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}` as MessageKey) }))}
        count={pages.loaded.state === 'ready' ? shown.length : undefined}
        csv={{
          file: `parley-meetings-${process.id}.csv`,
          rows: () => [
            ['id', 'title', 'status', 'kind', 'modality', 'start', 'timeZone', 'place', 'audience'],
            ...shown.map((m) => [m.id, name(m.title), m.status, m.kind, m.modality, when(m), m.timeZone, m.place ? name(m.place.names) : '', m.audience]),
          ],
        }}
        exports={[{ label: t('lists.calendar'), href: api.calendarUrl(process.id), download: 'parley-meetings.ics', type: 'text/calendar' }]}
      />
      <Load loaded={pages.loaded}>
        {(meetings) => (
          <ol className="timeline">
            {meetings.map((m) => {
              const at = when(m);
              return (
                <li key={m.id} className={`timeline-item status-${m.status}`} data-meeting={m.id}>
                  <div className="timeline-date">
                    {at ? <time dateTime={at}>{date(at, m.timeZone)}</time> : <span className="muted">{t('talks.dateNotSet')}</span>}
                  </div>
                  <div className="timeline-body">
                    <Link to={`/talks/${m.id}`}>
                      <Name value={m.title} />
                    </Link>
                    <div className="small">
                      <Badge kind={m.status}>{t(`status.${m.status}` as MessageKey)}</Badge> {t(`kind.${m.kind}` as MessageKey)} ·{' '}
                      {t(`modality.${m.modality}` as MessageKey)}
                      {m.place ? (
                        <>
                          {' '}
                          · <Name value={m.place.names} />
                        </>
                      ) : null}
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </Load>
      <MoreButton pages={pages} />
      <CalendarFeeds />
    </>
  );
}
