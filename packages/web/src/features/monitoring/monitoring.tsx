import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api } from '../../app/api.ts';
import { useProcess } from '../../app/process-data.tsx';
import { Link } from '../../app/router.tsx';
import { useLoad } from '../../app/use-load.ts';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { Loading, PageTitle } from '../../ui/common.tsx';
import { DateInput } from '../../ui/date-input.tsx';
import type { MapPosition, MapViewHandle } from './map-view.tsx';
import { baseLayers } from './base-layers.ts';
import { MapPopup, type Selected } from './map-popup.tsx';
import { PlayControl } from './play-control.tsx';
import { defaultPeriod, readView, viewSearch } from './view-url.ts';
import './monitoring.css';
import { written } from '../../app/api-types.ts';
import { dayAt, dayIndex, PERIOD, PERIOD_DAYS, STATUSES, VIOLENCE, type Drawn, type Incident, type MapFilters } from './model.ts';

// MapLibre is large: it loads with the map page only, from the page's first render on (see below).
const loadMapView = () => import('./map-view.tsx');
const MapView = lazy(loadMapView);

/** The map's code and base map, fetched before the map needs them (a failure shows when the map asks again). */
const prefetchMap = () => {
  void loadMapView().catch(() => {});
  void baseLayers().catch(() => {});
};

/** The span of the process's incidents, from which the default period follows; a failure gives no span. */
const incidentSpan = (processId: string) =>
  api.GET('/api/processes/{processId}/incidents/series', { params: { path: { processId }, query: { interval: 'week' } } }).then(
    (span) => span,
    () => ({ from: null, to: null }),
  );
let early: { processId: string; span: ReturnType<typeof incidentSpan> } | null = null;

/**
 * Opened at the map's own address, the app fetches the map's code, its base map and the incidents' span while it
 * signs in and loads the process, instead of after (the span is the map's first request: the period follows from it).
 */
export function preloadMapFor(pathname: string) {
  const at = /^\/p\/([a-z0-9][a-z0-9_-]*)\/monitoring\/?$/.exec(pathname);
  if (!at) return;
  prefetchMap();
  early = { processId: at[1]!, span: incidentSpan(at[1]!) };
}
const NO_FILTERS = { kind: '', status: '', party: '' };

export const incidentPath = (id: string) => `/monitoring/incidents/${encodeURIComponent(id)}`;
export const reportPath = (date?: string) => (date ? `/monitoring/report/${date}` : '/monitoring/report');

/** A short, neutral place for a cluster: its coordinates, which every reader can check. */
const coords = (lon: number, lat: number) => `${lat.toFixed(2)}° N, ${lon.toFixed(2)}° E`;
const clampDay = (i: number) => Math.max(0, Math.min(PERIOD_DAYS, i));

export function MonitoringPage() {
  const { t, date, number, name, lang } = useI18n();
  const { process, parties, viewer } = useProcess();
  const ids = useId();
  // The view in the address (period, filters, position) wins; without a period, the last four weeks of the data.
  const [initial] = useState(() => readView(window.location.search));
  const [filters, setFilters] = useState<MapFilters | null>(() =>
    initial.filters.from && initial.filters.to ? { ...NO_FILTERS, ...initial.filters, from: initial.filters.from, to: initial.filters.to } : null,
  );
  const [slider, setSlider] = useState(() =>
    filters ? { from: clampDay(dayIndex(filters.from)), to: clampDay(dayIndex(filters.to)) } : { from: 0, to: PERIOD_DAYS },
  );
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [busy, setBusy] = useState(true);
  const [failure, setFailure] = useState<string | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const mapRef = useRef<MapViewHandle>(null);
  const position = useRef<MapPosition | null>(initial.position);
  // The base map and MapLibre's chunk download while the period is found, not after it.
  useEffect(prefetchMap, []);

  useEffect(() => {
    if (filters) return;
    let live = true;
    // The span fetched at start-up serves once, for the process it was fetched for.
    const span = early?.processId === process.id ? early.span : incidentSpan(process.id);
    early = null;
    void span.then((span) => {
      if (!live) return;
      const p = defaultPeriod(span, PERIOD);
      setFilters({ ...NO_FILTERS, ...initial.filters, ...p });
      setSlider({ from: clampDay(dayIndex(p.from)), to: clampDay(dayIndex(p.to)) });
    });
    return () => {
      live = false;
    };
  }, [filters, initial, process.id]);

  // The address follows the view: a new period or filter is a step back can undo, a move of the map is not.
  const fromHistory = useRef(false);
  const first = useRef(true);
  useEffect(() => {
    if (!filters) return;
    const search = viewSearch(filters, position.current);
    if (search !== window.location.search) {
      if (first.current || fromHistory.current) window.history.replaceState(null, '', search);
      else window.history.pushState(null, '', search);
    }
    first.current = false;
    fromHistory.current = false;
  }, [filters]);
  useEffect(() => {
    const onPop = () => {
      const v = readView(window.location.search);
      if (!v.filters.from || !v.filters.to) return;
      fromHistory.current = true;
      const next = { ...NO_FILTERS, ...v.filters, from: v.filters.from, to: v.filters.to };
      setFilters(next);
      setSlider({ from: clampDay(dayIndex(next.from)), to: clampDay(dayIndex(next.to)) });
      if (v.position) {
        position.current = v.position;
        mapRef.current?.jumpTo(v.position);
      }
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const onMoved = (p: MapPosition) => {
    position.current = p;
    if (filters) window.history.replaceState(null, '', viewSearch(filters, p));
  };

  // The slider commits a moment after it stops moving, so dragging does not send a request per day.
  useEffect(() => {
    const timer = setTimeout(
      () =>
        setFilters((f) => (!f || (f.from === dayAt(slider.from) && f.to === dayAt(slider.to)) ? f : { ...f, from: dayAt(slider.from), to: dayAt(slider.to) })),
      250,
    );
    return () => clearTimeout(timer);
  }, [slider.from, slider.to]);
  const setDate = (which: 'from' | 'to', value: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    const i = clampDay(dayIndex(value));
    setSlider((s) => (which === 'from' ? { from: i, to: Math.max(i, s.to) } : { from: Math.min(i, s.from), to: i }));
  };
  const setFilter = (key: 'kind' | 'status' | 'party', value: string) => setFilters((f) => (f ? { ...f, [key]: value } : f));
  const wide = useState(() => window.matchMedia('(min-width: 48rem)').matches)[0];

  const layers = useLoad(async () => {
    const [lines, zones] = await Promise.all([
      api.GET('/api/processes/{processId}/lines.geojson', { params: { path: { processId: process.id }, query: filters?.to ? { date: filters.to } : {} } }),
      filters
        ? api.GET('/api/processes/{processId}/zones.geojson', { params: { path: { processId: process.id }, query: { date: filters.to } } }).catch(() => null)
        : null,
    ]);
    return { lines, zones };
  }, [process.id, filters?.to, viewer]);
  const lines = layers.state === 'ready' ? layers.data.lines : null;
  const zones = layers.state === 'ready' ? layers.data.zones : null;

  const clusters = drawn?.clusters ?? [];
  const total = clusters.reduce((n, c) => n + c.properties.count, 0);
  const killed = clusters.reduce((n, c) => n + c.properties.killedBest, 0);
  const sorted = useMemo(() => [...clusters].sort((a, b) => b.properties.count - a.properties.count), [clusters]);
  const labels = useMemo(
    () => ({
      map: t('monitoring.mapLabel'),
      disputed: { crimea: t('monitoring.disputed.crimea') },
      cluster: (count: number) => t(count === 1 ? 'map.single' : 'map.cluster', { count: number(count) }),
    }),
    [t, number],
  );
  const sortedParties = [...parties.values()].sort((a, b) => name(a.names).localeCompare(name(b.names)));

  return (
    <>
      <PageTitle text={t('monitoring.title')} />
      <div className="monitoring-layout">
        <p className="lead">{t('monitoring.lead')}</p>
        <p>
          <Link to={reportPath()}>{t('monitoring.reportLink')}</Link>
        </p>
        {/* On a phone the map comes first and the filters wait behind their summary (see monitoring.css). */}
        <details className="map-filters-box" open={wide}>
          <summary>{t('map.filters.show')}</summary>
          <form className="map-filters" aria-label={t('monitoring.filters')} onSubmit={(e) => e.preventDefault()}>
            <fieldset className="period">
              <legend>{t('monitoring.period')}</legend>
              <div className="period-row">
                <label htmlFor={`${ids}-from-range`}>{t('monitoring.from')}</label>
                <input
                  id={`${ids}-from-range`}
                  type="range"
                  min={0}
                  max={PERIOD_DAYS}
                  value={slider.from}
                  aria-valuetext={date(dayAt(slider.from))}
                  onChange={(e) => setSlider((s) => ({ from: Math.min(Number(e.target.value), s.to), to: s.to }))}
                />
                <label htmlFor={`${ids}-from`} className="visually-hidden">
                  {t('monitoring.fromDate')}
                </label>
                <DateInput id={`${ids}-from`} value={dayAt(slider.from)} onChange={(iso) => setDate('from', iso)} />
              </div>
              <div className="period-row">
                <label htmlFor={`${ids}-to-range`}>{t('monitoring.to')}</label>
                <input
                  id={`${ids}-to-range`}
                  type="range"
                  min={0}
                  max={PERIOD_DAYS}
                  value={slider.to}
                  aria-valuetext={date(dayAt(slider.to))}
                  onChange={(e) => setSlider((s) => ({ from: s.from, to: Math.max(Number(e.target.value), s.from) }))}
                />
                <label htmlFor={`${ids}-to`} className="visually-hidden">
                  {t('monitoring.toDate')}
                </label>
                <DateInput id={`${ids}-to`} value={dayAt(slider.to)} onChange={(iso) => setDate('to', iso)} />
              </div>
            </fieldset>
            <div className="field">
              <label htmlFor={`${ids}-kind`}>{t('monitoring.kind')}</label>
              <select id={`${ids}-kind`} value={filters?.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
                <option value="">{t('monitoring.any')}</option>
                {VIOLENCE.map((v) => (
                  <option key={v} value={v}>
                    {t(`violence.${v}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-status`}>{t('monitoring.status')}</label>
              <select id={`${ids}-status`} value={filters?.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
                <option value="">{t('monitoring.any')}</option>
                {STATUSES.map((v) => (
                  <option key={v} value={v}>
                    {t(`verification.${v}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${ids}-party`}>{t('monitoring.party')}</label>
              <select id={`${ids}-party`} value={filters?.party ?? ''} onChange={(e) => setFilter('party', e.target.value)}>
                <option value="">{t('monitoring.any')}</option>
                {sortedParties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {name(p.names)}
                  </option>
                ))}
              </select>
            </div>
            <PlayControl from={slider.from} to={slider.to} first={0} last={PERIOD_DAYS} onStep={(from, to) => setSlider({ from, to })} />
          </form>
        </details>

        <p className="map-total" role="status" aria-live="polite" data-testid="cluster-total" data-total={drawn ? total : undefined} aria-busy={busy}>
          {failure
            ? t('app.error', { message: failure })
            : drawn && filters
              ? t('monitoring.total', { total, clusters: clusters.length, killed, from: date(filters.from), to: date(filters.to) })
              : t('app.loading')}
        </p>

        <div className="map-wrap">
          <div className="map-frame">
            {/* The map is built while the period is still being found: MapLibre's start (its GL context, its
                worker, its style) then overlaps that request instead of following it. */}
            <Suspense fallback={<Loading />}>
              <MapView
                ref={mapRef}
                processId={process.id}
                filters={filters}
                lines={lines}
                zones={zones}
                labels={labels}
                lang={lang}
                position={position.current}
                onMoved={onMoved}
                onLoading={() => setBusy(true)}
                onDrawn={(d) => {
                  setDrawn(d);
                  setBusy(false);
                  setFailure(null);
                }}
                onError={(e) => {
                  setBusy(false);
                  setFailure(e.message);
                }}
                onSelect={(cluster, from) => setSelected({ cluster, from })}
              />
            </Suspense>
            <div className="map-zoom">
              <button type="button" onClick={() => mapRef.current?.zoomBy(1)} aria-label={t('monitoring.zoomIn')}>
                +
              </button>
              <button type="button" onClick={() => mapRef.current?.zoomBy(-1)} aria-label={t('monitoring.zoomOut')}>
                −
              </button>
            </div>
            {selected ? (
              <MapPopup
                selected={selected}
                total={total}
                incidentPath={incidentPath}
                onClose={() => setSelected(null)}
                onZoom={(lon, lat) => {
                  setSelected(null);
                  mapRef.current?.flyTo(lon, lat);
                }}
              />
            ) : null}
          </div>
          <aside className="map-legend" aria-labelledby={`${ids}-legend`}>
            <h2 id={`${ids}-legend`}>{t('monitoring.legend')}</h2>
            <ul className="plain legend-list">
              <li>
                <span className="key key-cluster" aria-hidden="true" /> {t('monitoring.legend.clusters')}
              </li>
              <li>
                <span className="key key-contact" aria-hidden="true" />{' '}
                {t('monitoring.legend.contact', {
                  date: date(lines?.features.find((l) => l.properties?.kind === 'contact')?.properties?.date as string | undefined) || '—',
                })}
              </li>
              <li>
                <span className="key key-proposal" aria-hidden="true" /> {t('monitoring.legend.proposal')}
              </li>
              <li>
                <span className="key key-zone" aria-hidden="true" /> {t('monitoring.legend.zones', { n: zones?.features.length ?? 0 })}
              </li>
              <li>
                <span className="key key-disputed" aria-hidden="true" /> {t('monitoring.legend.disputed')}
              </li>
            </ul>
            <p className="small muted">{t('monitoring.credit')}</p>
          </aside>
        </div>
      </div>

      <section aria-labelledby={`${ids}-list`} className="card cluster-list">
        <h2 id={`${ids}-list`}>{t('monitoring.listTitle')}</h2>
        <p className="small muted">{t('monitoring.listHelp')}</p>
        {sorted.length === 0 ? (
          <p>{drawn ? t('monitoring.none') : t('app.loading')}</p>
        ) : (
          <div className="table-scroll" tabIndex={0}>
            <table data-testid="cluster-table">
              <caption>{t('monitoring.listCaption', { n: sorted.length, total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('monitoring.col.count')}</th>
                  <th scope="col">{t('monitoring.col.killed')}</th>
                  <th scope="col">{t('monitoring.col.where')}</th>
                  <th scope="col">{t('monitoring.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {sorted.slice(0, 100).map((c) => {
                  const [lon, lat] = c.geometry.coordinates;
                  return (
                    <tr key={`${lon},${lat}`} data-count={c.properties.count}>
                      <td>{number(c.properties.count)}</td>
                      <td>{number(c.properties.killedBest)}</td>
                      <td>{coords(lon, lat)}</td>
                      <td>
                        {c.properties.incidentId ? (
                          <Link to={incidentPath(c.properties.incidentId)} data-incident={c.properties.incidentId}>
                            {t('monitoring.open')}
                            <span className="visually-hidden"> ({coords(lon, lat)})</span>
                          </Link>
                        ) : (
                          <button type="button" className="link-button" onClick={() => mapRef.current?.flyTo(lon, lat)}>
                            {t('monitoring.zoomHere')}
                            <span className="visually-hidden"> ({coords(lon, lat)})</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {filters ? <PeriodIncidents filters={filters} /> : null}
    </>
  );
}

/** The first incidents of the period as a plain list, for readers who do not use the map at all. */
function PeriodIncidents({ filters }: { filters: MapFilters }) {
  const { t, date } = useI18n();
  const { process, viewer } = useProcess();
  const ids = useId();
  const loaded = useLoad(
    () =>
      api
        .GET('/api/processes/{processId}/incidents', {
          params: {
            path: { processId: process.id },
            query: {
              limit: 50,
              from: filters.from,
              to: filters.to,
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.party ? { party: filters.party } : {}),
            },
          },
        })
        .then((r) => ({ ...r, items: written<Incident>()(r.items) })),
    [process.id, filters.from, filters.to, filters.status, filters.party, viewer],
  );
  return (
    <section aria-labelledby={`${ids}-h`} className="card">
      <h2 id={`${ids}-h`}>{t('monitoring.periodList')}</h2>
      {loaded.state !== 'ready' ? (
        <Loading />
      ) : loaded.data.items.length === 0 ? (
        <p>{t('monitoring.none')}</p>
      ) : (
        <ul className="plain incident-list">
          {loaded.data.items
            .filter((i) => !filters.kind || i.violence === filters.kind)
            .map((i) => (
              <li key={i.id}>
                <Link to={incidentPath(i.id)}>{i.place.name ?? i.id}</Link> — <time dateTime={i.date.start}>{date(i.date.start)}</time>
                {i.casualties.killed.best ? <span className="muted"> · {t('incident.killedShort', { n: i.casualties.killed.best })}</span> : null}
              </li>
            ))}
        </ul>
      )}
      {loaded.state === 'ready' && loaded.data.next ? <p className="small muted">{t('monitoring.periodMore')}</p> : null}
    </section>
  );
}
