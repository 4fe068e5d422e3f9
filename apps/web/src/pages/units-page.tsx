import { useState } from 'react';
import { unitsApi } from '../api/endpoints';
import type { Unit } from '../api/types';
import { canEditUnits } from '../auth/permissions';
import { ErrorAlert } from '../components/ui/alert';
import { CsvImport } from '../components/ui/csv-import';
import { useUser } from '../hooks/use-auth';
import { useUnits } from '../hooks/use-units';
import { useT } from '../i18n/i18n';
import { UnitCreateForm } from '../views/unit-create-form';
import { UnitTree } from '../views/unit-tree';

export function UnitsPage() {
  const t = useT();
  const user = useUser();
  const canEdit = canEditUnits(user.role);
  const units = useUnits();
  const [error, setError] = useState<unknown>();

  async function remove(u: Unit) {
    if (!window.confirm(t('units.confirmDelete', { name: u.name }))) return;
    setError(undefined);
    try {
      await unitsApi.remove(u.id);
      units.reload();
    } catch (err) {
      setError(err);
    }
  }

  return (
    <section className="page">
      <div className="page__head">
        <h1>{t('units.title')}</h1>
        <div className="page__tools">
          {canEdit && <CsvImport upload={unitsApi.importCsv} onDone={() => units.reload()} hint={t('units.csvHint')} testId="unit-import" />}
        </div>
      </div>
      {canEdit && <div className="muted small">{t('units.csvHint')}</div>}
      <ErrorAlert error={error ?? units.error} />
      <div className={canEdit ? 'split' : ''}>
        <div className="card">{units.loading && !units.data ? t('common.loading') : <UnitTree nodes={units.ordered} canEdit={canEdit} onDelete={(u) => void remove(u)} />}</div>
        {canEdit && <UnitCreateForm nodes={units.ordered} onCreated={() => units.reload()} />}
      </div>
    </section>
  );
}
