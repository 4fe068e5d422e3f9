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
      m.bindPopup(render.clusterPopup(cell), { maxHeight: 260 });
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
