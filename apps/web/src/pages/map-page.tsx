import * as L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { camerasApi, configApi } from '../api/endpoints';
import { CAMERA_STATUSES } from '../api/types';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useLeafletMap } from '../hooks/use-leaflet-map';
import { useT } from '../i18n/i18n';
import { cameraIcon, cameraPopup, hasPosition } from '../views/camera-markers';

export function MapPage() {
  const t = useT();
  const container = useRef<HTMLDivElement>(null);
  const config = useAsync(() => configApi.public(), []);
  const cameras = useAsync((signal) => camerasApi.listAll(signal), []);
  const options = useMemo(
    () =>
      config.data
        ? { center: config.data.mapCenter, zoom: config.data.mapZoom, tilesUrl: config.data.mapTilesUrl || null }
        : undefined,
    [config.data],
  );
  const map = useLeafletMap(container, options);
  const layer = useRef<L.FeatureGroup | null>(null);
  const placed = useMemo(() => (cameras.data ?? []).filter(hasPosition), [cameras.data]);
  const unplaced = (cameras.data?.length ?? 0) - placed.length;

  useEffect(() => {
    if (!map || !cameras.data) return;
    const group = L.featureGroup();
    for (const c of placed) {
      L.marker([c.location.lat, c.location.lng], { icon: cameraIcon(c), title: c.name, alt: c.name })
        .bindPopup(cameraPopup(c, t))
        .addTo(group);
    }
    group.addTo(map);
    layer.current = group;
    if (placed.length) map.fitBounds(group.getBounds(), { padding: [40, 40], maxZoom: 16 });
    return () => {
      group.remove();
      layer.current = null;
    };
  }, [map, cameras.data, placed, t]);

  const fit = () => {
    if (map && layer.current && placed.length) map.fitBounds(layer.current.getBounds(), { padding: [40, 40], maxZoom: 16 });
  };
  const offline = config.data !== undefined && !config.data.mapTilesUrl;

  return (
    <section className="page page--map">
      <div className="page__head">
        <h1>{t('map.title')}</h1>
        <div className="page__tools">
          <div className="legend">
            {CAMERA_STATUSES.map((s) => (
              <span key={s} className="legend__item">
                <span className={`cam-marker cam-marker--${s}`} /> {t(`status.${s}`)}
              </span>
            ))}
          </div>
          <button type="button" onClick={fit} data-testid="map-fit">{t('map.fit')}</button>
        </div>
      </div>
      <ErrorAlert error={config.error ?? cameras.error} />
      {offline && <div className="muted small" data-testid="map-offline">{t('map.offline')}</div>}
      {unplaced > 0 && <Alert kind="info">{t('map.noPosition', { count: unplaced })}</Alert>}
      <div
        ref={container}
        className={`map${offline ? ' map--grid' : ''}`}
        data-testid="map"
        data-markers={placed.length}
      />
    </section>
  );
}
