import type { CandidateView, ReadingView } from '@parley/contracts';
import { useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { Load, PageTitle } from '../../ui/common.tsx';
import { sourcePath } from './sources.tsx';
import { CandidateCard } from './candidate-card.tsx';
import { ReadingText } from './reading-text.tsx';
import './review.css';

type Kind = CandidateView['kind'];
const KINDS: Kind[] = ['statement', 'figure', 'event'];

/**
 * The review of what Parley read in a source: the text on one side with the chosen candidate's words marked, the
 * candidates on the other. Nothing here is in the record until a reviewer confirms it; a confirmation makes the
 * record (citing the source and the span), a rejection leaves the candidate for another reviewer to reconsider.
 */
export function SourceReviewPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { process, sources, viewer } = useProcess();
  const [reading, setReading] = useState<ReadingView | null>(null);
  const loaded = useLoad(
    () => api.GET('/api/processes/{processId}/sources/{sourceId}/reading', { params: { path: { processId: process.id, sourceId: id } } }),
    [process.id, id, viewer],
  );
  const abilities = useLoad(() => api.GET('/api/processes/{processId}/me', { params: { path: { processId: process.id } } }), [process.id, viewer]);
  const may = abilities.state === 'ready' ? abilities.data.create : [];
  const mediator = abilities.state === 'ready' && abilities.data.mediator;
  const [chosen, setChosen] = useState<number | null>(null);
  const source = sources.get(id);
  return (
    <>
      <p>
        <Link to={sourcePath(id)}>← {source?.title ?? t('sources.title')}</Link>
      </p>
      <Load loaded={loaded}>
        {(first) => {
          const r = reading ?? first;
          const picked = r.candidates.find((c) => c.n === chosen) ?? null;
          const pending = r.candidates.filter((c) => c.state === 'pending').length;
          return (
            <>
              <PageTitle text={t('review.title', { title: r.title ?? source?.title ?? id })} />
              <p className="lead">{t('review.lead')}</p>
              <p role="status" className="small muted">
                {t('review.count', { pending, total: r.candidates.length })}
              </p>
              <div className="review-grid">
                <section aria-labelledby="reading-h" className="reading">
                  <h2 id="reading-h">{t('review.text')}</h2>
                  <ReadingText reading={r} chosen={picked} />
                  <details className="set-aside" data-testid="set-aside">
                    <summary>{t('review.setAside', { count: r.setAside.length })}</summary>
                    <ul>
                      {r.setAside.map((s, i) => (
                        <li key={i} lang={r.language ?? undefined}>
                          {s}
                        </li>
                      ))}
                    </ul>
                  </details>
                </section>
                <section aria-labelledby="cands-h" className="candidates">
                  <h2 id="cands-h">{t('review.candidates')}</h2>
                  {r.candidates.length === 0 ? <p>{t('review.none')}</p> : null}
                  {KINDS.map((kind) => {
                    const list = r.candidates.filter((c) => c.kind === kind);
                    if (!list.length) return null;
                    return (
                      <section key={kind} aria-labelledby={`cands-${kind}`}>
                        <h3 id={`cands-${kind}`}>{t(`review.kind.${kind}`, { count: list.length })}</h3>
                        <ul className="cards">
                          {list.map((c) => (
                            <CandidateCard
                              key={c.n}
                              c={c}
                              text={r.text}
                              sourceId={id}
                              chosen={chosen === c.n}
                              onChoose={() => setChosen(chosen === c.n ? null : c.n)}
                              may={may.includes(c.kind === 'event' ? 'claim' : c.kind)}
                              mediator={mediator}
                              onDecided={setReading}
                            />
                          ))}
                        </ul>
                      </section>
                    );
                  })}
                </section>
              </div>
            </>
          );
        }}
      </Load>
    </>
  );
}
