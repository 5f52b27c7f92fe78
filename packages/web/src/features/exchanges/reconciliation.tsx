import { ApiError } from '@parley/contracts';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Load, PageTitle } from '../../ui/common.tsx';
import { fullName, type Pair, type PersonRef, type Report } from './model.ts';
import { PurposeGate } from './purpose.tsx';
import './exchanges.css';

type Decision = 'accept' | 'reject' | 'skip' | 'split' | 'merge';

/** A reconciliation of two lists: the review band one pair at a time, then matched, one-list-only and conflicts. */
export function ReconciliationPage({ id }: { id: string }) {
  const { t } = useI18n();
  return (
    <>
      <p>
        <Link to="/exchanges">← {t('exchanges.title')}</Link>
      </p>
      <PurposeGate>{(purpose) => <ReportBody id={id} purpose={purpose} />}</PurposeGate>
    </>
  );
}

function ReportBody({ id, purpose }: { id: string; purpose: string }) {
  const { t } = useI18n();
  const { process } = useProcess();
  const [round, setRound] = useState(0);
  const loaded = useLoad(
    () => api.GET('/api/processes/{processId}/exchanges/reconciliations/{id}', { params: { path: { processId: process.id, id }, query: { purpose } } }),
    [process.id, id, purpose, round],
  );
  const [error, setError] = useState<string | null>(null);
  const decide = async (a: string, b: string, decision: Decision, reason: string) => {
    setError(null);
    try {
      await api.POST('/api/processes/{processId}/exchanges/reconciliations/{id}/decisions', {
        params: { path: { processId: process.id, id } },
        body: { a, b, decision, ...(reason ? { reason } : {}) },
      });
      setRound((r) => r + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <Load loaded={loaded}>
      {(r) => (
        <>
          <PageTitle text={t('exchanges.rec.title', { a: r.lists[0]?.title ?? '', b: r.lists[1]?.title ?? '' })} />
          <Summary r={r} />
          <div role="alert" className="form-error">
            {error}
          </div>
          <ReviewQueue pairs={r.review} lists={r.lists} names={namesOf(r)} onDecide={decide} />
          <PairsTable caption={t('exchanges.rec.matched', { count: r.matched.length })} pairs={r.matched} action="split" onDecide={decide} />
          <PairsTable caption={t('exchanges.rec.conflicts', { count: r.conflicts.length })} pairs={r.conflicts} />
          <OnlyLists r={r} onDecide={decide} />
        </>
      )}
    </Load>
  );
}

/** Every person of the report by id, for naming a pair's close competitor. */
const namesOf = (r: Report) =>
  new Map(
    [...r.matched, ...r.review, ...r.rejected]
      .flatMap((p) => [p.a, p.b])
      .concat(r.onlyA, r.onlyB)
      .map((p) => [p.id, fullName(p.entry)]),
  );

function Summary({ r }: { r: Report }) {
  const { t } = useI18n();
  const items: [MessageKey, number][] = [
    ['exchanges.rec.sumMatched', r.summary.matched ?? 0],
    ['exchanges.rec.sumPending', r.summary.pending ?? 0],
    ['exchanges.rec.sumOnlyA', r.onlyA.length],
    ['exchanges.rec.sumOnlyB', r.onlyB.length],
  ];
  return (
    <dl className="facts summary" data-testid="rec-summary">
      {items.map(([k, n]) => (
        <div key={k}>
          <dt>{t(k)}</dt>
          <dd>{n}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One person's fields as their list writes them, in the list's own script. */
function PersonCard({ p, title }: { p: PersonRef; title: string }) {
  const { t } = useI18n();
  const e = p.entry;
  return (
    <div className="person-card">
      <h4>{title}</h4>
      {e ? (
        <dl className="facts">
          <div>
            <dt>{t('exchanges.list.name')}</dt>
            <dd className="person-name">{fullName(e)}</dd>
          </div>
          <div>
            <dt>{t('exchanges.list.birth')}</dt>
            <dd>{e.birthDate ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('exchanges.list.category')}</dt>
            <dd>{t(`exchanges.category.${e.category}`)}</dd>
          </div>
          {(
            [
              ['exchanges.list.unit', e.unit],
              ['exchanges.list.birthPlace', e.birthPlace],
              ['exchanges.list.captured', [e.capturedOn, e.capturedAt].filter(Boolean).join(', ')],
            ] as [MessageKey, string | undefined][]
          ).map(([k, v]) =>
            v ? (
              <div key={k}>
                <dt>{t(k)}</dt>
                <dd>{v}</dd>
              </div>
            ) : null,
          )}
          <div>
            <dt>{t('exchanges.list.line')}</dt>
            <dd>{p.line}</dd>
          </div>
        </dl>
      ) : (
        <p>
          <em>{t('exchanges.erased')}</em>
        </p>
      )}
    </div>
  );
}

/** Why the engine proposed the pair: each field's agreement and the bits it added, and the probability. */
function Explanation({ pair }: { pair: Pair }) {
  const { t, number } = useI18n();
  if (!pair.match) return <p className="muted">{t('exchanges.rec.manual')}</p>;
  return (
    <table className="exchange-table explanation">
      <caption>{t('exchanges.rec.why', { probability: number(Math.round(pair.match.probability * 1000) / 10) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exchanges.rec.field')}</th>
          <th scope="col">{t('exchanges.rec.level')}</th>
          <th scope="col">{t('exchanges.rec.weight')}</th>
        </tr>
      </thead>
      <tbody>
        {pair.match.fields.map((f) => (
          <tr key={f.field}>
            <td>{t(`exchanges.field.${f.field}` as MessageKey)}</td>
            <td>{t(`exchanges.level.${f.level}` as MessageKey)}</td>
            <td className={f.weight >= 0 ? 'for' : 'against'}>{(f.weight >= 0 ? '+' : '') + number(Math.round(f.weight * 10) / 10)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The review band, one pair at a time and keyboard-driven: A accepts, R rejects, S skips, J and K move; a reason
 * can be written before deciding. Each decision is recorded with who made it and why.
 */
function ReviewQueue({
  pairs,
  lists,
  names,
  onDecide,
}: {
  pairs: Pair[];
  lists: Report['lists'];
  names: Map<string, string | null>;
  onDecide: (a: string, b: string, d: Decision, reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  const [at, setAt] = useState(0);
  const [reason, setReason] = useState('');
  const region = useRef<HTMLElement>(null);
  const pair = pairs[Math.min(at, pairs.length - 1)];
  useEffect(() => setReason(''), [pair?.a, pair?.b]);
  if (!pair)
    return (
      <section aria-labelledby="review-h" className="review" data-testid="review">
        <h2 id="review-h">{t('exchanges.rec.review', { count: 0 })}</h2>
        <p>{t('exchanges.rec.reviewDone')}</p>
      </section>
    );
  const act = (d: Decision) => {
    if (d === 'skip') setAt((i) => (i + 1) % pairs.length);
    void onDecide(pair.a.id, pair.b.id, d, reason).then(() => region.current?.focus());
  };
  const onKey = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).tagName === 'INPUT' || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'a') act('accept');
    else if (key === 'r') act('reject');
    else if (key === 's') act('skip');
    else if (key === 'j') setAt((i) => Math.min(i + 1, pairs.length - 1));
    else if (key === 'k') setAt((i) => Math.max(i - 1, 0));
    else return;
    e.preventDefault();
  };
  return (
    <section aria-labelledby="review-h" className="review" tabIndex={-1} ref={region} onKeyDown={onKey} data-testid="review">
      <h2 id="review-h">{t('exchanges.rec.review', { count: pairs.length })}</h2>
      <p className="muted small">{t('exchanges.rec.keys')}</p>
      <p aria-live="polite">{t('exchanges.rec.position', { at: Math.min(at, pairs.length - 1) + 1, of: pairs.length })}</p>
      <div className="pair">
        <PersonCard p={pair.a} title={lists[0]?.title ?? ''} />
        <PersonCard p={pair.b} title={lists[1]?.title ?? ''} />
      </div>
      <Explanation pair={pair} />
      {pair.match?.closeCompetitor ? (
        <p className="notice">
          {t('exchanges.rec.competitor', {
            name: names.get(pair.match.closeCompetitor.a === pair.a.id ? pair.match.closeCompetitor.b : pair.match.closeCompetitor.a) ?? t('exchanges.erased'),
          })}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="decision-reason">{t('exchanges.rec.reason')}</label>
        <input id="decision-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
      </div>
      <div className="decide">
        <button type="button" className="primary" onClick={() => act('accept')} aria-keyshortcuts="A">
          {t('exchanges.rec.accept')}
        </button>
        <button type="button" onClick={() => act('reject')} aria-keyshortcuts="R">
          {t('exchanges.rec.reject')}
        </button>
        <button type="button" onClick={() => act('skip')} aria-keyshortcuts="S">
          {t('exchanges.rec.skip')}
        </button>
      </div>
    </section>
  );
}

function PairsTable({
  caption,
  pairs,
  action,
  onDecide,
}: {
  caption: string;
  pairs: Pair[];
  action?: 'split';
  onDecide?: (a: string, b: string, d: Decision, reason: string) => Promise<void>;
}) {
  const { t } = useI18n();
  if (pairs.length === 0) return null;
  return (
    <table className="exchange-table pairs">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('exchanges.rec.first')}</th>
          <th scope="col">{t('exchanges.rec.second')}</th>
          <th scope="col">{t('exchanges.rec.band')}</th>
          <th scope="col">{t('exchanges.rec.decided')}</th>
          {action ? <th scope="col">{t('exchanges.rec.action')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr key={`${p.a.id}-${p.b.id}`}>
            <td>{fullName(p.a.entry) ?? t('exchanges.erased')}</td>
            <td>{fullName(p.b.entry) ?? t('exchanges.erased')}</td>
            <td>{t(`exchanges.band.${p.band}`)}</td>
            <td>{p.decisions.at(-1) ? `${t(`exchanges.decision.${p.decisions.at(-1)!.decision as Decision}`)} · ${p.decisions.at(-1)!.recordedBy}` : '—'}</td>
            {action && onDecide ? (
              <td>
                <button type="button" onClick={() => void onDecide(p.a.id, p.b.id, action, '')}>
                  {t('exchanges.rec.split')}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The people on one list only, with a merge for two the engine kept apart that a person knows are one. */
function OnlyLists({ r, onDecide }: { r: Report; onDecide: (a: string, b: string, d: Decision, reason: string) => Promise<void> }) {
  const { t } = useI18n();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const column = (people: PersonRef[], caption: string, name: string, value: string, set: (v: string) => void) => (
    <fieldset className="only-list">
      <legend>{caption}</legend>
      {people.length === 0 ? <p>—</p> : null}
      {people.map((p) => (
        <label key={p.id}>
          <input type="radio" name={name} value={p.id} checked={value === p.id} onChange={() => set(p.id)} /> {fullName(p.entry) ?? t('exchanges.erased')}{' '}
          <span className="muted">{p.entry?.birthDate ?? ''}</span>
        </label>
      ))}
    </fieldset>
  );
  return (
    <section aria-labelledby="only-h">
      <h2 id="only-h">{t('exchanges.rec.only')}</h2>
      <div className="pair">
        {column(r.onlyA, t('exchanges.rec.onlyOn', { list: r.lists[0]?.title ?? '' }), 'only-a', a, setA)}
        {column(r.onlyB, t('exchanges.rec.onlyOn', { list: r.lists[1]?.title ?? '' }), 'only-b', b, setB)}
      </div>
      <button type="button" disabled={!a || !b} onClick={() => void onDecide(a, b, 'merge', '')}>
        {t('exchanges.rec.merge')}
      </button>
    </section>
  );
}
