import { useId, useState } from 'react';
import { VersionHistory } from '../record/history.tsx';
import { AudienceBadge } from '../../ui/audience.tsx';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Badge, En, Load, PageTitle, PartyName, Sources } from '../../ui/common.tsx';
import { VerifyLink } from '../record/record.tsx';
import { written, writtenOne } from '../../app/api-types.ts';
import type { Attribution, Incident, Observation, VerificationStep } from './model.ts';
import type { SourceRef } from '../../app/api-types.ts';
import { Field, Form, SourcePicker, useForm } from '../../ui/form.tsx';

type Verification = 'reported' | 'corroborated' | 'verified' | 'disputed' | 'retracted';
/** The steps the server allows (domain/monitoring/verification.ts); the server still decides, this only narrows the choice. */
const NEXT: Record<Verification, Verification[]> = {
  reported: ['corroborated', 'verified', 'disputed', 'retracted'],
  corroborated: ['verified', 'disputed', 'retracted'],
  verified: ['disputed', 'retracted'],
  disputed: ['corroborated', 'verified', 'retracted'],
  retracted: [],
};

/** An analyst moves the verification one step, with a reason and sources; offered only where abilities has 'verify'. */
function VerifyForm({ incident, onDone }: { incident: Incident; onDone: () => void }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const options = NEXT[(incident.verification ?? 'reported') as Verification] ?? [];
  const [to, setTo] = useState<Verification | undefined>(options[0]);
  const [reason, setReason] = useState('');
  const [sources, setSources] = useState<SourceRef[]>([]);
  const reread = () =>
    api.GET('/api/processes/{processId}/incidents/{id}', { params: { path: { processId: process.id, id: incident.id } } }) as Promise<Incident>;
  const form = useForm<Incident>({
    base: incident,
    reread,
    send: (base) =>
      api.POST('/api/processes/{processId}/incidents/{id}/verifications', {
        params: { path: { processId: process.id, id: incident.id } },
        body: { to: to!, reason: reason.trim(), sources, version: base!.version },
      }),
    onDone,
  });
  if (!options.length || !to) return null;
  return (
    <Form form={form} label={t('talks.form.verify')} submitLabel={t('talks.form.verifySubmit')} labels={{ verification: t('incident.verification') }}>
      <Field name="to" label={t('talks.form.verifyTo')} error={form.fieldError('to')} required>
        {(p) => (
          <select {...p} value={to} onChange={(e) => setTo(e.target.value as Verification)}>
            {options.map((o) => (
              <option key={o} value={o}>
                {t(`verification.${o}` as MessageKey)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="reason" label={t('talks.form.reason')} hint={t('talks.form.reasonHint')} error={form.fieldError('reason')} required>
        {(p) => <textarea {...p} lang="en" value={reason} required onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <SourcePicker label={t('source.sources')} value={sources} onChange={setSources} error={form.fieldError('sources')} />
    </Form>
  );
}

const under = (processId: string, parent: string) => ({ params: { path: { processId }, query: { parent, limit: 500 } } });

/** One incident: when and where (with their precision), casualties as bounds, sources, observations, verification history and attribution claims side by side. */
export function IncidentPage({ id }: { id: string }) {
  const { process, viewer } = useProcess();
  const [rev, setRev] = useState(0);
  const loaded = useLoad(async () => {
    const [incident, observations, verifications, attributions] = await Promise.all([
      api.GET('/api/processes/{processId}/incidents/{id}', { params: { path: { processId: process.id, id } } }).then(writtenOne<Incident>()),
      api.GET('/api/processes/{processId}/observations', under(process.id, id)).then((r) => written<Observation>()(r.items)),
      api.GET('/api/processes/{processId}/verifications', under(process.id, id)).then((r) => written<VerificationStep>()(r.items)),
      api.GET('/api/processes/{processId}/attributions', under(process.id, id)).then((r) => written<Attribution>()(r.items)),
    ]);
    if (!incident) throw new Error(`incident ${id} was redacted`);
    return { incident, observations, verifications: verifications.sort((a, b) => a.seq - b.seq), attributions };
  }, [process.id, id, viewer, rev]);
  return <Load loaded={loaded}>{(d) => <IncidentView {...d} reload={() => setRev((r) => r + 1)} />}</Load>;
}

function PreciseDate({ d }: { d: Incident['date'] }) {
  const { t, date } = useI18n();
  const text = d.start === d.end ? date(d.start) : t('incident.dateSpan', { start: date(d.start), end: date(d.end) });
  return (
    <>
      <time dateTime={d.start}>{text}</time>{' '}
      <span className="muted small">({t('incident.precision', { p: t(`precision.date.${d.precision}` as MessageKey) })})</span>
    </>
  );
}

function IncidentView({
  incident: i,
  observations,
  verifications,
  attributions,
  reload,
}: {
  incident: Incident;
  observations: Observation[];
  verifications: VerificationStep[];
  attributions: Attribution[];
  reload: () => void;
}) {
  const [verifying, setVerifying] = useState(false);
  const { t, date, number } = useI18n();
  const ids = useId();
  const title = i.place.name ? t('incident.titlePlace', { place: i.place.name, date: date(i.date.start) }) : t('incident.title', { id: i.id });
  const status = i.verification ?? 'reported';
  const k = i.casualties.killed;
  const inj = i.casualties.injured;
  const by = i.casualties.killedBy;
  const kinds = ['claimed', 'assessed', 'disputed'] as const;
  return (
    <article className="incident">
      <p className="crumb">
        <Link to="/monitoring">{t('monitoring.title')}</Link>
      </p>
      <PageTitle text={title} />
      <AudienceBadge record={i} />
      <dl className="facts">
        <div>
          <dt>{t('incident.date')}</dt>
          <dd data-testid="incident-date">
            <PreciseDate d={i.date} />
          </dd>
        </div>
        <div>
          <dt>{t('incident.place')}</dt>
          <dd data-testid="incident-place">
            {[i.place.name, i.place.admin2, i.place.admin1, i.place.country].filter(Boolean).join(', ') || '—'}{' '}
            <span className="muted small">
              ({i.place.lat.toFixed(4)}, {i.place.lon.toFixed(4)}; {t('incident.precision', { p: t(`precision.place.${i.place.precision}` as MessageKey) })})
            </span>
          </dd>
        </div>
        {i.violence ? (
          <div>
            <dt>{t('monitoring.kind')}</dt>
            <dd>{t(`violence.${i.violence}` as MessageKey)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('monitoring.status')}</dt>
          <dd>
            <Badge kind={`status-${status}`}>{t(`verification.${status}` as MessageKey)}</Badge>
          </dd>
        </div>
        {i.external ? (
          <div>
            <dt>{t('incident.external')}</dt>
            <dd>
              {i.external.dataset.toUpperCase()} {i.external.id}
            </dd>
          </div>
        ) : null}
      </dl>
      {i.place.description ? (
        <p>
          <En>{i.place.description}</En>
        </p>
      ) : null}
      <p>
        <VerifyLink type="incident" id={i.id} what={title} />
      </p>

      <div className="grid">
        <section className="card" aria-labelledby={`${ids}-cas`}>
          <h2 id={`${ids}-cas`}>{t('incident.casualties')}</h2>
          <table className="casualties" data-testid="casualties">
            <caption className="visually-hidden">{t('incident.casualties')}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('incident.low')}</th>
                <th scope="col">{t('incident.best')}</th>
                <th scope="col">{t('incident.high')}</th>
              </tr>
            </thead>
            <tbody>
              <tr data-row="killed">
                <th scope="row">{t('incident.killed')}</th>
                <td>{number(k.low)}</td>
                <td>
                  <strong>{number(k.best)}</strong>
                </td>
                <td>{number(k.high)}</td>
              </tr>
              <tr data-row="injured">
                <th scope="row">{t('incident.injured')}</th>
                {inj ? (
                  <>
                    <td>{number(inj.low)}</td>
                    <td>
                      <strong>{number(inj.best)}</strong>
                    </td>
                    <td>{number(inj.high)}</td>
                  </>
                ) : (
                  <td colSpan={3} className="muted">
                    {t('incident.notGiven')}
                  </td>
                )}
              </tr>
            </tbody>
          </table>
          {by ? (
            <>
              <h3>{t('incident.killedBy')}</h3>
              <dl className="facts" data-testid="killed-by">
                <div>
                  <dt>{t('incident.sideA', { name: i.actors.find((a) => a.role === 'side_a')?.name ?? '—' })}</dt>
                  <dd>{number(by.sideA)}</dd>
                </div>
                <div>
                  <dt>{t('incident.sideB', { name: i.actors.find((a) => a.role === 'side_b')?.name ?? '—' })}</dt>
                  <dd>{number(by.sideB)}</dd>
                </div>
                <div>
                  <dt>{t('incident.civilians')}</dt>
                  <dd>{number(by.civilians)}</dd>
                </div>
                <div>
                  <dt>{t('incident.unknown')}</dt>
                  <dd>{number(by.unknown)}</dd>
                </div>
              </dl>
            </>
          ) : null}
          <p className="small muted">{t('incident.boundsNote')}</p>
        </section>

        <section className="card" aria-labelledby={`${ids}-actors`}>
          <h2 id={`${ids}-actors`}>{t('incident.actors')}</h2>
          {i.actors.length === 0 ? (
            <p className="muted">{t('incident.notGiven')}</p>
          ) : (
            <ul className="plain">
              {i.actors.map((a, n) => (
                <li key={n}>
                  <span className="muted">{t(`incident.role.${a.role}` as MessageKey)}:</span> <En>{a.name}</En>
                  {a.partyId ? (
                    <>
                      {' '}
                      (<PartyName id={a.partyId} />)
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <h2 id={`${ids}-src`}>{t('source.sources')}</h2>
          {i.sources.length === 0 ? (
            <p className="muted">{t('incident.noSources')}</p>
          ) : (
            <ul className="plain incident-sources" data-testid="incident-sources">
              {i.sources.map((s, n) => (
                <li key={n}>
                  <cite>{s.publisher}</cite>
                  {s.date ? (
                    <>
                      , <time dateTime={s.date}>{/^\d{4}-\d{2}-\d{2}$/.test(s.date) ? date(s.date) : s.date}</time>
                    </>
                  ) : null}
                  {s.headline ? (
                    <>
                      : <En>“{s.headline}”</En>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {i.originalSources ? (
            <p className="small">
              <span className="muted">{t('incident.originalSources')}:</span> <En>{i.originalSources}</En>
            </p>
          ) : null}
          {i.notes ? (
            <p className="small">
              <span className="muted">{t('incident.notes')}:</span> <En>{i.notes}</En>
            </p>
          ) : null}
        </section>

        <section className="card wide" aria-labelledby={`${ids}-att`}>
          <h2 id={`${ids}-att`}>{t('incident.attribution')}</h2>
          {attributions.length === 0 ? (
            <p className="muted">{t('incident.noAttribution')}</p>
          ) : (
            <div className="attribution-columns" data-testid="attributions">
              {kinds.map((kind) => (
                <section key={kind} aria-labelledby={`${ids}-att-${kind}`} data-kind={kind}>
                  <h3 id={`${ids}-att-${kind}`}>{t(`attribution.${kind}` as MessageKey)}</h3>
                  <ul className="plain attribution-list">
                    {attributions
                      .filter((a) => a.kind === kind)
                      .map((a) => (
                        <li key={a.id} className={`claim card claim-${kind}`} data-attribution={a.id} data-by={a.byPartyId ?? ''}>
                          <p>
                            {a.byPartyId ? (
                              <>
                                {t('attribution.by')}{' '}
                                <strong>
                                  <PartyName id={a.byPartyId} />
                                </strong>
                                :{' '}
                              </>
                            ) : null}
                            {t('attribution.responsible')}{' '}
                            <strong>
                              {a.responsiblePartyId ? (
                                <PartyName id={a.responsiblePartyId} />
                              ) : a.responsibleLabel ? (
                                <En>{a.responsibleLabel}</En>
                              ) : (
                                t('attribution.unnamed')
                              )}
                            </strong>
                          </p>
                          <blockquote>
                            <En>{a.text}</En>
                          </blockquote>
                          {a.disputes ? <p className="small muted">{t('attribution.disputes', { id: a.disputes })}</p> : null}
                          <Sources refs={a.sources} />
                          <p className="small muted">{t('incident.recorded', { who: a.createdBy, when: date(a.createdAt) })}</p>
                        </li>
                      ))}
                  </ul>
                </section>
              ))}
            </div>
          )}
        </section>

        <section className="card" aria-labelledby={`${ids}-ver`}>
          <h2 id={`${ids}-ver`}>{t('incident.verification')}</h2>
          {i.abilities.actions.includes('verify') && NEXT[status as Verification]?.length ? (
            <>
              <button type="button" className="form-toggle" aria-expanded={verifying} aria-controls={`${ids}-verify`} onClick={() => setVerifying(!verifying)}>
                {t('talks.form.verify')}
              </button>
              <div id={`${ids}-verify`}>
                {verifying ? (
                  <VerifyForm
                    incident={i}
                    onDone={() => {
                      setVerifying(false);
                      reload();
                    }}
                  />
                ) : null}
              </div>
            </>
          ) : null}
          {verifications.length === 0 ? (
            <p className="muted">{t('incident.noVerification')}</p>
          ) : (
            <ol className="history" data-testid="verifications">
              {verifications.map((v) => (
                <li key={v.id} data-step={v.seq}>
                  <p>
                    {v.from ? (
                      <>
                        <Badge kind={`status-${v.from}`}>{t(`verification.${v.from}` as MessageKey)}</Badge> →{' '}
                      </>
                    ) : null}
                    <Badge kind={`status-${v.to}`}>{t(`verification.${v.to}` as MessageKey)}</Badge>
                  </p>
                  <p>
                    <span className="muted">{t('incident.why')}:</span> <En>{v.reason}</En>
                  </p>
                  <Sources refs={v.sources} />
                  <p className="small muted">{t('incident.recorded', { who: v.createdBy, when: date(v.createdAt) })}</p>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section className="card" aria-labelledby={`${ids}-obs`}>
          <h2 id={`${ids}-obs`}>{t('incident.observations')}</h2>
          {observations.length === 0 ? (
            <p className="muted">{t('incident.noObservations')}</p>
          ) : (
            <ul className="plain history" data-testid="observations">
              {observations.map((o) => (
                <li key={o.id}>
                  <p>
                    <strong>
                      {o.approximate ? t('observation.approx', { n: o.count }) : number(o.count)} × {t(`observation.kind.${o.kind}` as MessageKey)}
                    </strong>{' '}
                    <span className="muted">
                      ({t(`observation.method.${o.method}` as MessageKey)}
                      {o.weapon ? `, ${t(`weapon.${o.weapon}` as MessageKey)}` : ''})
                    </span>
                  </p>
                  <p className="small">
                    <time dateTime={o.time.from}>{date(o.time.from)}</time>
                    {o.observer.name ? <> · {t('observation.observer', { name: o.observer.name })}</> : null}
                    {o.direction ? <> · {t('observation.direction', { bearing: o.direction.bearing, label: o.direction.label ?? '' })}</> : null}
                    {o.distanceKm ? <> · {t('observation.distance', { min: o.distanceKm.min, max: o.distanceKm.max })}</> : null}
                  </p>
                  {o.note ? (
                    <p className="small">
                      <En>{o.note}</En>
                    </p>
                  ) : null}
                  <Sources refs={o.sources} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <VersionHistory kind="incident" id={i.id} />
    </article>
  );
}
