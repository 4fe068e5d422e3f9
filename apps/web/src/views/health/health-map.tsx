// Cameras on the map coloured by health state, clustered where they would overlap (a view of its own).
import * as L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { configApi } from '../../api/endpoints';
import { HEALTH_STATES, type CameraHealthItem, type HealthState } from '../../api/health';
import type { Camera } from '../../api/types';
import { useAsync } from '../../hooks/use-async';
import { useLeafletMap } from '../../hooks/use-leaflet-map';
import { useT, type Translate } from '../../i18n/i18n';
import { hasPosition, statusRank } from '../camera-markers';
import { clusterDisc, clusterLayer, clusterList, esc, pinBounds, worstPin, type ClusterRender, type Pin } from '../map-clusters';
import { STATE_COLOUR, vnTime } from './format';
import { reasonsText } from './reasons';

function popup(c: Camera, h: CameraHealthItem | undefined, t: Translate): string {
  const state = h?.status ?? 'unknown';
  return `<div class="cam-popup" data-testid="health-popup"><div class="cam-popup__name">${esc(c.name)}</div>
    <div><span class="hbadge" style="background:${STATE_COLOUR[state]}">${esc(t(`hstate.${state}`))}</span> ${esc(vnTime(h?.since))}</div>
    ${h?.reasons.length ? `<div class="small">${esc(reasonsText(t, h.reasonCodes, h.reasons))}</div>` : ''}
    <div><a href="#/maintenance?camera=${encodeURIComponent(c.id)}">${esc(t('health.ticket'))} ›</a></div></div>`;
}

interface Item {
  c: Camera & { location: { lat: number; lng: number } };
  h: CameraHealthItem | undefined;
  state: HealthState;
}

/** One dot per camera in its state's colour (faults larger, on top), or a numbered cluster coloured by its worst camera. */
function healthRender(t: Translate): ClusterRender<Item> {
  return {
    single({ item: { c, h, state } }) {
      const down = state !== 'online' && state !== 'disabled';
      const icon = L.divIcon({
        className: 'hmarker-wrap',
        iconSize: down ? [22, 22] : [18, 18],
        iconAnchor: down ? [11, 11] : [9, 9],
        html: `<span class="hmarker${down ? ' hmarker--down' : ''}" style="background:${STATE_COLOUR[state]}" data-testid="health-marker" data-camera-id="${esc(c.id)}" data-state="${state}" title="${esc(c.name)}"></span>`,
      });
      return L.marker([c.location.lat, c.location.lng], { icon, title: c.name }).bindPopup(() => popup(c, h, t));
    },
    clusterIcon(pins) {
      const worst = worstPin(pins).item.state;
      const down = pins.filter((p) => p.item.state !== 'online' && p.item.state !== 'disabled').length;
      const title = down ? t('map.cluster', { count: pins.length, down }) : t('map.clusterOk', { count: pins.length });
      return clusterDisc(pins, { wrapClass: 'hmarker-wrap', title, attrs: `class="cam-cluster" style="background:${STATE_COLOUR[worst]}" data-testid="health-cluster" data-state="${worst}"` });
    },
    clusterPopup: (pins) =>
      clusterList(pins, {
        testId: 'health-cluster-popup',
        name: (i) => i.c.name,
        row: ({ item: { c, state } }) => `<span class="hbadge" style="background:${STATE_COLOUR[state]}">${esc(t(`hstate.${state}`))}</span> ${esc(c.name)}`,
        more: (count) => t('map.more', { count }),
      }),
  };
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
    const pins: Pin<Item>[] = placed.map((c) => {
      const h = byId.get(c.id);
      const state: HealthState = h?.status ?? 'unknown';
      return { id: c.id, lat: c.location.lat, lng: c.location.lng, rank: statusRank(state), item: { c, h, state } };
    });
    // Fit once; later refreshes keep the operator's view.
    const bounds = pinBounds(pins);
    if (bounds && !fitted.current) {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 16 });
      fitted.current = true;
    }
    const group = clusterLayer(map, pins, healthRender(t)).addTo(map);
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
