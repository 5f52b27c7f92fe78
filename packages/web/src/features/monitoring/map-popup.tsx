import { useEffect, useId, useRef } from 'react';
import { api } from '../../app/api.ts';
import { written } from '../../app/api-types.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n } from '../../i18n/index.tsx';
import type { ClusterFeature, Incident } from './model.ts';

export interface Selected {
  cluster: ClusterFeature;
  /** The marker that opened the popup: it gets the focus back when the popup closes. */
  from: HTMLElement;
}

/**
 * The popup of a cluster (its count, killed and share of the view, and a way to zoom in) or of a single
 * incident (date, place, sides, casualties with their source, and its page). A small dialog over the map that
 * takes the focus and closes with Escape, so it works without a mouse; it is not anchored to the point, so on a
 * phone it never hangs off the screen.
 */
export function MapPopup({
  selected,
  total,
  onClose,
  onZoom,
  incidentPath,
}: {
  selected: Selected;
  total: number;
  onClose(): void;
  onZoom(lon: number, lat: number): void;
  incidentPath(id: string): string;
}) {
  const { t, number } = useI18n();
  const ids = useId();
  const close = useRef<HTMLButtonElement>(null);
  const { count, killedBest, incidentId } = selected.cluster.properties;
  const [lon, lat] = selected.cluster.geometry.coordinates;

  useEffect(() => {
    close.current?.focus();
    const from = selected.from;
    return () => {
      if (from.isConnected) from.focus();
    };
  }, [selected]);

  return (
    <div
      className="map-popup"
      role="dialog"
      aria-labelledby={`${ids}-h`}
      data-testid="map-popup"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="map-popup-head">
        <h2 id={`${ids}-h`}>{incidentId ? t('map.popup.incident') : t('map.popup.cluster', { count: number(count) })}</h2>
        <button type="button" ref={close} className="map-popup-close" onClick={onClose} aria-label={t('map.popup.close')}>
          ×
        </button>
      </div>
      {incidentId ? (
        <IncidentDetails id={incidentId} incidentPath={incidentPath} />
      ) : (
        <>
          <p>{t('map.popup.killed', { n: number(killedBest) })}</p>
          <p>{t('map.popup.share', { p: total ? `${Math.round((count / total) * 100)} %` : '—' })}</p>
          <button type="button" onClick={() => onZoom(lon!, lat!)}>
            {t('map.popup.zoomIn')}
          </button>
        </>
      )}
    </div>
  );
}

function IncidentDetails({ id, incidentPath }: { id: string; incidentPath(id: string): string }) {
  const { t, date, number } = useI18n();
  const { process, viewer } = useProcess();
  const loaded = useLoad(
    () => api.GET('/api/processes/{processId}/incidents/{id}', { params: { path: { processId: process.id, id } } }).then((i) => written<Incident>()([i])[0]!),
    [process.id, id, viewer],
  );
  if (loaded.state !== 'ready') return <p>{t('app.loading')}</p>;
  const i = loaded.data;
  const k = i.casualties.killed;
  const source = i.sources[0];
  return (
    <>
      <dl className="map-popup-facts">
        <dt>{t('map.popup.date')}</dt>
        <dd>
          <time dateTime={i.date.start}>{date(i.date.start)}</time>
        </dd>
        <dt>{t('map.popup.place')}</dt>
        <dd>{[i.place.name, i.place.admin1].filter(Boolean).join(', ') || `${i.place.lat.toFixed(2)}, ${i.place.lon.toFixed(2)}`}</dd>
        <dt>{t('map.popup.parties')}</dt>
        <dd lang="en">{i.actors.map((a) => a.name).join(' — ') || '—'}</dd>
        <dt>{t('map.popup.casualties')}</dt>
        <dd>{t('map.popup.bounds', { best: number(k.best), low: number(k.low), high: number(k.high) })}</dd>
        <dt>{t('map.popup.source')}</dt>
        <dd lang={source ? 'en' : undefined}>{source ? [source.publisher, source.date].filter(Boolean).join(', ') : t('map.popup.noSource')}</dd>
      </dl>
      <Link to={incidentPath(i.id)}>{t('map.popup.open')}</Link>
    </>
  );
}
