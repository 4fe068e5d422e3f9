// Repair tickets: list with filters, the create form (#/maintenance/new/<camera>/<alert>) and one ticket (#/maintenance/<id>).
import { useState } from 'react';
import { TICKET_STATUSES, maintenanceApi } from '../api/health';
import { ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { useT } from '../i18n/i18n';
import { useHealthEvents } from '../views/health/alert-center';
import { ticketNoteText, vnTime } from '../views/health/format';
import { TicketCreateForm } from '../views/health/ticket-create-form';
import { TicketDetail } from '../views/health/ticket-detail';
import '../styles/health.css';

export function MaintenancePage({ id, rest }: { id?: string; rest: string[] }) {
  const t = useT();
  const user = useUser();
  const canManage = user.role === 'admin' || user.role === 'operator';
  return (
    <section className="page" data-testid="maintenance-page">
      <div className="page__head">
        <h1>{t('tickets.title')}</h1>
        <div className="page__tools">
          {id && <a href="#/maintenance">‹ {t('common.back')}</a>}
          {!id && canManage && <a href="#/maintenance/new" data-testid="ticket-new">+ {t('tickets.new')}</a>}
        </div>
      </div>
      {id === 'new' ? <TicketCreateForm cameraId={rest[0]} alertId={rest[1]} /> : id ? <TicketDetail id={id} canManage={canManage} /> : <TicketList />}
    </section>
  );
}

function TicketList() {
  const t = useT();
  const [status, setStatus] = useState('');
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [assignee, setAssignee] = useState('');
  const camera = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('camera') ?? undefined;
  const list = useAsync((signal) => maintenanceApi.tickets({ status: status || undefined, open: status ? undefined : onlyOpen ? 'true' : undefined, assignee: assignee || undefined, cameraId: camera, limit: 500 }, signal), [status, onlyOpen, assignee, camera]);
  useHealthEvents(() => list.reload());
  return (
    <>
      <div className="hform">
        <label>{t('health.state')}
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="ticket-filter-status">
            <option value="">{t('common.all')}</option>
            {TICKET_STATUSES.map((s) => <option key={s} value={s}>{t(`tickets.status.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('tickets.assignee')}<input value={assignee} onChange={(e) => setAssignee(e.target.value)} /></label>
        <label style={{ flexDirection: 'row', alignItems: 'center' }}><input type="checkbox" checked={onlyOpen} disabled={!!status} onChange={(e) => setOnlyOpen(e.target.checked)} /> {t('tickets.onlyOpen')}</label>
      </div>
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <p className="muted">{t('tickets.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="ticket-table">
          <thead><tr><th>{t('tickets.created')}</th><th>{t('tickets.camera')}</th><th>{t('tickets.assignee')}</th><th>{t('health.state')}</th><th>{t('tickets.history')}</th></tr></thead>
          <tbody>
            {list.data.items.map((x) => (
              <tr key={x.id} data-testid="ticket-row" data-status={x.status}>
                <td><a href={`#/maintenance/${x.id}`}>{vnTime(x.createdAt)}</a></td>
                <td><a href={`#/maintenance/${x.id}`}>{x.cameraName}</a></td>
                <td>{x.assignee}{x.contractor ? ` · ${x.contractor}` : ''}</td>
                <td>{t(`tickets.status.${x.status}`)}</td>
                <td className="small">{x.notes.length ? ticketNoteText(t, x.notes.at(-1)!) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
