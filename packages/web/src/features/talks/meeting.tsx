import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { written, writtenOne, type Agreement, type Dossier, type Meeting } from '../../app/api-types.ts';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { VerifyLink } from '../record/record.tsx';
import { Badge, En, Load, Name, PageTitle, PartyName, PersonName, Sources } from '../../ui/common.tsx';

function History({ dossier }: { dossier: Dossier }) {
  const { t, date, name } = useI18n();
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
              <En>{h.reason}</En>
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
                        <En>{c.text}</En>
                      </blockquote>
                      <Sources refs={c.sources} />
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Invitations({ dossier }: { dossier: Dossier }) {
  const { t, date, name } = useI18n();
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
                          «{name(c.text)}»
                          <Sources refs={c.sources} />
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td className="small">{inv.note ? <En>{inv.note}</En> : null}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
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
            <th scope="col">{t('talks.answer')}</th>
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

export function MeetingPage({ id }: { id: string }) {
  const { t, date, name } = useI18n();
  const { process, viewer } = useProcess();
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
  }, [process.id, id, viewer]);
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
                <History dossier={dossier} />
                <Invitations dossier={dossier} />
                <AttendanceTable dossier={dossier} />
              </div>
            </>
          );
        }}
      </Load>
    </>
  );
}
