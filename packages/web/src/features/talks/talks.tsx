import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { written, type Meeting } from '../../app/api-types.ts';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Badge, Load, Name, PageTitle } from '../../ui/common.tsx';
import { ProposeMeetingForm, Toggle } from './forms.tsx';

/** "Propose a meeting", only for those the process lets record meetings (GET /me `create`). */
function Propose() {
  const { t } = useI18n();
  const { process, viewer } = useProcess();
  const [open, setOpen] = useState(false);
  const me = useLoad(() => api.GET('/api/processes/{processId}/me', { params: { path: { processId: process.id } } }), [process.id, viewer]);
  if (me.state !== 'ready' || !me.data.create.includes('meeting')) return null;
  return (
    <div>
      <Toggle label={t('talks.form.propose')} open={open} onToggle={() => setOpen(!open)} controls="propose-form" />
      <div id="propose-form">{open ? <ProposeMeetingForm /> : null}</div>
    </div>
  );
}

const when = (m: Meeting) => m.actualStart ?? m.plannedStart ?? '';

export function TalksPage() {
  const { t, date } = useI18n();
  const { process, viewer } = useProcess();
  const loaded = useLoad(
    async () =>
      written<Meeting>()((await api.GET('/api/processes/{processId}/meetings', { params: { path: { processId: process.id }, query: { limit: 500 } } })).items),
    [process.id, viewer],
  );
  return (
    <>
      <PageTitle text={t('talks.title')} />
      <p>
        <a href={api.calendarUrl(process.id)} download="parley-meetings.ics" type="text/calendar">
          {t('talks.calendar')}
        </a>
      </p>
      <Propose />
      <h2>{t('talks.timeline')}</h2>
      <Load loaded={loaded}>
        {(meetings) => (
          <ol className="timeline">
            {[...meetings]
              .sort((a, b) => (when(a) || '9999').localeCompare(when(b) || '9999'))
              .map((m) => {
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
    </>
  );
}
