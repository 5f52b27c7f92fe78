import { useState } from 'react';
import { Toggle } from '../talks/forms.tsx';
import { AddProvisionForm, AssessForm } from './forms.tsx';
import { CategoryBadge, LevelLegend, StageName } from './legend.tsx';
import { VersionHistory } from '../record/history.tsx';
import { AudienceBadge } from '../../ui/audience.tsx';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import {
  written,
  writtenOne,
  type Agreement,
  type Assessment,
  type Figure,
  type Matrix,
  type Meeting,
  type Provision,
  type Statement,
} from '../../app/api-types.ts';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { VerifyLink } from '../record/record.tsx';
import { Badge, En, Load, Name, PageTitle, PartyName, PersonName, SourceCite, Sources, Words } from '../../ui/common.tsx';

type Perspective = string;
const perspectivesOf = (matrix: Matrix): Perspective[] => {
  const seen = new Set<string>();
  for (const row of matrix.rows) for (const cell of row.cells) for (const p of Object.keys(cell)) seen.add(p);
  return [...seen].sort((a, b) => (a === 'neutral' ? -1 : b === 'neutral' ? 1 : a.localeCompare(b)));
};

function PerspectiveName({ p }: { p: Perspective }) {
  const { t, name } = useI18n();
  const { parties } = useProcess();
  return <>{p === 'neutral' ? t('perspective.neutral') : t('perspective.party', { party: name(parties.get(p)?.names) || p })}</>;
}

/** Provision × perspective for one date: competing assessments side by side, never averaged. */
function MatrixView({ matrix }: { matrix: Matrix }) {
  const { t, date } = useI18n();
  const perspectives = perspectivesOf(matrix);
  // Without dates the API adds today as the last column; open on the latest assessment's date, which shows the same cells.
  const today = new Date().toISOString().slice(0, 10);
  const last = matrix.dates.length - 1;
  const [col, setCol] = useState(Math.max(0, matrix.dates[last] === today && last > 0 ? last - 1 : last));
  const paraphrase = new Map(matrix.provisions.map((p) => [p.number, p]));
  return (
    <section aria-labelledby="matrix-h" className="card wide">
      <h2 id="matrix-h">{t('agreements.matrix')}</h2>
      <p className="muted small">{t('agreements.matrixHelp')}</p>
      <LevelLegend />
      <label>
        {t('agreements.asOf')}{' '}
        <select value={col} onChange={(e) => setCol(Number(e.target.value))}>
          {matrix.dates.map((d, i) => (
            <option key={d} value={i}>
              {date(d)}
            </option>
          ))}
        </select>
      </label>
      <div className="table-scroll">
        <table className="matrix">
          <thead>
            <tr>
              <th scope="col">{t('agreements.number')}</th>
              <th scope="col">{t('agreements.provision')}</th>
              {perspectives.map((p) => (
                <th scope="col" key={p}>
                  <PerspectiveName p={p} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => {
              const cell = row.cells[col] ?? {};
              return (
                <tr key={row.provisionNumber}>
                  <th scope="row">{row.provisionNumber}</th>
                  <td className="small">
                    <Name value={paraphrase.get(row.provisionNumber)?.paraphrase} />
                  </td>
                  {perspectives.map((p) => {
                    const c = cell[p];
                    return (
                      <td key={p} className={c ? `level level-${c.level}` : 'level level-none'}>
                        {c ? (
                          <a href={`#${c.assessmentId}`}>{t(`level.${c.level}` as MessageKey)}</a>
                        ) : (
                          <span className="muted">{t('agreements.notAssessed')}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface EvidenceIndex {
  statements: Map<string, Statement>;
  figures: Map<string, Figure>;
  meetings: Map<string, Meeting>;
}

function Evidence({ e, index }: { e: Assessment['evidence'][number]; index: EvidenceIndex }) {
  const { t, number, date } = useI18n();
  const kind = t(`evidence.${e.kind}` as MessageKey);
  let body = <span>{e.id}</span>;
  if (e.kind === 'statement' && index.statements.has(e.id)) {
    const s = index.statements.get(e.id)!;
    body = (
      <>
        “<Words text={s.text} language={s.language} />” (<SourceCite sourceRef={{ sourceId: s.sourceId }} />)
      </>
    );
  } else if (e.kind === 'figure' && index.figures.has(e.id)) {
    const f = index.figures.get(e.id)!;
    body = (
      <>
        {t(`qualifier.${f.qualifier}` as MessageKey, { value: number(f.value) })} {t(`measure.${f.measure}` as MessageKey)}, {date(f.asOf)} (
        <SourceCite sourceRef={{ sourceId: f.sourceId }} />)
      </>
    );
  } else if (e.kind === 'meeting' && index.meetings.has(e.id)) {
    const m = index.meetings.get(e.id)!;
    body = (
      <Link to={`/talks/${m.id}`}>
        <Name value={m.title} />
      </Link>
    );
  } else if (e.kind === 'source') {
    body = <SourceCite sourceRef={{ sourceId: e.id }} />;
  }
  return (
    <li>
      <span className="muted">{kind}:</span> {body}
      {e.note ? (
        <span className="small muted">
          {' '}
          — <En>{e.note}</En>
        </span>
      ) : null}
    </li>
  );
}

export function AgreementPage({ id }: { id: string }) {
  const { t, date, name } = useI18n();
  const { process, viewer, parties } = useProcess();
  const [rev, setRev] = useState(0);
  const [open, setOpen] = useState<null | 'provision' | `assess:${string}`>(null);
  const done = () => {
    setOpen(null);
    setRev((r) => r + 1);
  };
  const loaded = useLoad(async () => {
    const pid = process.id;
    const [agreement, matrix, provisions, assessments, statements, figures, meetings] = await Promise.all([
      api.GET('/api/processes/{processId}/agreements/{id}', { params: { path: { processId: pid, id } } }),
      api.GET('/api/processes/{processId}/agreements/{id}/matrix', { params: { path: { processId: pid, id } } }),
      api.GET('/api/processes/{processId}/provisions', { params: { path: { processId: pid }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/assessments', { params: { path: { processId: pid }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/statements', { params: { path: { processId: pid }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/figures', { params: { path: { processId: pid }, query: { limit: 500 } } }),
      api.GET('/api/processes/{processId}/meetings', { params: { path: { processId: pid }, query: { limit: 500 } } }),
    ]);
    const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((i) => [i.id, i]));
    const shown = writtenOne<Agreement>()(agreement);
    if (!shown) throw new Error(`agreement ${id} was redacted`);
    return {
      agreement: shown,
      matrix,
      provisions: written<Provision>()(provisions.items).filter((p) => p.agreementId === id),
      assessments: written<Assessment>()(assessments.items).filter((a) => a.agreementId === id),
      index: {
        statements: byId(written<Statement>()(statements.items)),
        figures: byId(written<Figure>()(figures.items)),
        meetings: byId(written<Meeting>()(meetings.items)),
      },
    };
  }, [process.id, id, viewer, rev]);
  return (
    <>
      <p className="crumb">
        <Link to="/agreements">← {t('agreements.back')}</Link>
      </p>
      <Load loaded={loaded}>
        {({ agreement: a, matrix, provisions, assessments, index }) => {
          const order = new Map(matrix.provisions.map((p, i) => [p.number, i]));
          const sortedProvisions = [...provisions].sort((x, y) => (order.get(x.number) ?? 999) - (order.get(y.number) ?? 999));
          const sortedAssessments = [...assessments].sort(
            (x, y) => (order.get(x.provisionNumber) ?? 999) - (order.get(y.provisionNumber) ?? 999) || x.asOf.localeCompare(y.asOf),
          );
          return (
            <>
              <PageTitle text={a.shortNames[0] ?? name(a.titles)} />
              <AudienceBadge record={a} />
              <p className="lead">
                <Name value={a.titles} />
              </p>
              <dl className="facts">
                <div>
                  <dt>{t('agreements.date')}</dt>
                  <dd>
                    <time dateTime={a.date}>{date(a.date)}</time>
                  </dd>
                </div>
                {a.place ? (
                  <div>
                    <dt>{t('agreements.place')}</dt>
                    <dd>
                      <Name value={a.place} />
                    </dd>
                  </div>
                ) : null}
                {a.stage ? (
                  <div>
                    <dt>{t('agreements.stage')}</dt>
                    <dd>
                      <StageName code={a.stage} />
                    </dd>
                  </div>
                ) : null}
              </dl>
              <Sources refs={a.sources} />
              <p className="small">
                <VerifyLink type="agreement" id={a.id} />
              </p>
              {a.signatories.length ? (
                <section aria-labelledby="sig-h">
                  <h2 id="sig-h">{t('agreements.signatories')}</h2>
                  <ul>
                    {a.signatories.map((s) => (
                      <li key={s.personId}>
                        <PersonName id={s.personId} />
                        {s.onBehalfOf ? <> ({t('agreements.onBehalfOf', { party: name(parties.get(s.onBehalfOf)?.names) || s.onBehalfOf })})</> : null} —{' '}
                        <En>{s.capacity}</En>
                        {s.disputed ? (
                          <span className="small muted">
                            {' '}
                            (<En>{s.disputed}</En>)
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <section aria-labelledby="prov-h" className="card wide">
                <h2 id="prov-h">{t('agreements.provisions')}</h2>
                {a.abilities.actions.includes('add_provision') ? (
                  <>
                    <Toggle
                      label={t('records.provision.add')}
                      open={open === 'provision'}
                      onToggle={() => setOpen(open === 'provision' ? null : 'provision')}
                      controls="add-provision-form"
                    />
                    <div id="add-provision-form">{open === 'provision' ? <AddProvisionForm agreement={a} onDone={done} /> : null}</div>
                  </>
                ) : null}
                <div className="table-scroll">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('agreements.number')}</th>
                        <th scope="col">{t('agreements.provision')}</th>
                        <th scope="col">{t('agreements.categories')}</th>
                        <th scope="col">{t('agreements.obligated')}</th>
                        <th scope="col">{t('agreements.deadline')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {sortedProvisions.map((p) => (
                        <tr key={p.id} data-provision={p.number}>
                          <th scope="row">{p.number}</th>
                          <td>
                            <Name value={p.paraphrase} />
                            {p.abilities.actions.includes('assess') ? (
                              <div>
                                <Toggle
                                  label={t('records.assess.title', { n: p.number })}
                                  open={open === `assess:${p.id}`}
                                  onToggle={() => setOpen(open === `assess:${p.id}` ? null : `assess:${p.id}`)}
                                  controls="assess-form"
                                />
                              </div>
                            ) : null}
                          </td>
                          <td>
                            {p.categories.map((c) => (
                              <CategoryBadge key={c} code={c} />
                            ))}
                          </td>
                          <td className="small">
                            {p.obligated.map((o, i) => (
                              <span key={o}>
                                {i > 0 ? ', ' : null}
                                <PartyName id={o} />
                              </span>
                            ))}
                          </td>
                          <td className="small">
                            {p.deadline?.kind === 'absolute'
                              ? date(p.deadline.at)
                              : p.deadline
                                ? t('agreements.relative', { days: p.deadline.days, anchor: p.deadline.anchor })
                                : ''}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <div id="assess-form">
                {sortedProvisions
                  .filter((p) => open === `assess:${p.id}`)
                  .map((p) => (
                    <AssessForm key={p.id} agreement={a} provision={p} onDone={done} />
                  ))}
              </div>
              <MatrixView matrix={matrix} />
              <section aria-labelledby="ass-h" className="card wide">
                <h2 id="ass-h">{t('agreements.assessments')}</h2>
                <ul className="assessments">
                  {sortedAssessments.map((s) => (
                    <li key={s.id} id={s.id} className="assessment">
                      <h3>
                        {t('agreements.provision')} {s.provisionNumber} · <Badge kind={`level-${s.level}`}>{t(`level.${s.level}` as MessageKey)}</Badge> ·{' '}
                        <PerspectiveName p={s.perspective} /> · <time dateTime={s.asOf}>{date(s.asOf)}</time>
                      </h3>
                      <p className="small muted">
                        {t('agreements.assessor')}: <En>{s.assessor}</En>
                      </p>
                      <p>
                        <En>{s.rationale}</En>
                      </p>
                      <h4>{t('agreements.evidence')}</h4>
                      <ul>
                        {s.evidence.map((e, i) => (
                          <Evidence key={i} e={e} index={index} />
                        ))}
                      </ul>
                    </li>
                  ))}
                </ul>
              </section>
              <VersionHistory kind="agreement" id={a.id} />
            </>
          );
        }}
      </Load>
    </>
  );
}
