import { checkpointsApi } from '../api/checkpoints';
import { ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useT } from '../i18n/i18n';
import '../styles/checkpoints.css';
import { HourBars, VerdictMix } from '../views/checkpoint-charts';
import { fmtDateTime } from '../components/video/vn-time';

const ms = (v: number | null) => (v === null ? '—' : `${Math.round(v)} ms`);

/** Scans per hour, verdict mix, median/p95 time per checkpoint, and alerts to handle. */
export function CheckpointDashboardPage() {
  const t = useT();
  const stats = useAsync(() => checkpointsApi.stats(), []);
  const alerts = useAsync(() => checkpointsApi.alerts(), []);
  async function ack(id: string) {
    await checkpointsApi.acknowledge(id);
    alerts.reload();
  }
  return (
    <section className="page" data-testid="checkpoint-dashboard">
      <h1>{t('dashboard.title')}</h1>
      <ErrorAlert error={stats.error ?? alerts.error} />
      <h2>{t('dashboard.alerts')}</h2>
      {alerts.data?.items.length === 0 && <div className="empty">{t('dashboard.noAlerts')}</div>}
      {alerts.data && alerts.data.items.length > 0 && (
        <table className="table" data-testid="checkpoint-alerts">
          <tbody>
            {alerts.data.items.map((a) => (
              <tr key={a.id} data-testid="checkpoint-alert" className={a.acknowledgedAt ? 'muted' : ''}>
                <td className="nowrap">{fmtDateTime(a.at)}</td>
                <td>{a.checkpointName}</td>
                <td>{a.message}</td>
                <td>{!a.acknowledgedAt && <button type="button" onClick={() => void ack(a.id)}>{t('dashboard.ack')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="cp-cards">
        {stats.data?.checkpoints.map((c) => (
          <div className="cp-card" key={c.id} data-testid="checkpoint-stats">
            <h2>{c.name}</h2>
            <div className="cp-figures">
              <div><span className="muted">{t('dashboard.total')}</span><strong data-testid="stats-total">{c.total}</strong></div>
              <div><span className="muted">{t('dashboard.median')}</span><strong>{ms(c.medianMs)}</strong></div>
              <div><span className="muted">{t('dashboard.p95')}</span><strong>{ms(c.p95Ms)}</strong></div>
            </div>
            <div className="muted">{t('dashboard.perHour')}</div>
            <HourBars perHour={c.perHour} from={stats.data!.from} to={stats.data!.to} />
            <div className="muted">{t('dashboard.mix')}</div>
            <VerdictMix verdicts={c.verdicts} />
          </div>
        ))}
      </div>
    </section>
  );
}
