import { useState } from 'react';
import { type Count, reportsApi, saveBlob } from '../api/cases';
import { ErrorAlert } from '../components/ui/alert';
import { UnitSelect } from '../components/ui/unit-select';
import { useAsync } from '../hooks/use-async';
import { useUnits } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import { BarChart } from '../views/cases/bar-chart';
import { money } from '../views/cases/format';
import '../styles/cases.css';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Results by period, unit, type and camera, with charts and XLSX/PDF export for meetings. */
export function ReportsPage() {
  const t = useT();
  const units = useUnits();
  const [from, setFrom] = useState(day(new Date(Date.now() - 90 * 86_400_000)));
  const [to, setTo] = useState(day(new Date()));
  const [unitId, setUnitId] = useState('');
  const [error, setError] = useState<unknown>();
  // Days are Vietnam calendar days: from 00:00 of the first to 00:00 after the last.
  const query = { from: new Date(`${from}T00:00:00+07:00`).toISOString(), to: new Date(new Date(`${to}T00:00:00+07:00`).getTime() + 86_400_000).toISOString(), unitId: unitId || undefined };
  const report = useAsync((signal) => reportsApi.get(query, signal), [from, to, unitId]);
  const r = report.data;
  async function download(format: 'xlsx' | 'pdf') {
    setError(undefined);
    try {
      saveBlob(await reportsApi.file(format, query), `bao-cao-${from}-${to}.${format}`);
    } catch (err) {
      setError(err);
    }
  }
  const block = (title: string, rows: Count[], id: string) => (
    <div className="card"><h3>{title}</h3>{rows.length ? <BarChart rows={rows} testId={id} /> : <p className="muted">—</p>}</div>
  );
  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('reports.title')}</h1>
        <div className="page__tools">
          <button type="button" className="button" data-testid="report-xlsx" onClick={() => void download('xlsx')}>{t('reports.xlsx')}</button>
          <button type="button" className="button" data-testid="report-pdf" onClick={() => void download('pdf')}>{t('reports.pdf')}</button>
        </div>
      </div>
      <div className="filters">
        <label>{t('reports.from')}<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>{t('reports.to')}<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label>{t('cases.unit')}<UnitSelect nodes={units.ordered} value={unitId} onChange={setUnitId} emptyLabel={t('common.all')} /></label>
      </div>
      <ErrorAlert error={error ?? report.error} />
      {r && (
        <>
          <div className="card" data-testid="report-summary">
            <p><strong>{t('reports.incidents')}:</strong> {r.incidents.summaryVi}</p>
            <p><strong>{t('reports.violations')}:</strong> {r.violations.summaryVi}</p>
            <p>{t('reports.fines', { amount: money(r.violations.finesPaid) })}</p>
          </div>
          <h2>{t('reports.incidents')}</h2>
          <div className="report-grid">
            {block(t('reports.byType'), r.incidents.byType, 'chart-incident-type')}
            {block(t('reports.byUnit'), r.incidents.byUnit, 'chart-incident-unit')}
            {block(t('reports.byCamera'), r.incidents.byCamera, 'chart-incident-camera')}
          </div>
          <h2>{t('reports.violations')}</h2>
          <div className="report-grid">
            {block(t('reports.byType'), r.violations.byType, 'chart-violation-type')}
            {block(t('reports.byStatus'), r.violations.byStatus, 'chart-violation-status')}
            {block(t('reports.byUnit'), r.violations.byUnit, 'chart-violation-unit')}
            {block(t('reports.byCamera'), r.violations.byCamera, 'chart-violation-camera')}
          </div>
        </>
      )}
    </section>
  );
}
