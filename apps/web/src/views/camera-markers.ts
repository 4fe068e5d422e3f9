import * as L from 'leaflet';
import type { Camera } from '../api/types';
import type { Translate } from '../i18n/i18n';
import { clusterDisc, clusterList, esc, worstPin, type ClusterRender, type Pin } from './map-clusters';

/** A status-coloured dot; the element carries test ids and the camera name as its title. */
export function cameraIcon(c: Camera): L.DivIcon {
  return L.divIcon({
    className: 'cam-marker-wrap',
    iconSize: [18, 18],
    iconAnchor: [9, 9],
    popupAnchor: [0, -10],
    html: `<span class="cam-marker cam-marker--${c.status}" data-testid="map-marker" data-camera-id="${esc(c.id)}" data-status="${c.status}" title="${esc(c.name)}"></span>`,
  });
}

export function cameraPopup(c: Camera, t: Translate): string {
  return `<div class="cam-popup" data-testid="map-popup">
    <div class="cam-popup__name">${esc(c.name)}</div>
    <div>${esc(c.unitName)}</div>
    <div>${esc(t(`place.${c.location.placeType}`))}</div>
    <div class="cam-popup__status badge badge--${c.status}">${esc(t(`status.${c.status}`))}</div>
    <div><a href="#/cameras/${encodeURIComponent(c.id)}">${esc(t('map.open'))} ›</a></div>
  </div>`;
}

export function hasPosition(c: Camera): c is Camera & { location: { lat: number; lng: number } } {
  return typeof c.location.lat === 'number' && typeof c.location.lng === 'number';
}

/** How bad a camera's state is, for clusters (worst on top): offline, a picture fault, unknown, online, off. */
export function statusRank(status: string): number {
  if (status === 'offline') return 5;
  if (status === 'unknown') return 2;
  if (status === 'online') return 1;
  if (status === 'disabled') return 0;
  return 4;
}

/** Markers of the camera map: one dot per camera, or a numbered cluster of nearby cameras. */
export function cameraClusterRender(t: Translate): ClusterRender<Camera> {
  return {
    single: (p) => L.marker([p.lat, p.lng], { icon: cameraIcon(p.item), title: p.item.name, alt: p.item.name }).bindPopup(() => cameraPopup(p.item, t)),
    clusterIcon(pins) {
      const worst = worstPin(pins).item.status;
      const down = pins.filter((p) => p.rank >= 4).length;
      const title = down ? t('map.cluster', { count: pins.length, down }) : t('map.clusterOk', { count: pins.length });
      return clusterDisc(pins, { wrapClass: 'cam-marker-wrap', title, attrs: `class="cam-cluster cam-marker--${worst}" data-testid="map-cluster" data-status="${worst}"` });
    },
    clusterPopup: (pins) =>
      clusterList(pins, {
        testId: 'map-cluster-popup',
        name: (c) => c.name,
        row: (p) => `<span class="cam-marker cam-marker--${p.item.status}"></span><a href="#/cameras/${encodeURIComponent(p.id)}">${esc(p.item.name)}</a> <span class="small muted">${esc(t(`status.${p.item.status}`))}</span>`,
        more: (count) => t('map.more', { count }),
      }),
  };
}

/** Cameras with a position as cluster pins. */
export function cameraPins(cameras: Camera[]): Pin<Camera>[] {
  return cameras.filter(hasPosition).map((c) => ({ id: c.id, lat: c.location.lat, lng: c.location.lng, rank: statusRank(c.status), item: c }));
}
