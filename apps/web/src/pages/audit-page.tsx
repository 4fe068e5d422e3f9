import { useState, type FormEvent } from 'react';
import { auditApi, type AuditQuery } from '../api/endpoints';
import type { AuditVerify } from '../api/types';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { Pager } from '../components/ui/pager';
import { useAsync } from '../hooks/use-async';
import { useT } from '../i18n/i18n';
import { fmtDateTime } from '../components/video/vn-time';

const PAGE_SIZE = 50;
type Filters = Required<Pick<AuditQuery, 'action' | 'actor' | 'from' | 'to'>>;
const EMPTY: Filters = { action: '', actor: '', from: '', to: '' };

/** datetime-local value (local time) -> ISO 8601, or undefined when empty. */
function toIso(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function AuditPage() {
  const t = useT();
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  const [offset, setOffset] = useState(0);
  const [verify, setVerify] = useState<AuditVerify>();
  const [verifyError, setVerifyError] = useState<unknown>();
  const [verifying, setVerifying] = useState(false);

  const list = useAsync(
    () =>
      auditApi.list({
        action: applied.action.trim() || undefined,
        actor: applied.actor.trim() || undefined,
        from: toIso(applied.from),
        to: toIso(applied.to),
        limit: PAGE_SIZE,
        offset,
      }),
    [applied, offset],
  );

  function search(e: FormEvent) {
    e.preventDefault();
    setOffset(0);
    setApplied({ ...draft });
  }

  async function runVerify() {
    setVerifying(true);
    setVerifyError(undefined);
    setVerify(undefined);
    try {
      setVerify(await auditApi.verify());
    } catch (err) {
      setVerifyError(err);
    } finally {
      setVerifying(false);
    }
  }

  const total = list.data?.total ?? 0;
  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('audit.title')}</h1>
        <div className="page__tools">
          <button type="button" onClick={() => void runVerify()} disabled={verifying} data-testid="audit-verify">
            {t('audit.verify')}
          </button>
        </div>
      </div>
      {verify && (
        <Alert kind={verify.ok ? 'success' : 'error'} testId="audit-verify-result">
          {verify.ok
            ? t('audit.verifyOk', { checked: verify.checked })
            : t('audit.verifyBad', { seq: verify.firstBadSeq ?? '?', reason: verify.reason ?? '', checked: verify.checked })}
        </Alert>
      )}
      <ErrorAlert error={verifyError} />
      <form className="filters" onSubmit={search} data-testid="audit-filters">
        <label>
          <span>{t('audit.action')}</span>
          <input value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} placeholder="camera.create" data-testid="audit-action" />
        </label>
        <label>
          <span>{t('audit.actor')}</span>
          <input value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} data-testid="audit-actor" />
        </label>
        <label>
          <span>{t('audit.from')}</span>
          <input type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          <span>{t('audit.to')}</span>
          <input type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit" className="button--primary" data-testid="audit-search">{t('common.search')}</button>
      </form>
      <div className="summary">
        <strong>{t('audit.total', { total })}</strong>
        {list.loading && <span className="muted">{t('common.loading')}</span>}
      </div>
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && <div className="empty">{t('audit.empty')}</div>}
      {list.data && list.data.items.length > 0 && (
        <table className="table" data-testid="audit-table">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('audit.at')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.action')}</th>
              <th>{t('audit.target')}</th>
              <th>{t('audit.ip')}</th>
              <th>{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((e) => (
              <tr key={e.seq} data-testid="audit-row">
                <td className="muted">{e.seq}</td>
                <td className="nowrap">{fmtDateTime(e.at)}</td>
                <td>{e.actorName ?? e.actorId ?? '—'}</td>
                <td><code>{e.action}</code></td>
                <td className="muted">{[e.targetType, e.targetId].filter(Boolean).join(' ') || '—'}</td>
                <td className="muted">{e.ip ?? ''}</td>
                <td className="details"><code>{e.details ? JSON.stringify(e.details) : ''}</code></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > PAGE_SIZE && <Pager offset={offset} limit={PAGE_SIZE} total={total} onChange={setOffset} />}
    </section>
  );
}
