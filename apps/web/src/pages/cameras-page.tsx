import { useEffect, useMemo, useState } from 'react';
import { camerasApi } from '../api/endpoints';
import type { Camera, CameraStatus } from '../api/types';
import { canEditCameras } from '../auth/permissions';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { CsvImport } from '../components/ui/csv-import';
import { Pager } from '../components/ui/pager';
import { useAsync } from '../hooks/use-async';
import { useUser } from '../hooks/use-auth';
import { navigate } from '../hooks/use-hash-route';
import { useUnits } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import { CameraFiltersBar, EMPTY_FILTERS, type CameraFilters } from '../views/camera-filters';
import { CameraTable } from '../views/camera-table';

const PAGE_SIZE = 50;

export function CamerasPage() {
  const t = useT();
  const user = useUser();
  const canEdit = canEditCameras(user.role);
  const units = useUnits();
  const [filters, setFilters] = useState<CameraFilters>(EMPTY_FILTERS);
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();

  // Debounce the free-text search so typing does not fire a request per key.
  useEffect(() => {
    const id = setTimeout(() => setQ(filters.q.trim()), 250);
    return () => clearTimeout(id);
  }, [filters.q]);
  useEffect(() => setOffset(0), [filters.unitId, filters.purpose, filters.status, q]);

  const list = useAsync(
    (signal) =>
      camerasApi.list(
        { unitId: filters.unitId, purpose: filters.purpose, status: filters.status, q, limit: PAGE_SIZE, offset },
        signal,
      ),
    [filters.unitId, filters.purpose, filters.status, q, offset],
  );
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const byStatus = useMemo(() => countByStatus(items), [items]);

  async function remove(c: Camera) {
    if (!window.confirm(t('cameras.confirmDelete', { name: c.name }))) return;
    setActionError(undefined);
    try {
      await camerasApi.remove(c.id);
      setNotice(t('cameras.deleted'));
      list.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  async function exportCsv() {
    setActionError(undefined);
    try {
      const blob = await camerasApi.exportCsv();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `vigil-cameras-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setActionError(err);
    }
  }

  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('cameras.title')}</h1>
        <div className="page__tools">
          <a
            href="/api/cameras/export.csv"
            className="button"
            data-testid="camera-export"
            onClick={(e) => {
              e.preventDefault();
              void exportCsv();
            }}
          >
            {t('common.exportCsv')}
          </a>
          {canEdit && <CsvImport upload={camerasApi.importCsv} onDone={() => list.reload()} testId="camera-import" />}
          {canEdit && (
            <button type="button" className="button--primary" onClick={() => navigate('/cameras/new')} data-testid="camera-add">
              + {t('cameras.add')}
            </button>
          )}
        </div>
      </div>
      <CameraFiltersBar value={filters} onChange={setFilters} units={units.ordered} />
      <div className="summary" data-testid="camera-count" data-total={total}>
        <strong>{t('cameras.count', { shown: items.length, total })}</strong>
        {Object.entries(byStatus).map(([s, n]) => (
          <span key={s} className={`summary__item badge badge--${s}`}>
            {t(`status.${s as CameraStatus}`)}: {n}
          </span>
        ))}
        {list.loading && <span className="muted">{t('common.loading')}</span>}
      </div>
      {notice && <Alert kind="success">{notice}</Alert>}
      <ErrorAlert error={actionError} />
      <ErrorAlert error={list.error} />
      {list.data && <CameraTable cameras={items} canEdit={canEdit} onDelete={(c) => void remove(c)} />}
      {total > PAGE_SIZE && <Pager offset={offset} limit={PAGE_SIZE} total={total} onChange={setOffset} />}
    </section>
  );
}

function countByStatus(items: Camera[]): Partial<Record<CameraStatus, number>> {
  const out: Partial<Record<CameraStatus, number>> = {};
  for (const c of items) out[c.status] = (out[c.status] ?? 0) + 1;
  return out;
}
