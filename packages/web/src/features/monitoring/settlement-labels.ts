import { SETTLEMENTS, type Settlement } from '@parley/contracts';
import { Marker, type Map as MapLibre } from 'maplibre-gl';
import './settlement-labels.css';

type Lang = 'en' | 'uk' | 'ru';

/** The zoom from which each kind of place is named: big towns first, villages only when close. */
const FROM_ZOOM: Record<Settlement['kind'], number> = { city: 5.5, town: 7.5, village: 9.5 };
const RANK: Record<Settlement['kind'], number> = { city: 0, town: 1, village: 2 };

/** Biggest first, so when two names would overlap the bigger place keeps its name. */
const ORDERED = [...SETTLEMENTS].sort((a, b) => RANK[a.kind] - RANK[b.kind] || (b.population ?? 0) - (a.population ?? 0));

/**
 * Place names as HTML markers in the reader's language. The map has no glyph server (nothing is fetched
 * from another host), so MapLibre's symbol layers, which need one, cannot place them; this does the little
 * they would: a zoom threshold per kind and a greedy pass that drops a name overlapping a bigger place's.
 */
export class SettlementLabels {
  private readonly items: { s: Settlement; el: HTMLDivElement; marker: Marker; width: number }[];
  private readonly measure = document.createElement('canvas').getContext('2d');

  constructor(
    private readonly map: MapLibre,
    private lang: Lang,
  ) {
    this.items = ORDERED.map((s) => {
      const el = document.createElement('div');
      el.className = `map-place map-place-${s.kind}`;
      el.dataset.place = s.id;
      el.setAttribute('aria-hidden', 'true');
      const marker = new Marker({ element: el, anchor: 'left', offset: [-3, 0] }).setLngLat([s.lon, s.lat]);
      return { s, el, marker, width: 0 };
    });
    this.setLang(lang);
    map.on('moveend', this.place);
    map.on('zoomend', this.place);
  }

  setLang(lang: Lang) {
    this.lang = lang;
    const family = getComputedStyle(this.map.getContainer()).fontFamily;
    for (const item of this.items) {
      const { s, el } = item;
      el.textContent = s.names[lang];
      // The label's width from the font (laying out 100 hidden labels to measure them would cost more).
      if (this.measure) this.measure.font = `${s.kind === 'city' ? 600 : 400} ${s.kind === 'city' ? 13 : 12}px ${family}`;
      item.width = (this.measure?.measureText(s.names[lang]).width ?? s.names[lang].length * 9) + 12;
      el.lang = lang;
      el.title = s.formerNames ? `${s.names[lang]} (${s.formerNames[lang]})` : s.names[lang];
    }
    this.place();
  }

  /** Shows the names that fit: within the threshold of their kind and clear of every name already placed. */
  readonly place = () => {
    const zoom = this.map.getZoom();
    const view = this.map.getCanvas().getBoundingClientRect();
    const taken: [number, number, number, number][] = [];
    for (const item of this.items) {
      const { s, el, marker, width } = item;
      const p = this.map.project([s.lon, s.lat]);
      // The box with a little room around it (the dot sits 3 px left of the point).
      const box: [number, number, number, number] = [p.x - 6, p.y - 10, p.x + width, p.y + 10];
      const visible =
        zoom >= FROM_ZOOM[s.kind] &&
        box[2] > 0 &&
        box[0] < view.width &&
        box[3] > 0 &&
        box[1] < view.height &&
        !taken.some((t) => box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1]);
      if (visible) {
        taken.push(box);
        if (!el.isConnected) marker.addTo(this.map);
      } else if (el.isConnected) marker.remove();
    }
  };

  remove() {
    this.map.off('moveend', this.place);
    this.map.off('zoomend', this.place);
    for (const { marker } of this.items) marker.remove();
  }
}
