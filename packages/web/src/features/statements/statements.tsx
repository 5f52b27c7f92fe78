import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { written, type Claim, type Statement } from '../../app/api-types.ts';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { VerifyLink } from '../record/record.tsx';
import { Badge, En, Load, PageTitle, PartyName, PersonName, SourceCite } from '../../ui/common.tsx';

/** Says who may read a record, unless it is public. */
function AudienceNote({ record }: { record: Pick<Statement, 'audience' | 'audienceParty'> }) {
  const { t, name } = useI18n();
  const { parties } = useProcess();
  if (record.audience === 'public') return null;
  const party = record.audienceParty ? name(parties.get(record.audienceParty)?.names) || record.audienceParty : '';
  return (
    <Badge kind={`audience-${record.audience}`}>{t('statements.audience', { audience: t(`audience.${record.audience}` as MessageKey, { party }) })}</Badge>
  );
}

/** A party that put another party's words on record is shown as reporting them, never as their speaker. */
function ReportedBy({ s }: { s: Statement }) {
  const { t } = useI18n();
  const by = s.owner?.partyId;
  if (!by || by === s.speakerPartyId) return null;
  return (
    <div className="small muted" data-reported-by={by}>
      {t('statements.reportedBy')} <PartyName id={by} />
    </div>
  );
}

function Speaker({ s }: { s: Statement }) {
  return (
    <>
      {s.speakerId ? (
        <strong>
          <PersonName id={s.speakerId} />
        </strong>
      ) : null}
      {s.speakerId && s.speakerLabel ? ', ' : null}
      {s.speakerLabel ? <En>{s.speakerLabel}</En> : null}
      {s.speakerPartyId ? (
        <>
          {s.speakerId || s.speakerLabel ? ' — ' : null}
          <PartyName id={s.speakerPartyId} />
        </>
      ) : null}
    </>
  );
}

function ClaimCard({ claim, statements, role }: { claim: Claim; statements: Map<string, Statement>; role: 'claim' | 'counter' }) {
  const { t } = useI18n();
  const st = claim.statementId ? statements.get(claim.statementId) : undefined;
  return (
    <div className={`card claim claim-${role}`} data-claim={claim.id}>
      <h4>{role === 'claim' ? t('statements.claim') : t('statements.counter')}</h4>
      <blockquote>
        <En>{claim.text}</En>
      </blockquote>
      <p className="small">{claim.claimantPartyId ? <PartyName id={claim.claimantPartyId} /> : st ? <Speaker s={st} /> : null}</p>
      <p className="small">
        <SourceCite sourceRef={{ sourceId: claim.sourceId }} /> <AudienceNote record={claim} />
      </p>
    </div>
  );
}

export function StatementsPage() {
  const { t, date } = useI18n();
  const { process, viewer } = useProcess();
  const loaded = useLoad(async () => {
    const [statements, claims] = await Promise.all([
      api.GET('/api/processes/{processId}/statements', { params: { path: { processId: process.id }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/claims', { params: { path: { processId: process.id }, query: { limit: 500 } } }),
    ]);
    return { statements: written<Statement>()(statements.items), claims: written<Claim>()(claims.items) };
  }, [process.id, viewer]);
  return (
    <>
      <PageTitle text={t('statements.title')} />
      <Load loaded={loaded}>
        {({ statements, claims }) => {
          const byId = new Map(statements.map((s) => [s.id, s]));
          const claimById = new Map(claims.map((c) => [c.id, c]));
          // A pair is a claim and what counters it; claims countered by nothing and countering nothing stand alone.
          const countered = new Set(claims.flatMap((c) => c.counters));
          const roots = claims.filter((c) => !c.counters.length);
          const sorted = [...statements].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
          return (
            <>
              <section aria-labelledby="claims-h">
                <h2 id="claims-h">{t('statements.claims')}</h2>
                {roots.map((c) => {
                  const counters = claims.filter((x) => x.counters.includes(c.id));
                  return (
                    <div key={c.id} className="pair" role="group" aria-label={c.subject ?? t('statements.claim')}>
                      {c.subject ? (
                        <h3 className="pair-subject">
                          <En>{c.subject}</En>
                        </h3>
                      ) : null}
                      <div className="side-by-side">
                        <ClaimCard claim={c} statements={byId} role="claim" />
                        {counters.length ? (
                          counters.map((x) => <ClaimCard key={x.id} claim={x} statements={byId} role="counter" />)
                        ) : (
                          <p className="muted">{countered.has(c.id) ? null : t('statements.uncontested')}</p>
                        )}
                      </div>
                    </div>
                  );
                })}
                {claims
                  .filter((c) => c.counters.length && c.counters.every((id) => !claimById.has(id)))
                  .map((c) => (
                    <div key={c.id} className="pair">
                      <ClaimCard claim={c} statements={byId} role="counter" />
                    </div>
                  ))}
              </section>
              <section aria-labelledby="st-h">
                <h2 id="st-h">{t('statements.title')}</h2>
                <div className="table-scroll">
                  <table className="statements">
                    <thead>
                      <tr>
                        <th scope="col">{t('statements.when')}</th>
                        <th scope="col">{t('statements.who')}</th>
                        <th scope="col">{t('statements.stance')}</th>
                        <th scope="col">{t('statements.said')}</th>
                        <th scope="col">{t('source.label')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sorted.map((s) => (
                        <tr key={s.id} data-statement={s.id}>
                          <td>
                            <time dateTime={s.date}>{date(s.date)}</time>
                          </td>
                          <td>
                            <Speaker s={s} />
                            <ReportedBy s={s} />
                          </td>
                          <td>
                            <Badge kind={`stance-${s.stance}`}>{t(`stance.${s.stance}` as MessageKey)}</Badge>
                            <div className="small muted">{t(`statements.${s.speech}` as MessageKey)}</div>
                          </td>
                          <td>
                            <En>{s.text}</En>
                            {s.topic ? (
                              <div className="small muted">
                                {t('statements.topic')}: <En>{s.topic}</En>
                              </div>
                            ) : null}
                            <AudienceNote record={s} />
                            <div className="small">
                              <VerifyLink type="statement" id={s.id} what={`${date(s.date)}, ${s.id}`} />
                            </div>
                          </td>
                          <td className="small">
                            <SourceCite sourceRef={{ sourceId: s.sourceId }} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          );
        }}
      </Load>
    </>
  );
}
