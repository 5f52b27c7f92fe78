import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { written, writtenOne, type Agreement, type Dossier, type Meeting } from '../../app/api-types.ts';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { VerifyLink } from '../record/record.tsx';
import { VersionHistory } from '../record/history.tsx';
import { AudienceBadge } from '../../ui/audience.tsx';
import { Badge, En, Load, Name, PageTitle, PartyName, PersonName, Sources, Words } from '../../ui/common.tsx';
import { AnswerForm, InviteForm, StatusForm, Toggle } from './forms.tsx';
import { PublishForm } from './publish.tsx';
import { CauseClaimForm } from './cause-claim-form.tsx';
import { AttendanceForm, MeetingDetailsForm } from './meeting-forms.tsx';

/** Which of the meeting page's forms is open; one at a time keeps the page short on a phone. */
type Open = null | 'status' | 'invite' | 'publish' | 'details' | 'attend' | `answer:${string}` | `claim:${number}`;

function History({ dossier, open, setOpen, reload }: { dossier: Dossier; open: Open; setOpen: (o: Open) => void; reload: () => void }) {
  const { t, date, name } = useI18n();
  const mayClaim = dossier.meeting.abilities.actions.includes('claim_cause');
  const { parties } = useProcess();
  const tz = dossier.meeting.timeZone;
  return (
    <section aria-labelledby="history-h" className="card wide">
      <h2 id="history-h">{t('talks.history')}</h2>
      <ol className="history">
        {dossier.history.map((h) => (
          <li key={h.seq} data-transition={h.seq}>
            <p>
              {h.from ? <Badge kind={h.from}>{t(`status.${h.from}` as MessageKey)}</Badge> : null}
              {h.from ? <span aria-hidden="true"> → </span> : null}
              <Badge kind={h.to}>{t(`status.${h.to}` as MessageKey)}</Badge> · <time dateTime={h.at}>{date(h.at, tz)}</time>{' '}
              <span className="muted small">({t('talks.recordedBy', { who: h.recordedBy })})</span>
            </p>
            <p>
              <Words text={h.reason} language={h.reasonLanguage} />
            </p>
            <Sources refs={h.sources} />
            {h.claims.length ? (
              <div className="claims" role="group" aria-label={t('talks.claims')}>
                <h3>{t('talks.claims')}</h3>
                <ul className="side-by-side">
                  {h.claims.map((c) => (
                    <li key={c.seq} className="claim card" data-claim-party={c.partyId}>
                      <h4>{t('talks.claimBy', { party: name(parties.get(c.partyId)?.names) })}</h4>
                      <blockquote>
                        <Words text={c.text} language={c.language} />
                      </blockquote>
                      <Sources refs={c.sources} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {mayClaim ? (
              <>
                <Toggle
                  label={t('talks.form.addAccountTo', { n: h.seq })}
                  open={open === `claim:${h.seq}`}
                  onToggle={() => setOpen(open === `claim:${h.seq}` ? null : `claim:${h.seq}`)}
                  controls={`claim-form-${h.seq}`}
                />
                <div id={`claim-form-${h.seq}`}>
                  {open === `claim:${h.seq}` ? (
                    <CauseClaimForm
                      meetingId={dossier.meeting.id}
                      transition={h.seq}
                      onDone={() => {
                        setOpen(null);
                        reload();
                      }}
                    />
                  ) : null}
                </div>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Invitations({ dossier, open, setOpen, reload }: { dossier: Dossier; open: Open; setOpen: (o: Open) => void; reload: () => void }) {
  const { t, date, name } = useI18n();
  const { process, parties } = useProcess();
  const answering = dossier.invitations.find((i) => open === `answer:${i.id}`);
  if (!dossier.invitations.length) return null;
  return (
    <section aria-labelledby="inv-h" className="card wide">
      <h2 id="inv-h">{t('talks.invitations')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('talks.party')}</th>
            <th scope="col">{t('talks.answer')}</th>
            <th scope="col">{t('talks.conditions')}</th>
            <th scope="col">{t('talks.note')}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.invitations.map((inv) => {
            const last = inv.responses[inv.responses.length - 1];
            return (
              <tr key={inv.id} data-invitation={inv.partyId}>
                <th scope="row">
                  <PartyName id={inv.partyId} />
                </th>
                <td>
                  <Badge kind={inv.status ?? 'invited'}>{t(`invitation.${inv.status ?? 'invited'}` as MessageKey)}</Badge>
                  {last ? (
                    <>
                      {' '}
                      <time dateTime={last.at}>{date(last.at)}</time>
                      <Sources refs={last.sources} />
                    </>
                  ) : null}
                </td>
                <td>
                  {last?.conditions.length ? (
                    <ul className="plain">
                      {last.conditions.map((c, i) => (
                        <li key={i}>
                          «<Words text={c.text} language={c.language} />»
                          <Sources refs={c.sources} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td className="small">
                  {inv.note ? <En>{inv.note}</En> : null}
                  {inv.abilities.actions.includes('answer') ? (
                    <Toggle
                      label={t('talks.form.answerFor', { party: name(parties.get(inv.partyId ?? '')?.names) })}
                      open={open === `answer:${inv.id}`}
                      onToggle={() => setOpen(open === `answer:${inv.id}` ? null : `answer:${inv.id}`)}
                      controls="answer-form"
                    />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div id="answer-form">
        {answering ? (
          <AnswerForm
            key={answering.id}
            invitation={answering}
            reread={async () => {
              const d = await api.GET('/api/processes/{processId}/meetings/{id}/dossier', {
                params: { path: { processId: process.id, id: dossier.meeting.id } },
              });
              const fresh = d.invitations.find((i) => i.id === answering.id);
              if (!fresh) throw new Error('gone');
              return fresh;
            }}
            onDone={() => {
              setOpen(null);
              reload();
            }}
          />
        ) : null}
      </div>
    </section>
  );
}

function AttendanceTable({ dossier }: { dossier: Dossier }) {
  const { t } = useI18n();
  if (!dossier.attendance.length) return null;
  return (
    <section aria-labelledby="att-h" className="card wide">
      <h2 id="att-h">{t('talks.attendance')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('talks.party')}</th>
            <th scope="col">{t('talks.person')}</th>
            <th scope="col">{t('records.attendance.status')}</th>
            <th scope="col">{t('talks.note')}</th>
          </tr>
        </thead>
        <tbody>
          {dossier.attendance.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <PartyName id={a.partyId} />
              </th>
              <td>
                <PersonName id={a.personId} />
              </td>
              <td>{t(`attendance.${a.status}` as MessageKey)}</td>
              <td className="small">
                {a.note ? <En>{a.note}</En> : null}
                <Sources refs={a.sources} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The mediator's controls on a meeting, each shown only when the meeting's abilities allow it. */
function Actions({
  meeting,
  invited,
  open,
  setOpen,
  reload,
}: {
  meeting: Meeting;
  invited: string[];
  open: Open;
  setOpen: (o: Open) => void;
  reload: () => void;
}) {
  const { t } = useI18n();
  const { process } = useProcess();
  const a = meeting.abilities;
  const can = {
    status: a.actions.includes('transition') && !!a.transitions?.length,
    invite: a.actions.includes('invite'),
    publish: a.actions.includes('publish') || a.actions.includes('restrict'),
    details: a.actions.includes('edit'),
    attend: a.actions.includes('attend'),
  };
  if (!Object.values(can).some(Boolean)) return null;
  const done = () => {
    setOpen(null);
    reload();
  };
  const toggle = (o: Open) => () => setOpen(open === o ? null : o);
  const reread = () => api.GET('/api/processes/{processId}/meetings/{id}', { params: { path: { processId: process.id, id: meeting.id } } }) as Promise<Meeting>;
  return (
    <section aria-label={t('talks.form.actions')} className="actions">
      <div>
        {can.status ? <Toggle label={t('talks.form.changeStatus')} open={open === 'status'} onToggle={toggle('status')} controls="meeting-form" /> : null}
        {can.invite ? <Toggle label={t('talks.form.invite')} open={open === 'invite'} onToggle={toggle('invite')} controls="meeting-form" /> : null}
        {can.details ? <Toggle label={t('records.meeting.details')} open={open === 'details'} onToggle={toggle('details')} controls="meeting-form" /> : null}
        {can.attend ? <Toggle label={t('records.attendance.record')} open={open === 'attend'} onToggle={toggle('attend')} controls="meeting-form" /> : null}
        {can.publish ? (
          <Toggle
            label={a.actions.includes('publish') ? t('talks.form.publish') : t('records.audience.change')}
            open={open === 'publish'}
            onToggle={toggle('publish')}
            controls="meeting-form"
          />
        ) : null}
      </div>
      <div id="meeting-form">
        {open === 'status' && can.status ? <StatusForm meeting={meeting} reread={reread} onDone={done} /> : null}
        {open === 'invite' && can.invite ? <InviteForm meeting={meeting} invited={invited} onDone={done} /> : null}
        {open === 'details' && can.details ? <MeetingDetailsForm meeting={meeting} reread={reread} onDone={done} /> : null}
        {open === 'attend' && can.attend ? <AttendanceForm meeting={meeting} onDone={done} /> : null}
        {open === 'publish' && can.publish ? <PublishForm kind="meeting" record={meeting} onDone={done} /> : null}
      </div>
    </section>
  );
}

export function MeetingPage({ id }: { id: string }) {
  const { t, date, name } = useI18n();
  const { process, viewer } = useProcess();
  const [rev, setRev] = useState(0);
  const [open, setOpen] = useState<Open>(null);
  const reload = () => setRev((r) => r + 1);
  const loaded = useLoad(async () => {
    const dossier = await api.GET('/api/processes/{processId}/meetings/{id}/dossier', { params: { path: { processId: process.id, id } } });
    const agreements = await Promise.all(
      (dossier.meeting.outcome?.agreementIds ?? []).map((a) =>
        api.GET('/api/processes/{processId}/agreements/{id}', { params: { path: { processId: process.id, id: a } } }).catch(() => null),
      ),
    );
    const meeting = writtenOne<Meeting>()(dossier.meeting);
    if (!meeting) throw new Error(`meeting ${id} was redacted`);
    return { dossier: { ...dossier, meeting }, agreements: written<Agreement>()(agreements.filter((a) => a !== null)) };
  }, [process.id, id, viewer, rev]);
  return (
    <>
      <p className="crumb">
        <Link to="/talks">← {t('talks.back')}</Link>
      </p>
      <Load loaded={loaded}>
        {({ dossier, agreements }) => {
          const m = dossier.meeting;
          return (
            <>
              <PageTitle text={name(m.title)}>
                <Name value={m.title} />
              </PageTitle>
              <AudienceBadge record={m} />
              <dl className="facts">
                <div>
                  <dt>{t('talks.kind')}</dt>
                  <dd>
                    {t(`kind.${m.kind}` as MessageKey)} · {t(`modality.${m.modality}` as MessageKey)}
                  </dd>
                </div>
                <div>
                  <dt>{t('talks.status')}</dt>
                  <dd>
                    <Badge kind={m.status}>{t(`status.${m.status}` as MessageKey)}</Badge>
                  </dd>
                </div>
                <div>
                  <dt>{t('talks.planned')}</dt>
                  <dd>
                    {m.plannedStart
                      ? `${date(m.plannedStart, m.timeZone)}${m.plannedEnd ? ` – ${date(m.plannedEnd, m.timeZone)}` : ''}`
                      : t('talks.dateNotSet')}
                  </dd>
                </div>
                {m.actualStart ? (
                  <div>
                    <dt>{t('talks.actual')}</dt>
                    <dd>
                      {date(m.actualStart, m.timeZone)}
                      {m.actualEnd ? ` – ${date(m.actualEnd, m.timeZone)}` : ''}
                    </dd>
                  </div>
                ) : null}
                {m.place ? (
                  <div>
                    <dt>{t('talks.place')}</dt>
                    <dd>
                      <Name value={m.place.names} /> <span className="muted small">({m.timeZone})</span>
                    </dd>
                  </div>
                ) : null}
                {m.hostPartyId ? (
                  <div>
                    <dt>{t('talks.host')}</dt>
                    <dd>
                      <PartyName id={m.hostPartyId} />
                    </dd>
                  </div>
                ) : null}
              </dl>
              <Actions meeting={m} invited={dossier.invitations.flatMap((i) => (i.partyId ? [i.partyId] : []))} open={open} setOpen={setOpen} reload={reload} />
              {m.hostRequiresConfirmation ? <p className="notice">{t('talks.hostRule')}</p> : null}
              <Sources refs={m.sources} />
              <p className="small">
                <VerifyLink type="meeting" id={m.id} />
              </p>
              <div className="grid">
                <section aria-labelledby="agenda-h" className="card">
                  <h2 id="agenda-h">{t('talks.agenda')}</h2>
                  {m.agenda.length ? (
                    <ol>
                      {m.agenda.map((a) => (
                        <li key={a.number} value={a.number}>
                          <Name value={a.title} />
                          {a.proposedBy ? (
                            <span className="muted">
                              {' '}
                              (<PartyName id={a.proposedBy} />)
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ol>
                  ) : (
                    <p className="muted">{t('talks.noAgenda')}</p>
                  )}
                </section>
                <section aria-labelledby="outcome-h" className="card">
                  <h2 id="outcome-h">{t('talks.outcome')}</h2>
                  {m.outcome ? (
                    <>
                      <p>
                        <Name value={m.outcome.summary} />
                      </p>
                      {agreements.length ? (
                        <ul>
                          {agreements.map((a) => (
                            <li key={a.id}>
                              <Link to={`/agreements/${a.id}`}>{a.shortNames[0] ?? name(a.titles)}</Link>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      <Sources refs={m.outcome.sources} />
                    </>
                  ) : (
                    <p className="muted">{t('overview.none')}</p>
                  )}
                </section>
                {m.minutes ? (
                  <section aria-labelledby="minutes-h" className="card wide">
                    <h2 id="minutes-h">{t('records.meeting.minutes')}</h2>
                    <div className="minutes" data-testid="minutes">
                      {m.minutes}
                    </div>
                  </section>
                ) : null}
                <History dossier={dossier} open={open} setOpen={setOpen} reload={reload} />
                <Invitations dossier={dossier} open={open} setOpen={setOpen} reload={reload} />
                <AttendanceTable dossier={dossier} />
              </div>
              <VersionHistory kind="meeting" id={m.id} />
            </>
          );
        }}
      </Load>
    </>
  );
}
