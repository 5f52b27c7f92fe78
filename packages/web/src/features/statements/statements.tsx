import { useState } from 'react';
import { api } from '../../app/api.ts';
import { Toggle } from '../talks/forms.tsx';
import { ClaimForm, StatementForm } from './forms.tsx';
import { useProcess } from '../../app/process-data.tsx';
import { written, type Claim, type Statement } from '../../app/api-types.ts';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { AudienceNote, Speaker, StatementsTable } from './statements-table.tsx';
import { En, Load, PageTitle, PartyName, SourceCite, Words } from '../../ui/common.tsx';

/** When a claim was made: its statement's date, else when it was put on record; the first key of the neutral order. */
const claimDate = (c: Claim, statements: Map<string, Statement>) => (c.statementId ? statements.get(c.statementId)?.date : undefined) ?? c.createdAt ?? '';

/**
 * One claim; every claim, first or answering, is drawn the same way (Parley never ranks a side by who spoke
 * first). What it answers is said in words, not by style.
 */
function ClaimCard({ claim, statements, answers, onCounter }: { claim: Claim; statements: Map<string, Statement>; answers: Claim[]; onCounter?: () => void }) {
  const { t, name, date } = useI18n();
  const { parties } = useProcess();
  const st = claim.statementId ? statements.get(claim.statementId) : undefined;
  const when = claimDate(claim, statements);
  return (
    <li className="card claim" data-claim={claim.id}>
      <h4>{claim.claimantPartyId ? <PartyName id={claim.claimantPartyId} /> : st ? <Speaker s={st} /> : t('statements.claim')}</h4>
      <blockquote>
        <Words text={claim.text} language={claim.language} />
      </blockquote>
      <p className="small">
        {when ? <time dateTime={when}>{date(when)}</time> : null} <SourceCite sourceRef={{ sourceId: claim.sourceId }} /> <AudienceNote record={claim} />
      </p>
      {answers.length ? (
        <p className="small muted" data-answers={answers.map((a) => a.id).join(' ')}>
          {t('records.claim.answers', {
            parties: answers.map((a) => (a.claimantPartyId ? name(parties.get(a.claimantPartyId)?.names) : t('statements.claim'))).join(', '),
          })}
        </p>
      ) : null}
      {onCounter ? (
        <button type="button" className="link-button" onClick={onCounter}>
          {t('records.claim.counterThis', { party: claim.claimantPartyId ? name(parties.get(claim.claimantPartyId)?.names) : t('statements.claim') })}
        </button>
      ) : null}
    </li>
  );
}

/** Claims joined by what counters what, each group once: a contested matter and every side's word on it. */
function groups(claims: Claim[]): Claim[][] {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const out: Claim[][] = [];
  for (const c of claims) {
    if (seen.has(c.id)) continue;
    const group: Claim[] = [];
    const todo = [c];
    while (todo.length) {
      const x = todo.pop()!;
      if (seen.has(x.id)) continue;
      seen.add(x.id);
      group.push(x);
      for (const id of x.counters) if (byId.has(id)) todo.push(byId.get(id)!);
      for (const y of claims) if (y.counters.includes(x.id)) todo.push(y);
    }
    out.push(group);
  }
  return out;
}

export function StatementsPage() {
  const { t, name, lang } = useI18n();
  const { process, viewer, parties } = useProcess();
  const [rev, setRev] = useState(0);
  const [open, setOpen] = useState<null | 'statement' | 'claim' | `counter:${string}`>(null);
  const done = () => {
    setOpen(null);
    setRev((r) => r + 1);
  };
  const abilities = useLoad(() => api.GET('/api/processes/{processId}/me', { params: { path: { processId: process.id } } }), [process.id, viewer]);
  const mine = abilities.state === 'ready' ? abilities.data : null;
  const me: string[] | 'any' | null = mine ? (mine.mediator ? 'any' : mine.speaksFor) : null;
  const loaded = useLoad(async () => {
    const [statements, claims] = await Promise.all([
      api.GET('/api/processes/{processId}/statements', { params: { path: { processId: process.id }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/claims', { params: { path: { processId: process.id }, query: { limit: 500 } } }),
    ]);
    return { statements: written<Statement>()(statements.items), claims: written<Claim>()(claims.items) };
  }, [process.id, viewer, rev]);
  const toggle = (o: 'statement' | 'claim') => () => setOpen(open === o ? null : o);
  return (
    <>
      <PageTitle text={t('statements.title')} />
      {me && mine ? (
        <section aria-label={t('records.statement.actions')} className="actions">
          <div>
            {mine.create.includes('statement') ? (
              <Toggle label={t('records.statement.enter')} open={open === 'statement'} onToggle={toggle('statement')} controls="statement-form" />
            ) : null}
            {mine.create.includes('claim') ? (
              <Toggle label={t('records.claim.enter')} open={open === 'claim'} onToggle={toggle('claim')} controls="statement-form" />
            ) : null}
          </div>
          <div id="statement-form">
            {open === 'statement' ? <StatementForm speaksFor={me} onDone={done} /> : null}
            {open === 'claim' ? <ClaimForm speaksFor={me} onDone={done} /> : null}
          </div>
        </section>
      ) : null}
      <Load loaded={loaded}>
        {({ statements, claims }) => {
          const byId = new Map(statements.map((s) => [s.id, s]));
          const claimById = new Map(claims.map((c) => [c.id, c]));
          const partyName = (c: Claim) => (c.claimantPartyId ? name(parties.get(c.claimantPartyId)?.names) : '');
          // Neutral order: by date, then by the claimant's name in the reader's language, never by entry order.
          const neutral = (a: Claim, b: Claim) =>
            claimDate(a, byId).localeCompare(claimDate(b, byId)) || partyName(a).localeCompare(partyName(b), lang) || a.id.localeCompare(b.id);
          const pairs = groups(claims)
            .map((g) => [...g].sort(neutral))
            .sort((a, b) => neutral(a[0]!, b[0]!));
          const countering = claims.find((c) => open === `counter:${c.id}`);
          return (
            <>
              <section aria-labelledby="claims-h">
                <h2 id="claims-h">{t('statements.claims')}</h2>
                <p className="small muted">{t('records.claim.neutral')}</p>
                {pairs.map((g) => {
                  const subject = g.find((c) => c.subject)?.subject;
                  return (
                    <div key={g[0]!.id} className="pair" role="group" aria-label={subject ?? t('statements.claim')}>
                      {subject ? (
                        <h3 className="pair-subject">
                          <En>{subject}</En>
                        </h3>
                      ) : null}
                      <ul className="side-by-side">
                        {g.map((c) => (
                          <ClaimCard
                            key={c.id}
                            claim={c}
                            statements={byId}
                            answers={c.counters.flatMap((id) => (claimById.has(id) ? [claimById.get(id)!] : []))}
                            onCounter={c.abilities.actions.includes('counter') && me ? () => setOpen(`counter:${c.id}`) : undefined}
                          />
                        ))}
                      </ul>
                      {g.length === 1 ? <p className="muted small">{t('statements.uncontested')}</p> : null}
                      {countering && g.includes(countering) && me ? <ClaimForm key={countering.id} speaksFor={me} counters={countering} onDone={done} /> : null}
                    </div>
                  );
                })}
              </section>
            </>
          );
        }}
      </Load>
      <StatementsTable rev={rev} />
    </>
  );
}
