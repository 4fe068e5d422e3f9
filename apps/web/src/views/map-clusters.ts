// Markers that would overlap on screen are drawn as one cluster: the count, coloured by the worst
// state among them (an offline camera must not hide under an online neighbour), a list on click
// and a zoom to its cameras. Rebuilt on every zoom; a province of hundreds of cameras stays legible.
import * as L from 'leaflet';

export interface Pin<T> {
  id: string;
  lat: number;
  lng: number;
  /** Higher is worse: the cluster takes the colour of its worst pin and is drawn above calmer ones. */
  rank: number;
  item: T;
}

export interface ClusterRender<T> {
  /** A lone pin: its own marker (icon, popup). */
  single(pin: Pin<T>): L.Marker;
  /** Several pins close together: the cluster's icon HTML and its popup. */
  clusterIcon(pins: Pin<T>[]): L.DivIcon;
  clusterPopup(pins: Pin<T>[]): string;
}

/** HTML-escapes text for Leaflet's HTML icons and popups. */
export const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The pin that colours a cluster: the worst one. */
export const worstPin = <T>(pins: Pin<T>[]): Pin<T> => pins.reduce((a, b) => (b.rank > a.rank ? b : a));

/**
 * A cluster's numbered disc. `attrs` are the disc's own attributes (class, colour, test ids);
 * the ids of its pins are added as `data-camera-ids`, for tests and tools that look one up.
 */
export function clusterDisc<T>(pins: Pin<T>[], o: { wrapClass: string; title: string; attrs: string }): L.DivIcon {
  return L.divIcon({
    className: o.wrapClass,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
    html: `<span ${o.attrs} data-camera-ids="${esc(pins.map((p) => p.id).join(' '))}" title="${esc(o.title)}">${pins.length}</span>`,
  });
}

/** Most cameras a cluster's list shows; the rest are counted. */
const LIST_MAX = 25;

/** A cluster's list: worst first, then by name, at most LIST_MAX rows and "and N more". */
export function clusterList<T>(pins: Pin<T>[], o: { testId: string; name: (item: T) => string; row: (pin: Pin<T>) => string; more: (count: number) => string }): string {
  const sorted = [...pins].sort((a, b) => b.rank - a.rank || o.name(a.item).localeCompare(o.name(b.item), 'vi'));
  const rows = sorted.slice(0, LIST_MAX).map((p) => `<li>${o.row(p)}</li>`);
  const more = sorted.length > LIST_MAX ? `<div class="small muted">${esc(o.more(sorted.length - LIST_MAX))}</div>` : '';
  return `<div class="cam-popup" data-testid="${o.testId}"><ul class="cam-popup__list">${rows.join('')}</ul>${more}</div>`;
}

/** Screen cell (px) within which pins join one cluster. */
const CELL = 34;

/** A layer that keeps its pins clustered for the map's zoom; remove it like any layer. */
export function clusterLayer<T>(map: L.Map, pins: Pin<T>[], render: ClusterRender<T>): L.FeatureGroup {
  const group = L.featureGroup();
  const draw = () => {
    group.clearLayers();
    const zoom = map.getZoom();
    const cells = new Map<string, Pin<T>[]>();
    for (const p of pins) {
      const pt = map.project([p.lat, p.lng], zoom);
      const key = `${Math.floor(pt.x / CELL)}:${Math.floor(pt.y / CELL)}`;
      const cell = cells.get(key);
      if (cell) cell.push(p);
      else cells.set(key, [p]);
    }
    for (const cell of cells.values()) {
      const worst = Math.max(...cell.map((p) => p.rank));
      if (cell.length === 1) {
        render.single(cell[0]).setZIndexOffset(worst * 100).addTo(group);
        continue;
      }
      const bounds = L.latLngBounds(cell.map((p) => [p.lat, p.lng] as [number, number]));
      const m = L.marker(bounds.getCenter(), { icon: render.clusterIcon(cell), zIndexOffset: worst * 100 + 50 });
      // Popups are built when opened: a redraw on every zoom would otherwise build them all.
      m.bindPopup(() => render.clusterPopup(cell), { maxHeight: 260 });
      // A click zooms in while that still splits the cluster; at full zoom the list opens.
      m.on('click', () => {
        if (map.getZoom() < map.getMaxZoom() && !bounds.getNorthEast().equals(bounds.getSouthWest())) {
          m.closePopup();
          map.fitBounds(bounds, { padding: [40, 40], maxZoom: Math.min(map.getMaxZoom(), map.getZoom() + 4) });
        }
      });
      m.addTo(group);
    }
  };
  draw();
  map.on('zoomend', draw);
  group.on('remove', () => map.off('zoomend', draw));
  return group;
}

/** Bounds of all pins (for fitting the map), or null when there are none. */
export function pinBounds<T>(pins: Pin<T>[]): L.LatLngBounds | null {
  return pins.length ? L.latLngBounds(pins.map((p) => [p.lat, p.lng] as [number, number])) : null;
}
