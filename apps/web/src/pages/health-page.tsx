// Health dashboard: counts by state, the cameras not online with their reasons and repair tickets,
// a map coloured by state, and (for managers) ONVIF discovery.
import { useEffect, useMemo } from 'react';
import { camerasApi } from '../api/endpoints';
import { HEALTH_STATES, healthApi, maintenanceApi } from '../api/health';
import { ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { useT } from '../i18n/i18n';
import { useHealthEvents } from '../views/health/alert-center';
import { DiscoveryPanel } from '../views/health/discovery-panel';
import { STATE_COLOUR, duration, vnTime } from '../views/health/format';
import { HealthMap } from '../views/health/health-map';
import { reasonsText } from '../views/health/reasons';
import { StateBadge } from '../views/health/state-badge';
import '../styles/health.css';

const REFRESH_MS = 15_000;

export function HealthPage() {
  const t = useT();
  const user = useUser();
  const canManage = user.role === 'admin' || user.role === 'operator';
  const health = useAsync((signal) => healthApi.overview(signal), []);
  const cameras = useAsync((signal) => camerasApi.listAll(signal), []);
  const tickets = useAsync((signal) => maintenanceApi.tickets({ open: 'true', limit: 1000 }, signal), []);
  useHealthEvents(() => {
    health.reload();
    tickets.reload();
  });
  // The live stream may be cut by a proxy; a slow poll keeps the page honest anyway.
  useEffect(() => {
    const id = window.setInterval(() => health.reload(), REFRESH_MS);
    return () => window.clearInterval(id);
  }, [health.reload]);

  const items = health.data?.items ?? [];
  // A camera added since the page opened appears in health first; fetch the list again for its position.
  useEffect(() => {
    if (!cameras.data || !health.data) return;
    const known = new Set(cameras.data.map((c) => c.id));
    if (health.data.items.some((h) => !known.has(h.cameraId))) cameras.reload();
  }, [health.data, cameras.data, cameras.reload]);
  const down = useMemo(() => items.filter((h) => h.status !== 'online').sort((a, b) => a.since.localeCompare(b.since)), [items]);
  const ticketOf = useMemo(() => new Map((tickets.data?.items ?? []).map((x) => [x.cameraId, x])), [tickets.data]);
  const now = Date.now();

  return (
    <section className="page" data-testid="health-page">
      <div className="page__head">
        <h1>{t('health.title')}</h1>
        <div className="page__tools"><a href="#/alerts">{t('nav.alerts')}</a><a href="#/maintenance">{t('nav.maintenance')}</a><a href="#/health-reports">{t('nav.healthReports')}</a></div>
      </div>
      <ErrorAlert error={health.error ?? cameras.error} />
      <div className="hcounts" data-testid="health-counts">
        {HEALTH_STATES.filter((s) => (health.data?.summary[s] ?? 0) > 0 || s === 'online' || s === 'offline').map((s) => (
          <div key={s} className="hcount" style={{ borderLeftColor: STATE_COLOUR[s] }} data-testid={`health-count-${s}`}>
            <strong>{health.data?.summary[s] ?? 0}</strong>
            <span>{t(`hstate.${s}`)}</span>
          </div>
        ))}
      </div>
      <h2>{t('health.notOnline')}</h2>
      {health.data && down.length === 0 && <p className="muted" data-testid="health-all-ok">{t('health.allOk')}</p>}
      {down.length > 0 && (
        <table className="table" data-testid="health-down-table">
          <thead><tr><th>{t('health.camera')}</th><th>{t('health.state')}</th><th>{t('health.since')}</th><th>{t('health.reasons')}</th><th>{t('health.ticket')}</th></tr></thead>
          <tbody>
            {down.map((h) => {
              const ticket = ticketOf.get(h.cameraId);
              return (
                <tr key={h.cameraId} data-testid="health-down-row" data-camera-id={h.cameraId}>
                  <td><a href={`#/cameras/${encodeURIComponent(h.cameraId)}`}>{h.cameraName}</a></td>
                  <td><StateBadge state={h.status} /></td>
                  <td>{vnTime(h.since)} <span className="small muted">({duration(now - Date.parse(h.since))})</span></td>
                  <td className="small" data-testid="health-reasons">{reasonsText(t, h.reasonCodes, h.reasons)}</td>
                  <td>
                    {ticket ? (
                      <a href={`#/maintenance/${ticket.id}`} data-testid="health-ticket-link">{t(`tickets.status.${ticket.status}`)} · {ticket.assignee}</a>
                    ) : (
                      canManage && h.status !== 'disabled' && <a href={`#/maintenance/new/${encodeURIComponent(h.cameraId)}${h.alertId ? `/${encodeURIComponent(h.alertId)}` : ''}`} data-testid="health-new-ticket">+ {t('health.newTicket')}</a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {cameras.data && <HealthMap cameras={cameras.data} health={items} />}
      {canManage && <DiscoveryPanel />}
    </section>
  );
}
