import { Map as MapLibre, Marker, prewarm, setWorkerUrl, type GeoJSONSource, type MapSourceDataEvent, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { api } from '../../app/api.ts';
import { baseLayers, DISPUTED_LABELS } from './base-layers.ts';
import { SettlementLabels } from './settlement-labels.ts';
import { clusterQuery, type ClusterCollection, type ClusterFeature, type Drawn, type GeoCollection, type MapFilters } from './model.ts';

// The worker is one of this app's own hashed files (MapLibre would otherwise look for it beside its module).
setWorkerUrl(workerUrl);
// This module is fetched ahead of the map (monitoring.tsx): the worker's script then loads and starts while the app
// signs in, rather than after the map is built.
prewarm();

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * Only GeoJSON sources and no text layers: nothing is fetched from another host (no tiles,
 * no glyphs, no sprites). Counts and labels are HTML markers, so they need no font files.
 */
const STYLE: StyleSpecification = {
  version: 8,
  sources: {
    land: { type: 'geojson', data: EMPTY },
    borders: { type: 'geojson', data: EMPTY },
    disputed: { type: 'geojson', data: EMPTY },
    zones: { type: 'geojson', data: EMPTY },
    lines: { type: 'geojson', data: EMPTY },
    clusters: { type: 'geojson', data: EMPTY },
  },
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#dfe8ef' } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f7f6f1' } },
    { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#8d8d86', 'line-width': 1 } },
    { id: 'disputed-fill', type: 'fill', source: 'disputed', paint: { 'fill-color': '#ece6f3' } },
    { id: 'disputed-outline', type: 'line', source: 'disputed', paint: { 'line-color': '#6b4f8a', 'line-width': 1.2, 'line-dasharray': [3, 2] } },
    { id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': '#c2410c', 'fill-opacity': 0.04 } },
    { id: 'zones-outline', type: 'line', source: 'zones', paint: { 'line-color': '#c2410c', 'line-width': 1, 'line-dasharray': [2, 2], 'line-opacity': 0.7 } },
    {
      id: 'lines',
      type: 'line',
      source: 'lines',
      paint: { 'line-color': ['match', ['get', 'kind'], 'contact', '#24405e', '#5a1f7a'], 'line-width': ['match', ['get', 'kind'], 'contact', 3, 2] },
    },
    {
      id: 'clusters',
      type: 'circle',
      source: 'clusters',
      paint: {
        'circle-color': '#8a1c1c',
        'circle-opacity': 0.55,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 9, 5, 16, 15, 26, 40, 40],
      },
    },
  ],
};

/** Where the map looks: its centre and zoom, as the address keeps them. */
export interface MapPosition {
  lon: number;
  lat: number;
  zoom: number;
}

export interface MapViewHandle {
  flyTo(lon: number, lat: number): void;
  jumpTo(position: MapPosition): void;
  zoomBy(delta: number): void;
}

export interface MapViewProps {
  processId: string;
  /** Null while the period is not yet known: the map is built, and asks for nothing. */
  filters: MapFilters | null;
  lines: GeoCollection | null;
  zones: GeoCollection | null;
  labels: { map: string; disputed: Record<string, string>; cluster(count: number): string };
  lang: 'en' | 'uk' | 'ru';
  /** Where to start (from the address), or the default view. */
  position: MapPosition | null;
  onMoved(position: MapPosition): void;
  /** A cluster was chosen (click, Enter or Space on its number); `el` gets the focus back when its popup closes. */
  onSelect(cluster: ClusterFeature, el: HTMLElement): void;
  onDrawn(drawn: Drawn): void;
  onLoading(): void;
  onError(error: Error): void;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Default view: the Donbas, the Sea of Azov and Crimea. */
const START = { center: [36.9, 47.6] as [number, number], zoom: 6.1 };

export const MapView = forwardRef<MapViewHandle, MapViewProps>(function MapView(props, ref) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const refresh = useRef<() => void>(() => {});
  const labelMarkers = useRef<{ key: string; el: HTMLDivElement }[]>([]);
  const places = useRef<SettlementLabels | null>(null);

  useImperativeHandle(ref, () => ({
    flyTo: (lon, lat) => map.current?.easeTo({ center: [lon, lat], zoom: Math.min(14, (map.current?.getZoom() ?? 6) + 2) }),
    jumpTo: (p) => map.current?.jumpTo({ center: [p.lon, p.lat], zoom: p.zoom }),
    zoomBy: (delta) => map.current?.easeTo({ zoom: (map.current?.getZoom() ?? 6) + delta }),
  }));

  useEffect(() => {
    const el = box.current!;
    const at = latest.current.position;
    const m = new MapLibre({
      container: el,
      style: STYLE,
      center: at ? [at.lon, at.lat] : START.center,
      zoom: at ? at.zoom : START.zoom,
      minZoom: 2,
      maxZoom: 14,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      fadeDuration: 0,
      locale: { 'Map.Title': latest.current.labels.map },
    });
    map.current = m;
    m.touchZoomRotate.disableRotation();
    m.keyboard.disableRotation();
    let seq = 0;
    let inFlight: AbortController | null = null;
    let markers: Marker[] = [];

    const draw = (fc: ClusterCollection, n: number, started: number, query: ReturnType<typeof clusterQuery>) => {
      (m.getSource('clusters') as GeoJSONSource).setData(fc as FeatureCollection);
      for (const mk of markers) mk.remove();
      markers = fc.features.map((f: ClusterFeature) => {
        const div = document.createElement('div');
        div.className = `cluster-count${f.properties.count >= 100 ? ' cluster-count-big' : ''}`;
        div.textContent = new Intl.NumberFormat(document.documentElement.lang || 'en').format(f.properties.count);
        // A number on the map is a button: it opens the cluster's popup by mouse or keyboard.
        div.setAttribute('role', 'button');
        div.tabIndex = 0;
        div.setAttribute('aria-label', latest.current.labels.cluster(f.properties.count));
        div.dataset.count = String(f.properties.count);
        const select = (e: Event) => {
          e.stopPropagation();
          e.preventDefault();
          latest.current.onSelect(f, div);
        };
        div.addEventListener('click', select);
        div.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') select(e);
        });
        return new Marker({ element: div }).setLngLat(f.geometry.coordinates).addTo(m);
      });
      // "Drawn" means the GL canvas has painted the new circles: the first frame after the clusters' source has
      // loaded its tiles. The land may still be filling in beneath (its first tiling of the whole world's
      // countries takes the map's workers about two seconds); nobody reads the land, so nothing waits for it.
      const painted = (e: MapSourceDataEvent) => {
        if (e.sourceId !== 'clusters' || !m.isSourceLoaded('clusters')) return;
        m.off('sourcedata', painted);
        landMayGo();
        m.once('render', () => {
          if (n !== seq) return;
          el.dataset.state = 'drawn';
          el.dataset.seq = String(n);
          // For readers of the page's state (the browser tests): what was drawn and how long it took.
          el.dataset.ms = (performance.now() - started).toFixed(0);
          el.dataset.bbox = query.bbox;
          el.dataset.zoom = String(query.zoom);
          latest.current.onDrawn({ clusters: fc.features, seq: n, ms: performance.now() - started, zoom: query.zoom, bbox: query.bbox });
        });
        m.triggerRepaint();
      };
      m.on('sourcedata', painted);
      m.triggerRepaint();
    };

    // Nothing waits on anything it does not need: the clusters are asked for as soon as the map knows its
    // viewport (right after construction), while the style loads and the base map downloads; they are put
    // on the map as soon as the style is there. The land follows the first clusters (or a failure to get
    // them): on a 2-core machine the map has one worker, and tiling the world's countries there first
    // held the clusters back by about two seconds.
    const styled = new Promise<void>((resolve) => m.once('load', () => resolve()));
    let landMayGo = () => {};
    const clustersFirst = new Promise<void>((resolve) => (landMayGo = resolve));
    void Promise.all([styled, baseLayers(), clustersFirst]).then(
      ([, b]) => {
        (m.getSource('land') as GeoJSONSource).setData(b.land);
        (m.getSource('borders') as GeoJSONSource).setData(b.borders);
        (m.getSource('disputed') as GeoJSONSource).setData(b.disputed);
        m.once('idle', () => (el.dataset.land = 'drawn'));
      },
      (e: Error) => latest.current.onError(e),
    );

    let asking = '';
    refresh.current = () => {
      const filters = latest.current.filters;
      if (!filters) return;
      const query = clusterQuery(m.getBounds().toArray() as [[number, number], [number, number]], m.getZoom(), filters);
      // The filters' effect and a move that ends where it began would ask again for what is already coming.
      const key = JSON.stringify(query);
      if (key === asking) return;
      asking = key;
      const n = ++seq;
      inFlight?.abort();
      const ctrl = new AbortController();
      inFlight = ctrl;
      const started = performance.now();
      el.dataset.state = 'loading';
      latest.current.onLoading();
      const asked = api.GET('/api/processes/{processId}/map/clusters', {
        params: { path: { processId: latest.current.processId }, query },
        signal: ctrl.signal,
      });
      Promise.all([asked, styled]).then(
        ([fc]) => n === seq && draw(fc, n, started, query),
        (e: Error) => {
          if (ctrl.signal.aborted) return;
          landMayGo();
          asking = '';
          el.dataset.state = 'error';
          latest.current.onError(e);
        },
      );
    };

    m.on('load', () => {
      labelMarkers.current = DISPUTED_LABELS.map((l) => {
        const div = document.createElement('div');
        div.className = 'map-label map-label-disputed';
        div.textContent = latest.current.labels.disputed[l.key] ?? l.key;
        new Marker({ element: div }).setLngLat([l.lon, l.lat]).addTo(m);
        return { key: l.key, el: div };
      });
      syncLayers();
      places.current = new SettlementLabels(m, latest.current.lang);
    });
    refresh.current();
    m.on('moveend', () => {
      const c = m.getCenter();
      latest.current.onMoved({ lon: round4(c.lng), lat: round4(c.lat), zoom: Math.round(m.getZoom() * 100) / 100 });
      refresh.current();
    });
    return () => {
      inFlight?.abort();
      places.current?.remove();
      m.remove();
      map.current = null;
    };
  }, []);

  const syncLayers = () => {
    const m = map.current;
    if (!m || !m.getSource('lines')) return;
    (m.getSource('lines') as GeoJSONSource | undefined)?.setData((latest.current.lines as FeatureCollection | null) ?? EMPTY);
    (m.getSource('zones') as GeoJSONSource | undefined)?.setData((latest.current.zones as FeatureCollection | null) ?? EMPTY);
  };

  useEffect(syncLayers, [props.lines, props.zones]);

  const f = props.filters;
  useEffect(() => {
    refresh.current();
  }, [f?.from, f?.to, f?.kind, f?.status, f?.party]);

  useEffect(() => places.current?.setLang(props.lang), [props.lang]);

  useEffect(() => {
    for (const l of labelMarkers.current) l.el.textContent = props.labels.disputed[l.key] ?? l.key;
    map.current?.getCanvas().setAttribute('aria-label', props.labels.map);
  }, [props.labels]);

  return <div ref={box} className="map" data-testid="map" />;
});

export default MapView;
