// Camera alerts: open / acknowledged / resolved lists, acknowledge and resolve, and a repair ticket from an alert.
import { useState } from 'react';
import { type AlertStatus, type HealthAlert, healthApi, maintenanceApi } from '../api/health';
import { ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { useT } from '../i18n/i18n';
import { useHealthEvents } from '../views/health/alert-center';
import { duration, vnTime } from '../views/health/format';
import { alertReasonText } from '../views/health/reasons';
import { StateBadge } from '../views/health/state-badge';
import '../styles/health.css';

const TABS: AlertStatus[] = ['open', 'acknowledged', 'resolved'];

export function AlertsPage() {
  const t = useT();
  const user = useUser();
  const canManage = user.role === 'admin' || user.role === 'operator';
  const [tab, setTab] = useState<AlertStatus>('open');
  const [error, setError] = useState<unknown>();
  const list = useAsync((signal) => healthApi.alerts({ status: tab, limit: 200 }, signal), [tab]);
  const tickets = useAsync((signal) => maintenanceApi.tickets({ limit: 1000 }, signal), []);
  useHealthEvents(() => list.reload());
  const ticketOf = new Map((tickets.data?.items ?? []).filter((x) => x.alertId).map((x) => [x.alertId!, x]));

  async function act(fn: () => Promise<unknown>) {
    setError(undefined);
    try {
      await fn();
      list.reload();
    } catch (err) {
      setError(err);
    }
  }
  const note = () => window.prompt(t('alerts.notePrompt')) ?? undefined;

  return (
    <section className="page" data-testid="alerts-page">
      <div className="page__head">
        <h1>{t('alerts.title')}</h1>
        <div className="tabs-row page__tools">
          {TABS.map((s) => (
            <button key={s} type="button" className={tab === s ? 'on' : ''} onClick={() => setTab(s)} data-testid={`alerts-tab-${s}`}>{t(`alerts.status.${s}`)}</button>
          ))}
        </div>
      </div>
      <ErrorAlert error={error ?? list.error} />
      {list.data && list.data.items.length === 0 && <p className="muted" data-testid="alerts-empty">{t('alerts.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="alerts-table">
          <thead><tr><th>{t('alerts.opened')}</th><th>{t('health.camera')}</th><th>{t('alerts.kind')}</th><th>{t('alerts.detectedAfter')}</th><th>{t('alerts.flaps')}</th><th>{t('alerts.by')}</th><th>{t('health.ticket')}</th><th /></tr></thead>
          <tbody>{list.data.items.map((a) => <AlertRow key={a.id} a={a} canManage={canManage} ticket={ticketOf.get(a.id)} onAck={() => void act(() => healthApi.ack(a.id, note()))} onResolve={() => void act(() => healthApi.resolve(a.id, note()))} />)}</tbody>
        </table>
      )}
    </section>
  );
}

function AlertRow({ a, canManage, ticket, onAck, onResolve }: { a: HealthAlert; canManage: boolean; ticket?: { id: string; status: string }; onAck: () => void; onResolve: () => void }) {
  const t = useT();
  return (
    <tr data-testid="alert-row" data-alert-id={a.id} data-status={a.status}>
      <td>{vnTime(a.openedAt)}</td>
      <td><a href={`#/cameras/${encodeURIComponent(a.cameraId)}`}>{a.cameraName}</a><div className="small muted">{alertReasonText(t, a)}</div></td>
      <td><StateBadge state={a.kind} /></td>
      <td>{duration(a.detectedAfterMs)}</td>
      <td>{a.flaps}</td>
      <td className="small">{a.acknowledgedBy && <div>{t('alerts.status.acknowledged')}: {a.acknowledgedBy} {vnTime(a.acknowledgedAt)}</div>}{a.resolvedBy && <div>{t('alerts.status.resolved')}: {a.resolvedBy} {vnTime(a.resolvedAt)}</div>}</td>
      <td>
        {ticket ? <a href={`#/maintenance/${ticket.id}`}>{t(`tickets.status.${ticket.status as 'open'}`)}</a> : canManage && <a href={`#/maintenance/new/${encodeURIComponent(a.cameraId)}/${encodeURIComponent(a.id)}`} data-testid="alert-ticket">+ {t('alerts.ticket')}</a>}
      </td>
      <td className="col-actions">
        {canManage && a.status === 'open' && <button type="button" className="button--small" onClick={onAck} data-testid="alert-ack">{t('alerts.ack')}</button>}
        {canManage && a.status !== 'resolved' && <button type="button" className="button--small" onClick={onResolve} data-testid="alert-resolve">{t('alerts.resolve')}</button>}
      </td>
    </tr>
  );
}
