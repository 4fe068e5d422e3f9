import * as L from 'leaflet';
import { useEffect, useRef, useState, type RefObject } from 'react';

interface Options {
  center: [number, number];
  zoom: number;
  /** Tile URL template; null/empty adds no tile layer (offline grid). */
  tilesUrl: string | null;
}

/** Creates a Leaflet map in the referenced element once options are known; removes it on unmount. */
export function useLeafletMap(container: RefObject<HTMLDivElement | null>, options: Options | undefined): L.Map | null {
  const [map, setMap] = useState<L.Map | null>(null);
  const created = useRef(false);
  useEffect(() => {
    const el = container.current;
    if (!el || !options || created.current) return;
    created.current = true;
    const m = L.map(el, { center: options.center, zoom: options.zoom, zoomControl: true, attributionControl: true });
    if (options.tilesUrl) {
      L.tileLayer(options.tilesUrl, { maxZoom: 19, attribution: '&copy; OpenStreetMap contributors' }).addTo(m);
    }
    setMap(m);
    return () => {
      created.current = false;
      m.remove();
      setMap(null);
    };
  }, [container, options]);
  return map;
}
