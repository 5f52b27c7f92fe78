import { LngLatBounds, Map as MapLibre, Marker, setWorkerUrl, type GeoJSONSource, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Feature, FeatureCollection } from 'geojson';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { baseLayers } from '../monitoring/base-layers.ts';
import { SettlementLabels } from '../monitoring/settlement-labels.ts';
import { MAX_EDITABLE_VERTICES, type Comparison, type LineFeature, type Pos } from './model.ts';

setWorkerUrl(workerUrl);

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const line = (coordinates: Pos[], properties: Record<string, unknown> = {}): Feature => ({
  type: 'Feature',
  properties,
  geometry: { type: 'LineString', coordinates },
});
const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/**
 * The sides' colours are the compass sides', never a party's: the same two for every comparison.
 * As on the monitoring map, only GeoJSON sources and no text layers, so nothing comes from another host.
 */
const STYLE: StyleSpecification = {
  version: 8,
  sources: Object.fromEntries(
    ['land', 'borders', 'area', 'context', 'parcels', 'compared', 'farthest', 'draft'].map((k) => [k, { type: 'geojson', data: EMPTY }]),
  ),
  layers: [
    { id: 'sea', type: 'background', paint: { 'background-color': '#dfe8ef' } },
    { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f7f6f1' } },
    { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#8d8d86', 'line-width': 1 } },
    { id: 'area', type: 'line', source: 'area', paint: { 'line-color': '#6b6b66', 'line-width': 1, 'line-dasharray': [4, 3] } },
    { id: 'context', type: 'line', source: 'context', paint: { 'line-color': '#9a9a94', 'line-width': 1.5 } },
    {
      id: 'parcels',
      type: 'fill',
      source: 'parcels',
      paint: { 'fill-color': ['match', ['get', 'to'], 'left', '#1b7f79', '#b35806'], 'fill-opacity': 0.45 },
    },
    { id: 'line-a', type: 'line', source: 'compared', filter: ['==', ['get', 'role'], 'a'], paint: { 'line-color': '#5e3c99', 'line-width': 2.5 } },
    {
      id: 'line-b',
      type: 'line',
      source: 'compared',
      filter: ['==', ['get', 'role'], 'b'],
      paint: { 'line-color': '#222222', 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
    },
    { id: 'farthest', type: 'line', source: 'farthest', paint: { 'line-color': '#111111', 'line-width': 1, 'line-dasharray': [1, 1] } },
    { id: 'draft', type: 'line', source: 'draft', paint: { 'line-color': '#c2410c', 'line-width': 2.5 } },
  ],
};

export interface LinesMapProps {
  comparison?: Comparison | null;
  /** Lines shown for reference (the contact line while drawing a proposal). */
  context?: LineFeature[];
  /** The line being drawn; with `onDraft`, a click adds a vertex and each vertex can be dragged. */
  draft?: Pos[] | null;
  onDraft?: (coordinates: Pos[]) => void;
  label: string;
}

/** Lines on the base map: two compared with the parcels between them, or one being drawn or edited. */
export function LinesMap({ comparison, context, draft, onDraft, label }: LinesMapProps) {
  const { lang, number } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre | null>(null);
  const ready = useRef<Promise<void> | null>(null);
  const latest = useRef({ draft, onDraft, lang });
  latest.current = { draft, onDraft, lang };
  const markers = useRef<Marker[]>([]);
  const places = useRef<SettlementLabels | null>(null);
  // What the view was last fitted to, and whether the reader has moved it since: a map that changes size
  // (a phone turned, a window narrowed) is fitted again, unless the reader chose their own view.
  const fitted = useRef<{ points: Pos[]; moved: boolean } | null>(null);
  const fitTo = (m: MapLibre, points: Pos[]) => {
    fitted.current = { points, moved: false };
    fit(m, points);
  };

  useEffect(() => {
    const m = new MapLibre({
      container: box.current!,
      style: STYLE,
      center: [38.2, 48.1],
      zoom: 6.5,
      minZoom: 2,
      maxZoom: 15,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      fadeDuration: 0,
      locale: { 'Map.Title': label },
    });
    map.current = m;
    m.touchZoomRotate.disableRotation();
    m.keyboard.disableRotation();
    const styled = new Promise<void>((resolve) => m.once('load', () => resolve()));
    ready.current = Promise.all([styled, baseLayers()]).then(([, b]) => {
      (m.getSource('land') as GeoJSONSource).setData(b.land);
      (m.getSource('borders') as GeoJSONSource).setData(b.borders);
      places.current = new SettlementLabels(m, latest.current.lang);
    });
    const byReader = (e: { originalEvent?: unknown }) => {
      if (e.originalEvent && fitted.current) fitted.current.moved = true;
    };
    m.on('dragstart', byReader);
    m.on('zoomstart', byReader);
    m.on('resize', () => {
      if (fitted.current && !fitted.current.moved) fit(m, fitted.current.points);
    });
    m.on('click', (e) => {
      const { draft: d, onDraft: set } = latest.current;
      if (set && d && d.length < MAX_EDITABLE_VERTICES) set([...d, [round6(e.lngLat.lng), round6(e.lngLat.lat)]]);
    });
    return () => {
      places.current?.remove();
      for (const mk of markers.current) mk.remove();
      m.remove();
      map.current = null;
    };
    // The map is made once; what it shows follows in the effects below.
  }, []);

  useEffect(() => places.current?.setLang(lang), [lang]);
  useEffect(() => map.current?.getCanvas().setAttribute('aria-label', label), [label]);

  /** Runs `show` once the style and the base map are in, unless the effect was cleaned up first. */
  const afterReady = (show: (m: MapLibre) => void) => {
    let live = true;
    void ready.current?.then(() => live && map.current && show(map.current));
    return () => {
      live = false;
    };
  };

  // The compared lines, their parcels (each labelled with its area) and the farthest pair of points.
  useEffect(() => {
    const labels: Marker[] = [];
    const stop = afterReady((m) => {
      const c = comparison;
      const set = (id: string, data: FeatureCollection) => (m.getSource(id) as GeoJSONSource).setData(data);
      set('compared', c ? collection([line(c.a.coordinates as Pos[], { role: 'a' }), line(c.b.coordinates as Pos[], { role: 'b' })]) : EMPTY);
      set(
        'parcels',
        c ? collection(c.parcels.map((p) => ({ type: 'Feature', properties: { to: p.to, n: p.n }, geometry: p.geometry as Feature['geometry'] }))) : EMPTY,
      );
      set('area', c ? collection([line(c.area.ring as Pos[])]) : EMPTY);
      const far = c?.distance.farthest;
      set('farthest', far ? collection([line([far.from as Pos, far.to as Pos])]) : EMPTY);
      for (const p of c?.parcels ?? []) {
        const el = document.createElement('div');
        el.className = `lines-map-label lines-map-label-${p.to}`;
        el.textContent = `${number(Math.round(p.areaKm2))} km²`;
        el.setAttribute('aria-hidden', 'true');
        labels.push(new Marker({ element: el }).setLngLat(p.label as Pos).addTo(m));
      }
      if (c) fitTo(m, [...(c.a.coordinates as Pos[]), ...(c.b.coordinates as Pos[])]);
    });
    return () => {
      stop();
      for (const mk of labels) mk.remove();
    };
  }, [comparison, number]);

  // The reference lines; the view is fitted to them (or to the line being edited) once, not again as the user zooms and draws.
  useEffect(
    () =>
      afterReady((m) => {
        (m.getSource('context') as GeoJSONSource).setData(collection((context ?? []).map((l) => line(l.geometry.coordinates))));
        const around = draft?.length ? draft : (context ?? []).flatMap((l) => l.geometry.coordinates);
        if (!fitted.current && !comparison && around.length) fitTo(m, around);
      }),
    [context],
  );

  // The draft and one draggable marker per vertex (keyboard users load a file instead).
  useEffect(
    () =>
      afterReady((m) => {
        (m.getSource('draft') as GeoJSONSource).setData(draft && draft.length > 1 ? collection([line(draft)]) : EMPTY);
        for (const mk of markers.current) mk.remove();
        markers.current =
          draft && onDraft && draft.length <= MAX_EDITABLE_VERTICES
            ? draft.map((p, i) => {
                const el = document.createElement('div');
                el.className = 'lines-map-vertex';
                el.dataset.vertex = String(i);
                const mk = new Marker({ element: el, draggable: true }).setLngLat(p).addTo(m);
                mk.on('dragend', () => {
                  const { draft: d, onDraft: set } = latest.current;
                  if (!d || !set) return;
                  const at = mk.getLngLat();
                  set(d.map((q, j) => (j === i ? [round6(at.lng), round6(at.lat)] : q)));
                });
                return mk;
              })
            : [];
      }),
    [draft, onDraft],
  );

  return <div ref={box} className="lines-map" data-testid="lines-map" data-vertices={draft?.length ?? 0} />;
}

/** Six decimals: about 0.1 m, finer than any line drawn by hand on a map. */
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function fit(m: MapLibre, points: Pos[]) {
  if (points.length === 0) return;
  const b = new LngLatBounds(points[0], points[0]);
  for (const p of points) b.extend(p);
  m.fitBounds(b, { padding: 30, duration: 0, maxZoom: 11 });
}
