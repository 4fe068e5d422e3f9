// Availability report: per camera/unit/day/week/month (Vietnam time), MTTD/MTTR, longest outages, CSV/XLSX.
import { useState } from 'react';
import { type GroupBy, reportsApi } from '../api/health';
import { ErrorAlert } from '../components/ui/alert';
import { UnitSelect } from '../components/ui/unit-select';
import { useAsync } from '../hooks/use-async';
import { useUnits } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import { AvailabilityChart } from '../views/health/availability-chart';
import { duration, hours, localDay, pct } from '../views/health/format';
import { StateBadge } from '../views/health/state-badge';
import '../styles/health.css';

const GROUPS: GroupBy[] = ['camera', 'unit', 'day', 'week', 'month'];
const DAY = 86_400_000;

/** Local (UTC+7) midnight of a YYYY-MM-DD date, as ISO with offset. */
const startOf = (day: string) => `${day}T00:00:00+07:00`;

export function HealthReportsPage() {
  const t = useT();
  const units = useUnits();
  const [f, setF] = useState({ from: localDay(Date.now() - 7 * DAY), to: localDay(Date.now()), groupBy: 'camera' as GroupBy, unitId: '' });
  const [q, setQ] = useState(f);
  const [error, setError] = useState<unknown>();
  const query = { from: startOf(q.from), to: new Date(Date.parse(startOf(q.to)) + DAY).toISOString(), groupBy: q.groupBy, unitId: q.unitId || undefined };
  const report = useAsync((signal) => reportsApi.availability(query, signal), [q]);
  const r = report.data;

  async function download(format: 'csv' | 'xlsx') {
    setError(undefined);
    try {
      const blob = await reportsApi.download(query, format);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `kha-dung-camera-${q.from}-${q.to}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="page" data-testid="health-reports-page">
      <div className="page__head"><h1>{t('hreport.title')}</h1></div>
      <form className="hform" onSubmit={(e) => { e.preventDefault(); setQ(f); }}>
        <label>{t('hreport.from')}<input type="date" value={f.from} onChange={(e) => setF({ ...f, from: e.target.value })} data-testid="hreport-from" /></label>
        <label>{t('hreport.to')}<input type="date" value={f.to} onChange={(e) => setF({ ...f, to: e.target.value })} data-testid="hreport-to" /></label>
        <label>{t('hreport.groupBy')}<select value={f.groupBy} onChange={(e) => setF({ ...f, groupBy: e.target.value as GroupBy })} data-testid="hreport-group">{GROUPS.map((g) => <option key={g} value={g}>{t(`hreport.group.${g}`)}</option>)}</select></label>
        <label>{t('camera.unit')}<UnitSelect nodes={units.ordered} value={f.unitId} onChange={(unitId) => setF({ ...f, unitId })} emptyLabel={t('common.all')} /></label>
        <button type="submit" className="button--primary" data-testid="hreport-run">{t('hreport.run')}</button>
        <button type="button" onClick={() => void download('csv')} data-testid="hreport-csv">{t('hreport.csv')}</button>
        <button type="button" onClick={() => void download('xlsx')} data-testid="hreport-xlsx">{t('hreport.xlsx')}</button>
      </form>
      <p className="small muted">{t('hreport.tz')}</p>
      <ErrorAlert error={error ?? report.error} />
      {r && (
        <>
          <div className="hstats" data-testid="hreport-stats">
            <div><strong data-testid="hreport-overall">{pct(r.overall.availabilityPct)}</strong>{t('hreport.availability')}</div>
            <div><strong>{duration(r.mttdMs)}</strong>{t('hreport.mttd')}</div>
            <div><strong>{duration(r.mttrTicketMs)}</strong>{t('hreport.mttrTicket')}</div>
            <div><strong>{duration(r.mttrAlertMs)}</strong>{t('hreport.mttrAlert')}</div>
            <div><strong>{r.alerts}</strong>{t('hreport.alerts')}</div>
          </div>
          <AvailabilityChart rows={r.rows} />
          <table className="table" data-testid="hreport-table">
            <thead><tr><th>{t(`hreport.group.${r.groupBy}`)}</th><th>{t('hreport.cameras')}</th><th>{t('hreport.availability')}</th><th>{t('hreport.online')}</th><th>{t('hreport.down')}</th><th>{t('hreport.maintenance')}</th><th>{t('hreport.disabled')}</th><th>{t('hreport.unmonitored')}</th></tr></thead>
            <tbody>
              {[...r.rows, r.overall].map((x) => (
                <tr key={x.key} data-testid="hreport-row">
                  <td>{x.key === 'all' ? <strong>{t('hreport.overall')}</strong> : x.label}</td><td>{x.cameras}</td><td>{pct(x.availabilityPct)}</td>
                  <td>{hours(x.onlineMs)}</td><td>{hours(x.downMs)}</td><td>{hours(x.maintenanceMs)}</td><td>{hours(x.disabledMs)}</td><td>{hours(x.unmonitoredMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('hreport.longest')}</h2>
          <table className="table" data-testid="hreport-longest">
            <thead><tr><th>{t('health.camera')}</th><th>{t('hreport.down')}</th><th>{t('hreport.longestRun')}</th><th>{t('hreport.availability')}</th><th>{t('hreport.current')}</th></tr></thead>
            <tbody>
              {r.longestDown.map((d) => (
                <tr key={d.cameraId}><td><a href={`#/maintenance?camera=${encodeURIComponent(d.cameraId)}`}>{d.cameraName}</a></td><td>{duration(d.downMs)}</td><td>{duration(d.longestMs)}</td><td>{pct(d.availabilityPct)}</td><td>{d.currentState && <StateBadge state={d.currentState} />}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
