import { useEffect, useState } from 'react';
import { casesApi, type Queue, type Violation } from '../api/cases';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { Pager } from '../components/ui/pager';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { navigate } from '../hooks/use-hash-route';
import { useT } from '../i18n/i18n';
import { deadlineParts, vnTime } from '../views/cases/format';
import '../styles/cases.css';

const QUEUES: Queue[] = ['review', 'owner', 'notice', 'near_deadline', 'escalated', 'all'];
const PAGE = 50;
const EMPTY = { plate: '', place: '', typeCode: '', from: '', to: '' };

/** Work queues of the unit (review, owner look-up, notice, near deadline) with search and bulk verify. */
export function CasesPage() {
  const t = useT();
  const user = useUser();
  const [queue, setQueue] = useState<Queue>('review');
  const [filters, setFilters] = useState(EMPTY);
  const [applied, setApplied] = useState(EMPTY);
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  useEffect(() => setOffset(0), [queue, applied]);
  const summary = useAsync(() => casesApi.summary(), [notice]);
  const list = useAsync(
    (signal) => casesApi.list({
      queue, limit: PAGE, offset, plate: applied.plate, place: applied.place, typeCode: applied.typeCode,
      from: applied.from ? new Date(`${applied.from}T00:00:00+07:00`).toISOString() : undefined,
      to: applied.to ? new Date(`${applied.to}T23:59:59+07:00`).toISOString() : undefined,
    }, signal),
    [queue, applied, offset, notice],
  );
  const items = list.data?.items ?? [];
  const canReview = user.role === 'admin' || user.role === 'officer';
  const canIntake = canReview || user.role === 'operator';

  async function bulkVerify() {
    setError(undefined);
    try {
      const res = await casesApi.bulk([...selected], { action: 'verify' });
      setNotice(t('cases.bulkDone', { done: res.done.length, failed: res.failed.length }));
      setSelected(new Set());
    } catch (err) {
      setError(err);
    }
  }

  const toggle = (id: string) => setSelected((s) => {
    const n = new Set(s);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  });

  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('cases.title')}</h1>
        <div className="page__tools">
          {canIntake && <button type="button" className="button--primary" data-testid="case-new" onClick={() => navigate('/cases/new')}>+ {t('cases.new')}</button>}
        </div>
      </div>
      <div className="tabs" role="tablist">
        {QUEUES.map((q) => (
          <button key={q} type="button" role="tab" className={q === queue ? 'on' : ''} data-testid={`queue-${q}`} onClick={() => setQueue(q)}>
            {t(`cases.queue.${q}`)}
            {summary.data?.[q] !== undefined && <span className={`count${q === 'near_deadline' && summary.data[q] > 0 ? ' count--alert' : ''}`}>{summary.data[q]}</span>}
          </button>
        ))}
      </div>
      <form className="filters" onSubmit={(e) => { e.preventDefault(); setApplied(filters); }}>
        {(['plate', 'place', 'typeCode'] as const).map((k) => (
          <label key={k}>{t(`cases.filter.${k === 'typeCode' ? 'type' : k}`)}
            <input value={filters[k]} data-testid={`filter-${k}`} onChange={(e) => setFilters({ ...filters, [k]: e.target.value })} />
          </label>
        ))}
        {(['from', 'to'] as const).map((k) => (
          <label key={k}>{t(`cases.filter.${k}`)}<input type="date" value={filters[k]} onChange={(e) => setFilters({ ...filters, [k]: e.target.value })} /></label>
        ))}
        <button type="submit" className="button" data-testid="filter-apply">{t('common.search')}</button>
      </form>
      <div className="summary">
        <strong data-testid="case-count">{t('cases.count', { total: `${list.data?.total ?? 0}${list.data?.capped ? '+' : ''}` })}</strong>
        {canReview && queue === 'review' && selected.size > 0 && (
          <button type="button" className="button" data-testid="bulk-verify" onClick={() => void bulkVerify()}>{t('cases.bulkVerify')} ({selected.size})</button>
        )}
        {list.loading && <span className="muted">{t('common.loading')}</span>}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorAlert error={error ?? list.error} />
      <table className="table table--clickable cases-table" data-testid="case-table">
        <thead>
          <tr><th /><th>{t('cases.col.time')}</th><th>{t('cases.col.plate')}</th><th>{t('cases.col.violation')}</th><th>{t('cases.col.place')}</th><th>{t('cases.col.unit')}</th><th>{t('cases.col.status')}</th><th>{t('cases.col.deadline')}</th></tr>
        </thead>
        <tbody>
          {items.map((v) => <CaseRow key={v.id} v={v} checked={selected.has(v.id)} onToggle={() => toggle(v.id)} />)}
        </tbody>
      </table>
      {(list.data?.total ?? 0) > PAGE && <Pager offset={offset} limit={PAGE} total={list.data!.total} onChange={setOffset} />}
    </section>
  );
}

function CaseRow({ v, checked, onToggle }: { v: Violation; checked: boolean; onToggle: () => void }) {
  const t = useT();
  const open = () => navigate(`/cases/${v.id}`);
  const dl = v.deadline && deadlineParts(t, v.deadline);
  return (
    <tr data-testid="case-row" data-plate={v.plate ?? ''} data-status={v.status}>
      <td onClick={(e) => e.stopPropagation()}><input type="checkbox" checked={checked} onChange={onToggle} aria-label="select" /></td>
      <td onClick={open}>{vnTime(v.occurredAt)}</td>
      <td onClick={open}>{v.plateDisplay ? <span className={`plate plate--${v.plateColour}`}>{v.plateDisplay}</span> : <span className="muted subject-clip" title={v.subjectVi ?? undefined}>{v.subjectVi}</span>}</td>
      <td onClick={open} className="details" title={v.rule.titleVi}><a href={`#/cases/${v.id}`}>{v.rule.code}</a> {v.rule.titleVi}</td>
      <td onClick={open} className="details">{v.place}</td>
      <td onClick={open}>{v.unitName}</td>
      <td onClick={open}><span className="badge">{t(`cases.status.${v.status}`)}</span></td>
      <td onClick={open} className={`deadline-cell${v.deadline ? ` deadline--${v.deadline.state}` : ''}`} data-testid="case-row-deadline">
        {dl && (
          <>
            <div className="nowrap">{dl.left}</div>
            <div className="small muted">{dl.due}</div>
          </>
        )}
      </td>
    </tr>
  );
}
