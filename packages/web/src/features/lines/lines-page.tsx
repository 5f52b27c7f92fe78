import { useId, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../ui/error-text.ts';
import { Load, PageTitle } from '../../ui/common.tsx';
import { ComparisonMap } from './comparison-map.tsx';
import { ComparisonTables } from './comparison-tables.tsx';
import { ContactTimeline } from './contact-timeline.tsx';
import { EditLine } from './edit-line.tsx';
import { LineViolations } from './line-violations.tsx';
import { ProposalStanding } from './proposal-standing.tsx';
import { TableProposal } from './table-proposal.tsx';
import type { Comparison, LineFeature } from './model.ts';
import './lines.css';

/** Two lines compared: the land between them and the side that gains it, places that change sides, distances. */
export function LinesPage() {
  const { t, number, name, date } = useI18n();
  const { process, viewer, parties } = useProcess();
  const ids = useId();
  const [reload, setReload] = useState(0);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [editing, setEditing] = useState<LineFeature | null>(null);
  const [result, setResult] = useState<{ comparison?: Comparison; error?: string; busy?: boolean }>({});
  const loaded = useLoad(
    () => api.GET('/api/processes/{processId}/lines.geojson', { params: { path: { processId: process.id }, query: {} } }),
    [process.id, viewer, reload],
  );
  // The last lines read stay on the page while a change reloads them, so the forms and the map keep their state.
  const last = useRef<{ key: string; lines: LineFeature[] } | null>(null);
  const key = `${process.id} ${viewer}`;
  if (loaded.state === 'ready') last.current = { key, lines: loaded.data.features as unknown as LineFeature[] };
  const shown = last.current?.key === key ? last.current.lines : null;
  const label = (f: LineFeature) => {
    const p = f.properties;
    const who = p.claimantPartyId ? name(parties.get(p.claimantPartyId)?.names) || p.claimantPartyId : t('lines.mediator');
    const standing = p.standing ? ` · ${t(`lines.standing.${p.standing}`)}` : '';
    return `${t(p.kind === 'contact' ? 'lines.kind.contact' : 'lines.kind.proposal')} · ${who} · ${date(p.date)}${standing} · v${p.version}`;
  };
  const query = new URLSearchParams({ a, b }).toString();
  const exportUrl = (ext: 'csv' | 'geojson') => `${window.location.origin}/api/processes/${encodeURIComponent(process.id)}/lines/compare.${ext}?${query}`;
  const compare = async (lineA = a, lineB = b) => {
    setResult({ busy: true });
    try {
      const comparison = await api.GET('/api/processes/{processId}/lines/compare', {
        params: { path: { processId: process.id }, query: { a: lineA, b: lineB } },
      });
      setResult({ comparison: comparison as Comparison });
    } catch (err) {
      setResult({ error: errorText(err, t).text });
    }
  };
  const view = (lines: LineFeature[]) => {
    return (
      <>
        <form
          className="lines-pick"
          aria-label={t('lines.pick')}
          onSubmit={(e) => {
            e.preventDefault();
            void compare();
          }}
        >
          {(
            [
              ['a', a, setA],
              ['b', b, setB],
            ] as const
          ).map(([which, value, set]) => (
            <div className="field" key={which}>
              <label htmlFor={`${ids}-${which}`}>{t(which === 'a' ? 'lines.lineA' : 'lines.lineB')}</label>
              <select id={`${ids}-${which}`} value={value} onChange={(e) => set(e.target.value)} required>
                <option value="">{t('lines.choose')}</option>
                {lines.map((l) => (
                  <option key={String(l.id)} value={String(l.id)}>
                    {label(l)}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="submit" disabled={!a || !b || result.busy}>
            {t('lines.compare')}
          </button>
        </form>
        {result.error && <p role="alert">{result.error}</p>}
        {result.comparison && (
          <section className="lines-result" aria-label={t('lines.result')} data-testid="comparison">
            <p>
              {t('lines.summary', {
                a: number(result.comparison.a.lengthKm),
                b: number(result.comparison.b.lengthKm),
                hausdorff: number(result.comparison.distance.hausdorffKm),
                mean: number(result.comparison.distance.meanKm),
              })}
            </p>
            <p className="lines-links">
              <a href={exportUrl('csv')}>{t('lines.csv')}</a> <a href={exportUrl('geojson')}>{t('lines.geojson')}</a>
            </p>
            <div className="lines-layout">
              <ComparisonMap comparison={result.comparison} />
              <ComparisonTables comparison={result.comparison} />
            </div>
          </section>
        )}
        <ContactTimeline
          lines={lines}
          onCompare={(from, to) => {
            setA(from);
            setB(to);
            void compare(from, to);
          }}
        />
        <ProposalStanding lines={lines} onChanged={() => setReload((n) => n + 1)} onEdit={setEditing} />
        {editing && (
          <EditLine
            key={`${editing.id}@${editing.properties.version}`}
            line={editing}
            context={lines}
            onDone={(saved) => {
              setEditing(null);
              if (saved) setReload((n) => n + 1);
            }}
          />
        )}
        <TableProposal lines={lines} onTabled={() => setReload((n) => n + 1)} />
        <LineViolations lines={lines} label={label} />
      </>
    );
  };
  return (
    <article className="lines-page">
      <PageTitle text={t('lines.title')} />
      <p className="lead">{t('lines.lead')}</p>
      {shown ? view(shown) : <Load loaded={loaded}>{(fc) => view(fc.features as unknown as LineFeature[])}</Load>}
    </article>
  );
}
