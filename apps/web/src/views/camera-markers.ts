import * as L from 'leaflet';
import type { Camera } from '../api/types';
import type { Translate } from '../i18n/i18n';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

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
