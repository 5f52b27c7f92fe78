import { Children, useState, type ReactNode } from 'react';
import { api } from '../../app/api.ts';
import { written, type Agreement, type Assessment, type Incident, type Meeting, type Provision } from '../../app/api-types.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useSession } from '../../app/session.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Load, Name, PageTitle, PartyName } from '../../ui/common.tsx';
import { freshSince, isFresh, latestByProvision, may } from './due.ts';

interface OpenInvitation {
  id: string;
  meetingId: string;
  partyId: string;
}

interface Due {
  invitations: { invitation: OpenInvitation; meeting: Meeting | undefined }[];
  meetings: Meeting[];
  incidents: Incident[];
  /** Whether there were more reported incidents than one page of the list (the count is then a lower bound). */
  moreIncidents: boolean;
  provisions: { provision: Provision; agreement: Agreement | undefined; lastAsOf: string | undefined }[];
}

const when = (m: Meeting | undefined) => m?.actualStart ?? m?.plannedStart ?? '';

/**
 * `/todo`: what waits for the reader, from the lists they may read and the abilities the server computed on each
 * record (the page never guesses a permission): invitations to answer, proposed meetings they may move on,
 * reported incidents they may verify, provisions they may assess that nobody assessed in the last 90 days.
 */
export function TodoPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const { process, viewer } = useProcess();
  const signedIn = !!me?.username;
  const loaded = useLoad(async (): Promise<Due | null> => {
    if (!signedIn) return null;
    const path = { processId: process.id };
    const [invitations, meetings, incidents, provisions, assessments, agreements] = await Promise.all([
      api.GET('/api/processes/{processId}/invitations', { params: { path, query: { status: 'invited', limit: 500 } } }),
      api.GET('/api/processes/{processId}/meetings', { params: { path, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/incidents', { params: { path, query: { status: 'reported', limit: 500 } } }),
      api.GET('/api/processes/{processId}/provisions', { params: { path, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/assessments', { params: { path, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/agreements', { params: { path, query: { limit: 500 } } }),
    ]);
    const meetingById = new Map(written<Meeting>()(meetings.items).map((m) => [m.id, m]));
    const agreementById = new Map(written<Agreement>()(agreements.items).map((a) => [a.id, a]));
    const latest = latestByProvision(written<Assessment>()(assessments.items));
    const since = freshSince(new Date());
    return {
      invitations: written<OpenInvitation>()(invitations.items)
        .filter((i) => i.status === 'invited' && may(i, 'answer'))
        .map((invitation) => ({ invitation, meeting: meetingById.get(invitation.meetingId) })),
      meetings: [...meetingById.values()].filter((m) => m.status === 'proposed' && may(m, 'transition')).sort((a, b) => when(a).localeCompare(when(b))),
      incidents: written<Incident>()(incidents.items).filter((i) => i.status === 'reported' && may(i, 'verify')),
      moreIncidents: incidents.next !== null,
      provisions: written<Provision>()(provisions.items)
        .filter((p) => may(p, 'assess'))
        .map((provision) => ({ provision, agreement: agreementById.get(provision.agreementId), lastAsOf: latest.get(provision.id) }))
        .filter((p) => !p.lastAsOf || !isFresh(p.lastAsOf, since)),
    };
  }, [process.id, viewer, signedIn]);

  return (
    <>
      <PageTitle text={t('work.todo.title')} />
      {signedIn ? (
        <p className="lead">{t('work.todo.intro')}</p>
      ) : (
        <p>
          <Link to="/sign-in">{t('work.todo.signIn')}</Link>
        </p>
      )}
      <Load loaded={loaded}>{(due) => (due ? <DueLists due={due} /> : null)}</Load>
    </>
  );
}

function DueLists({ due }: { due: Due }) {
  const { t, date } = useI18n();
  return (
    <div className="grid todo">
      <Section id="todo-invitations" title="work.todo.invitations" count={due.invitations.length}>
        {due.invitations.map(({ invitation, meeting }) => (
          <li key={invitation.id} data-todo="invitation" data-id={invitation.id}>
            <Link to={`/talks/${encodeURIComponent(invitation.meetingId)}`}>{meeting ? <Name value={meeting.title} /> : invitation.meetingId}</Link>
            <span className="muted small">
              {' — '}
              <PartyName id={invitation.partyId} />
              {when(meeting) ? <>, {date(when(meeting), meeting?.timeZone)}</> : null}
            </span>
          </li>
        ))}
      </Section>
      <Section id="todo-meetings" title="work.todo.meetings" count={due.meetings.length}>
        {due.meetings.map((m) => (
          <li key={m.id} data-todo="meeting" data-id={m.id}>
            <Link to={`/talks/${encodeURIComponent(m.id)}`}>
              <Name value={m.title} />
            </Link>
            {when(m) ? <span className="muted small"> — {date(when(m), m.timeZone)}</span> : null}
          </li>
        ))}
      </Section>
      <Section id="todo-incidents" title="work.todo.incidents" count={due.incidents.length} atLeast={due.moreIncidents}>
        {due.incidents.map((i) => (
          <li key={i.id} data-todo="incident" data-id={i.id}>
            <Link to={`/monitoring/incidents/${encodeURIComponent(i.id)}`}>
              {i.place.name ? <span lang="en">{i.place.name}</span> : i.id}, {date(i.date.start)}
            </Link>
          </li>
        ))}
      </Section>
      <Section id="todo-provisions" title="work.todo.provisions" count={due.provisions.length}>
        {due.provisions.map(({ provision, agreement, lastAsOf }) => (
          <li key={provision.id} data-todo="provision" data-id={provision.id}>
            <Link to={`/agreements/${encodeURIComponent(provision.agreementId)}`}>
              {agreement ? <Name value={agreement.titles} /> : provision.agreementId}, {provision.number}
            </Link>{' '}
            <Name value={provision.paraphrase} />{' '}
            <span className="muted small">({lastAsOf ? t('work.todo.lastAssessed', { date: date(lastAsOf) }) : t('work.todo.neverAssessed')})</span>
          </li>
        ))}
      </Section>
    </div>
  );
}

/** How many items a section shows before "show all": a monitor may have hundreds of reported incidents. */
const FIRST = 10;

function Section({ id, title, count, atLeast = false, children }: { id: string; title: MessageKey; count: number; atLeast?: boolean; children: ReactNode }) {
  const { t, number } = useI18n();
  const [all, setAll] = useState(false);
  const items = Children.toArray(children);
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <section className="card" aria-labelledby={id} data-section={id}>
      <h2 id={id}>
        {t(title)} <span className="count">({atLeast ? `${number(count)}+` : number(count)})</span>
      </h2>
      {count ? <ul className="todo-list">{shown}</ul> : <p className="muted">{t('work.todo.none')}</p>}
      {items.length > shown.length ? (
        <button type="button" className="more" onClick={() => setAll(true)}>
          {t('work.todo.showAll', { n: number(items.length) })}
        </button>
      ) : null}
    </section>
  );
}
