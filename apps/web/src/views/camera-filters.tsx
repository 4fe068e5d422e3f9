import { CAMERA_STATUSES, PURPOSES } from '../api/types';
import type { CameraQuery } from '../api/endpoints';
import { UnitSelect } from '../components/ui/unit-select';
import type { UnitNode } from '../hooks/use-units';
import { useT } from '../i18n/i18n';

export type CameraFilters = Required<Pick<CameraQuery, 'unitId' | 'purpose' | 'status' | 'q'>>;
export const EMPTY_FILTERS: CameraFilters = { unitId: '', purpose: '', status: '', q: '' };

interface Props {
  value: CameraFilters;
  onChange: (next: CameraFilters) => void;
  units: UnitNode[];
}

/** Unit / purpose / status selects and free-text search above the camera table. */
export function CameraFiltersBar({ value, onChange, units }: Props) {
  const t = useT();
  const set = (patch: Partial<CameraFilters>) => onChange({ ...value, ...patch });
  return (
    <div className="filters" data-testid="camera-filters">
      <label>
        <span>{t('cameras.filter.unit')}</span>
        <UnitSelect nodes={units} value={value.unitId} onChange={(unitId) => set({ unitId })} emptyLabel={t('common.all')} testId="filter-unit" />
      </label>
      <label>
        <span>{t('cameras.filter.purpose')}</span>
        <select value={value.purpose} onChange={(e) => set({ purpose: e.target.value })} data-testid="filter-purpose">
          <option value="">{t('common.all')}</option>
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t(`purpose.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('cameras.filter.status')}</span>
        <select value={value.status} onChange={(e) => set({ status: e.target.value })} data-testid="filter-status">
          <option value="">{t('common.all')}</option>
          {CAMERA_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters__search">
        <span>{t('common.search')}</span>
        <input
          type="search"
          value={value.q}
          placeholder={t('cameras.filter.q')}
          onChange={(e) => set({ q: e.target.value })}
          data-testid="filter-q"
        />
      </label>
    </div>
  );
}
