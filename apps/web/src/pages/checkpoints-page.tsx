import { checkpointsApi } from '../api/checkpoints';
import { ErrorAlert } from '../components/ui/alert';
import { useAsync } from '../hooks/use-async';
import { useAuth } from '../hooks/use-auth';
import { useT } from '../i18n/i18n';
import '../styles/checkpoints.css';

/** Picker: every checkpoint in scope, with its officers on duty and a link to its station. */
export function CheckpointsPage() {
  const t = useT();
  const { user } = useAuth();
  const list = useAsync(() => checkpointsApi.list(), []);
  const mayScan = user?.role === 'admin' || user?.role === 'checkpoint';
  return (
    <section className="page" data-testid="checkpoints">
      <div className="page__head">
        <h1>{t('checkpoints.title')}</h1>
        <div className="page__tools">
          <a className="button" href="#/checkpoint-dashboard">{t('checkpoints.dashboard')}</a>
        </div>
      </div>
      <p className="muted">{t('checkpoints.pick')}</p>
      <ErrorAlert error={list.error} />
      {list.data?.items.length === 0 && <div className="empty">{t('checkpoints.empty')}</div>}
      <div className="cp-cards">
        {list.data?.items.map((cp) => (
          <div className="cp-card" key={cp.id} data-testid="checkpoint-card">
            <h2>{cp.name}</h2>
            <div className="muted">{cp.address}</div>
            <div>{t('checkpoints.officers')}: {cp.officers.map((o) => `${o.rank} ${o.name}`.trim()).join(', ') || '—'}</div>
            {mayScan && (
              <a className="button button--primary" href={`#/station/${cp.id}`} data-testid="checkpoint-open">{t('checkpoints.open')}</a>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
