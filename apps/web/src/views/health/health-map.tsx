// Cameras on the map coloured by health state (a view of its own; the map page is untouched).
import * as L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { configApi } from '../../api/endpoints';
import { HEALTH_STATES, type CameraHealthItem } from '../../api/health';
import type { Camera } from '../../api/types';
import { useAsync } from '../../hooks/use-async';
import { useLeafletMap } from '../../hooks/use-leaflet-map';
import { useT, type Translate } from '../../i18n/i18n';
import { hasPosition } from '../camera-markers';
import { STATE_COLOUR, vnTime } from './format';
import { reasonsText } from './reasons';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function popup(c: Camera, h: CameraHealthItem | undefined, t: Translate): string {
  const state = h?.status ?? 'unknown';
  return `<div class="cam-popup" data-testid="health-popup"><div class="cam-popup__name">${esc(c.name)}</div>
    <div><span class="hbadge" style="background:${STATE_COLOUR[state]}">${esc(t(`hstate.${state}`))}</span> ${esc(vnTime(h?.since))}</div>
    ${h?.reasons.length ? `<div class="small">${esc(reasonsText(t, h.reasonCodes, h.reasons))}</div>` : ''}
    <div><a href="#/maintenance?camera=${encodeURIComponent(c.id)}">${esc(t('health.ticket'))} ›</a></div></div>`;
}

export function HealthMap({ cameras, health }: { cameras: Camera[]; health: CameraHealthItem[] }) {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const config = useAsync(() => configApi.public(), []);
  const options = useMemo(() => (config.data ? { center: config.data.mapCenter, zoom: config.data.mapZoom, tilesUrl: config.data.mapTilesUrl || null } : undefined), [config.data]);
  const map = useLeafletMap(container, options);
  const placed = useMemo(() => cameras.filter(hasPosition), [cameras]);
  const byId = useMemo(() => new Map(health.map((h) => [h.cameraId, h])), [health]);
  const fitted = useRef(false);

  useEffect(() => {
    if (!map) return;
    const group = L.featureGroup();
    for (const c of placed) {
      const h = byId.get(c.id);
      const state = h?.status ?? 'unknown';
      const down = state !== 'online' && state !== 'disabled';
      const icon = L.divIcon({
        className: 'hmarker-wrap',
        iconSize: down ? [22, 22] : [18, 18],
        iconAnchor: down ? [11, 11] : [9, 9],
        html: `<span class="hmarker${down ? ' hmarker--down' : ''}" style="background:${STATE_COLOUR[state]}" data-testid="health-marker" data-camera-id="${esc(c.id)}" data-state="${state}" title="${esc(c.name)}"></span>`,
      });
      L.marker([c.location.lat, c.location.lng], { icon, title: c.name, zIndexOffset: down ? 1000 : 0 }).bindPopup(popup(c, h, t)).addTo(group);
    }
    group.addTo(map);
    // Fit once; later refreshes keep the operator's view.
    if (placed.length && !fitted.current) {
      map.fitBounds(group.getBounds(), { padding: [30, 30], maxZoom: 16 });
      fitted.current = true;
    }
    return () => {
      group.remove();
    };
  }, [map, placed, byId, t]);

  const unplaced = cameras.length - placed.length;
  return (
    <div className="card">
      <div className="page__head">
        <h2>{t('health.map')}</h2>
        <div className="hlegend">
          {HEALTH_STATES.map((s) => <span key={s}><i style={{ background: STATE_COLOUR[s] }} />{t(`hstate.${s}`)}</span>)}
        </div>
      </div>
      {unplaced > 0 && <div className="small muted">{t('health.noPosition', { count: unplaced })}</div>}
      <div ref={container} className={`hmap${config.data && !config.data.mapTilesUrl ? ' map--grid' : ''}`} data-testid="health-map" data-markers={placed.length} />
    </div>
  );
}
