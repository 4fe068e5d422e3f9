import * as L from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { camerasApi, configApi } from '../api/endpoints';
import { CAMERA_STATUSES } from '../api/types';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useLeafletMap } from '../hooks/use-leaflet-map';
import { useT } from '../i18n/i18n';
import { cameraClusterRender, cameraPins } from '../views/camera-markers';
import { clusterLayer, pinBounds } from '../views/map-clusters';

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
  const bounds = useRef<L.LatLngBounds | null>(null);
  const pins = useMemo(() => cameraPins(cameras.data ?? []), [cameras.data]);
  const unplaced = (cameras.data?.length ?? 0) - pins.length;

  useEffect(() => {
    if (!map || !cameras.data) return;
    bounds.current = pinBounds(pins);
    // Fit first: clusters are made for the zoom the map shows.
    if (bounds.current) map.fitBounds(bounds.current, { padding: [40, 40], maxZoom: 16 });
    const group = clusterLayer(map, pins, cameraClusterRender(t)).addTo(map);
    return () => {
      group.remove();
    };
  }, [map, cameras.data, pins, t]);

  const fit = () => {
    if (map && bounds.current) map.fitBounds(bounds.current, { padding: [40, 40], maxZoom: 16 });
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
        data-markers={pins.length}
      />
    </section>
  );
}
