// Side panel listing the cameras the user may watch: search by name or unit, click or drag one
// onto a tile.
import { useMemo, useState } from 'react';
import type { Camera } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { CAMERA_DRAG_TYPE } from './live-tile';

interface CameraPickerProps {
  cameras: Camera[];
  onPick: (camera: Camera) => void;
  /** Ids already on the wall, marked in the list. */
  used?: ReadonlySet<string>;
  /** Reports the filtered list (the tour takes it). */
  onFiltered?: (cameras: Camera[]) => void;
  title?: string;
}

/** Lower-case text without Vietnamese diacritics, so "ho xa" finds "Hồ Xá". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export function filterCameras(cameras: Camera[], q: string): Camera[] {
  const needle = fold(q.trim());
  if (!needle) return cameras;
  return cameras.filter((c) => fold(`${c.name} ${c.unitName}`).includes(needle));
}

export function CameraPicker({ cameras, onPick, used, onFiltered, title }: CameraPickerProps) {
  const t = useT();
  const [q, setQ] = useState('');
  const list = useMemo(() => filterCameras(cameras, q), [cameras, q]);
  return (
    <aside className="picker" data-testid="camera-picker">
      <div className="picker__head">
        <strong>{title ?? t('video.picker.title')}</strong>
        <span className="muted small">{list.length}</span>
      </div>
      <input
        type="search"
        value={q}
        placeholder={t('video.picker.search')}
        onChange={(e) => {
          setQ(e.target.value);
          onFiltered?.(filterCameras(cameras, e.target.value));
        }}
        data-testid="picker-search"
      />
      <ul className="picker__list">
        {list.map((c) => (
          <li key={c.id}>
            <button
              type="button"
              className={`picker__item${used?.has(c.id) ? ' picker__item--used' : ''}`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(CAMERA_DRAG_TYPE, c.id);
                e.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => onPick(c)}
              data-testid="picker-camera"
              data-camera-id={c.id}
              title={`${c.name} · ${c.unitName}`}
            >
              <span className={`dot dot--${c.status === 'online' ? 'live' : c.status === 'offline' ? 'offline' : 'connecting'}`} />
              <span className="picker__name">{c.name}</span>
              <span className="picker__unit">{c.unitName}</span>
            </button>
          </li>
        ))}
        {!list.length && <li className="muted small picker__none">{t('video.picker.none')}</li>}
      </ul>
    </aside>
  );
}
