// A new repair ticket, prefilled from an alert or a camera (#/maintenance/new/<cameraId>/<alertId>).
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { camerasApi } from '../../api/endpoints';
import { maintenanceApi } from '../../api/health';
import { ErrorAlert } from '../../components/ui/alert';
import { useAsync } from '../../hooks/use-async';
import { navigate } from '../../hooks/use-hash-route';
import { useT } from '../../i18n/i18n';

export function TicketCreateForm({ cameraId, alertId }: { cameraId?: string; alertId?: string }) {
  const t = useT();
  const cameras = useAsync((signal) => camerasApi.listAll(signal), []);
  const [f, setF] = useState({ cameraId: cameraId ?? '', assignee: '', contractor: '', note: '', verifyAfterMin: 10 });
  const [error, setError] = useState<unknown>();
  const errors = error instanceof ApiError ? error.fieldErrors() : {};
  const err = (k: string) => errors[k] && <span className="field__error">{errors[k]}</span>;

  async function submit() {
    setError(undefined);
    try {
      const tk = await maintenanceApi.create({ cameraId: f.cameraId, alertId, assignee: f.assignee, contractor: f.contractor || undefined, note: f.note, verifyAfterMin: f.verifyAfterMin });
      navigate(`/maintenance/${tk.id}`);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <form className="card form" data-testid="ticket-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>{t('tickets.new')}</h2>
      <ErrorAlert error={Object.keys(errors).length ? undefined : error} />
      <div className="form-grid">
        <label>{t('tickets.camera')}
          <select value={f.cameraId} onChange={(e) => setF({ ...f, cameraId: e.target.value })} data-testid="ticket-camera">
            <option value="">—</option>
            {(cameras.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name} · {c.unitName}</option>)}
          </select>{err('cameraId')}
        </label>
        <label>{t('tickets.assignee')}<input value={f.assignee} onChange={(e) => setF({ ...f, assignee: e.target.value })} data-testid="ticket-assignee" />{err('assignee')}</label>
        <label>{t('tickets.contractor')}<input value={f.contractor} onChange={(e) => setF({ ...f, contractor: e.target.value })} /></label>
        <label>{t('tickets.verifyAfter')}<input type="number" min={1} max={10080} value={f.verifyAfterMin} onChange={(e) => setF({ ...f, verifyAfterMin: Number(e.target.value) })} />{err('verifyAfterMin')}</label>
        <label style={{ gridColumn: '1 / -1' }}>{t('tickets.note')}<input value={f.note} onChange={(e) => setF({ ...f, note: e.target.value })} data-testid="ticket-initial-note" /></label>
      </div>
      {alertId && <p className="small muted">{t('tickets.alert')}: {alertId}</p>}
      <div className="form__actions"><button type="submit" className="button--primary" data-testid="ticket-create">{t('common.create')}</button></div>
    </form>
  );
}
