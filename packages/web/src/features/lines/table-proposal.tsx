import { gpx, kml } from '@tmcw/togeojson';
import { useId, useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { useSession } from '../../app/session.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../ui/error-text.ts';
import { DraftEditor } from './draft-editor.tsx';
import type { Pos } from './model.ts';
import type { LineFeature } from './model.ts';
import { DateInput } from '../../ui/date-input.tsx';

/** Far above any front line drawn by hand (20,000 vertices are about 1 MB); the server refuses larger bodies (413) too. */
const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The first LineString of a GeoJSON, KML or GPX file. KML and GPX are converted by @tmcw/togeojson, the
 * converter Mapbox's own tools moved to, rather than by a parser of our own.
 */
export function lineFromFile(name: string, text: string): Pos[] | null {
  const lower = name.toLowerCase();
  const doc = lower.endsWith('.kml') || lower.endsWith('.gpx') ? new DOMParser().parseFromString(text, 'text/xml') : null;
  const geo: unknown = doc ? (lower.endsWith('.kml') ? kml(doc) : gpx(doc)) : JSON.parse(text);
  const found: Pos[][] = [];
  const visit = (g: unknown) => {
    const x = g as { type?: string; coordinates?: unknown; geometry?: unknown; features?: unknown[]; geometries?: unknown[] } | null;
    if (!x) return;
    if (x.type === 'LineString') found.push((x.coordinates as number[][]).map((p) => [p[0]!, p[1]!]));
    else if (x.type === 'MultiLineString') for (const l of x.coordinates as number[][][]) found.push(l.map((p) => [p[0]!, p[1]!]));
    else if (x.type === 'Feature') visit(x.geometry);
    else if (x.type === 'FeatureCollection') x.features?.forEach(visit);
    else if (x.type === 'GeometryCollection') x.geometries?.forEach(visit);
  };
  visit(geo);
  return found[0] ?? null;
}

/** A delegate tables their party's proposal (the mediator one of its own): drawn on the map, or loaded from a file and adjusted there. */
export function TableProposal({ lines, onTabled }: { lines: LineFeature[]; onTabled: () => void }) {
  const { t, name } = useI18n();
  const { me } = useSession();
  const { process, parties } = useProcess();
  const ids = useId();
  const roles = (me?.roles ?? []).filter((r) => r.processId === process.id);
  const mine = roles.filter((r) => r.role === 'delegate' && r.partyId).map((r) => r.partyId!);
  const isMediator = roles.some((r) => r.role === 'mediator');
  const [claimant, setClaimant] = useState('');
  const [date, setDate] = useState('2014-11-25');
  const [draft, setDraft] = useState<Pos[]>([]);
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  if (!isMediator && mine.length === 0) return null;
  const party = claimant || mine[0] || '';
  const load = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) return setStatus({ text: t('lines.tooLarge'), error: true });
    let coordinates: Pos[] | null = null;
    try {
      coordinates = lineFromFile(file.name, await file.text());
    } catch {
      coordinates = null;
    }
    if (!coordinates) return setStatus({ text: t('lines.noLineInFile'), error: true });
    setStatus(null);
    setDraft(coordinates);
  };
  const submit = async () => {
    try {
      const made = await api.POST('/api/processes/{processId}/lines', {
        params: { path: { processId: process.id } },
        body: {
          kind: 'demarcation_proposal',
          standing: 'tabled',
          date,
          approximate: true,
          geometry: { type: 'LineString', coordinates: draft },
          sources: [],
          audience: 'forum',
          ...(party ? { claimantPartyId: party } : {}),
        },
      });
      setStatus({ text: t('lines.tabled', { id: made.id }) });
      setDraft([]);
      onTabled();
    } catch (err) {
      setStatus({ text: errorText(err, t).text, error: true });
    }
  };
  return (
    <section className="lines-table-proposal" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('lines.tableTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${ids}-party`}>{t('lines.claimant')}</label>
          <select id={`${ids}-party`} value={party} onChange={(e) => setClaimant(e.target.value)}>
            {isMediator && <option value="">{t('lines.mediator')}</option>}
            {(isMediator ? [...parties.keys()] : mine).map((p) => (
              <option key={p} value={p}>
                {name(parties.get(p)?.names) || p}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${ids}-date`}>{t('lines.date')}</label>
          <DateInput id={`${ids}-date`} value={date} onChange={setDate} required />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-file`}>{t('lines.file')}</label>
          <input id={`${ids}-file`} type="file" accept=".geojson,.json,.kml,.gpx" onChange={(e) => void load(e.target.files?.[0])} />
        </div>
        <p id={`${ids}-how`}>{t('lines.drawHelp')}</p>
        <DraftEditor draft={draft} onDraft={setDraft} context={lines.filter((l) => l.properties.kind === 'contact')} describedBy={`${ids}-how`} />
        <button type="submit" disabled={draft.length < 2}>
          {t('lines.table')}
        </button>
      </form>
      {status && (
        <p role={status.error ? 'alert' : 'status'} data-testid="table-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
