import { useState } from 'react';
import { ApiError } from '../api/client';
import { type Incident, incidentsApi } from '../api/cases';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { UnitSelect } from '../components/ui/unit-select';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { useUnits } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import { vnTime } from '../views/cases/format';
import '../styles/cases.css';

const TYPES = ['theft', 'robbery', 'assault', 'property_damage', 'illegal_racing', 'loan_shark_flyers', 'traffic_accident', 'waste_dumping', 'fire', 'gathering', 'other'] as const;
const STATUSES = ['open', 'investigating', 'resolved', 'closed'] as const;

/** The incident log and residents' requests to check footage. */
export function IncidentsPage() {
  const t = useT();
  const user = useUser();
  const units = useUnits();
  const [type, setType] = useState('');
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<unknown>();
  const list = useAsync((signal) => incidentsApi.list({ type: type || undefined, limit: 100 }, signal), [type, tick]);
  const requests = useAsync(() => incidentsApi.requests(), [tick]);
  const canWrite = user.role !== 'unit-viewer' && user.role !== 'auditor' && user.role !== 'checkpoint';
  const canDecide = user.role === 'admin' || user.role === 'officer';
  const [f, setF] = useState({ unitId: '', type: 'theft', title: '', place: '', officers: '' });
  const errors = error instanceof ApiError ? error.fieldErrors() : {};

  async function run(fn: () => Promise<unknown>) {
    setError(undefined);
    try {
      await fn();
      setTick((n) => n + 1);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="page">
      <div className="page__head"><h1>{t('incidents.title')}</h1></div>
      <ErrorAlert error={error} />
      {canWrite && (
        <form className="filters" data-testid="incident-form" onSubmit={(e) => {
          e.preventDefault();
          void run(() => incidentsApi.create({ unitId: f.unitId || units.ordered[0]?.unit.id, type: f.type, title: f.title, place: f.place, occurredAt: new Date().toISOString(), officers: f.officers.split(',').map((s) => s.trim()).filter(Boolean) }));
        }}>
          <label>{t('cases.unit')}<UnitSelect nodes={units.ordered} value={f.unitId || units.ordered[0]?.unit.id || ''} onChange={(unitId) => setF({ ...f, unitId })} /></label>
          <label>{t('incidents.type')}<select value={f.type} onChange={(e) => setF({ ...f, type: e.target.value })}>{TYPES.map((x) => <option key={x} value={x}>{t(`itype.${x}`)}</option>)}</select></label>
          <label className="filters__search">{t('incidents.titleField')}<input value={f.title} data-testid="incident-title" onChange={(e) => setF({ ...f, title: e.target.value })} />{errors.title && <span className="field__error">{errors.title}</span>}</label>
          <label>{t('incidents.place')}<input value={f.place} onChange={(e) => setF({ ...f, place: e.target.value })} /></label>
          <label>{t('incidents.officers')}<input value={f.officers} onChange={(e) => setF({ ...f, officers: e.target.value })} /></label>
          <button type="submit" className="button--primary" data-testid="incident-add">+ {t('incidents.new')}</button>
        </form>
      )}
      <div className="summary">
        <label>{t('incidents.type')} <select value={type} onChange={(e) => setType(e.target.value)} data-testid="incident-filter-type"><option value="">{t('common.all')}</option>{TYPES.map((x) => <option key={x} value={x}>{t(`itype.${x}`)}</option>)}</select></label>
        <strong data-testid="incident-count">{list.data?.total ?? 0}</strong>
      </div>
      <table className="table" data-testid="incident-table">
        <thead><tr><th>{t('incidents.time')}</th><th>{t('incidents.type')}</th><th>{t('incidents.titleField')}</th><th>{t('incidents.place')}</th><th>{t('cases.unit')}</th><th>{t('incidents.status')}</th><th>{t('incidents.outcome')}</th></tr></thead>
        <tbody>{(list.data?.items ?? []).map((i) => <IncidentRow key={i.id} i={i} canWrite={canWrite} onChange={(body) => void run(() => incidentsApi.update(i.id, body))} />)}</tbody>
      </table>
      <h2>{t('incidents.requests')}</h2>
      <table className="table" data-testid="request-table">
        <thead><tr><th>{t('incidents.requester')}</th><th>{t('incidents.time')}</th><th>{t('cases.reason')}</th><th>{t('incidents.status')}</th><th /></tr></thead>
        <tbody>
          {(requests.data?.items ?? []).map((r) => (
            <tr key={r.id}>
              <td>{r.requesterName} {r.requesterPhone}</td><td>{vnTime(r.from)} – {vnTime(r.to)}</td><td>{r.reason}</td><td>{r.status}{r.decidedBy ? ` · ${r.decidedBy}` : ''}</td>
              <td className="col-actions">
                {canDecide && r.status === 'pending' && <>
                  <button type="button" className="button--small" onClick={() => void run(() => incidentsApi.decide(r.id, 'approve', ''))}>{t('incidents.approve')}</button>
                  <button type="button" className="button--small" onClick={() => { const note = window.prompt(t('cases.reason')) ?? ''; void run(() => incidentsApi.decide(r.id, 'reject', note)); }}>{t('incidents.reject')}</button>
                </>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {requests.error && <Alert kind="error">{requests.error.message}</Alert>}
    </section>
  );
}

function IncidentRow({ i, canWrite, onChange }: { i: Incident; canWrite: boolean; onChange: (b: Record<string, string>) => void }) {
  const t = useT();
  return (
    <tr data-testid="incident-row">
      <td>{vnTime(i.occurredAt)}</td><td>{t(`itype.${i.type as 'theft'}`)}</td><td>{i.title}</td><td className="details">{i.place}</td><td>{i.unitName}</td>
      <td>
        {canWrite ? (
          <select className="status-select" value={i.status} onChange={(e) => {
            const status = e.target.value;
            const outcome = status === 'resolved' || status === 'closed' ? (i.outcome || window.prompt(t('incidents.outcome')) || '') : i.outcome;
            onChange({ status, outcome });
          }}>{STATUSES.map((s) => <option key={s} value={s}>{t(`istatus.${s}`)}</option>)}</select>
        ) : t(`istatus.${i.status}`)}
      </td>
      <td className="details">{i.outcome}</td>
    </tr>
  );
}
