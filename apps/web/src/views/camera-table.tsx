import type { Camera } from '../api/types';
import { StatusBadge } from '../components/ui/status-badge';
import { navigate } from '../hooks/use-hash-route';
import { useT } from '../i18n/i18n';

interface Props {
  cameras: Camera[];
  canEdit: boolean;
  onDelete: (camera: Camera) => void;
}

/** Camera list; a click on a row opens the camera form. */
export function CameraTable({ cameras, canEdit, onDelete }: Props) {
  const t = useT();
  if (cameras.length === 0) return <div className="empty" data-testid="cameras-empty">{t('cameras.empty')}</div>;
  return (
    <table className="table table--clickable" data-testid="camera-table">
      <thead>
        <tr>
          <th>{t('cameras.col.name')}</th>
          <th>{t('cameras.col.unit')}</th>
          <th>{t('cameras.col.status')}</th>
          <th>{t('cameras.col.purposes')}</th>
          <th>{t('cameras.col.place')}</th>
          <th>{t('cameras.col.address')}</th>
          {canEdit && <th className="col-actions">{t('cameras.col.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {cameras.map((c) => (
          <tr
            key={c.id}
            data-testid="camera-row"
            data-camera-id={c.id}
            onClick={() => navigate(`/cameras/${encodeURIComponent(c.id)}`)}
          >
            <td className="strong">
              <a href={`#/cameras/${encodeURIComponent(c.id)}`} onClick={(e) => e.stopPropagation()} data-testid="camera-name">
                {c.name}
              </a>
              {!c.enabled && <span className="tag tag--muted">{t('status.disabled')}</span>}
            </td>
            <td>{c.unitName}</td>
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>
              {c.purposes.map((p) => (
                <span key={p} className={`tag tag--${p}`}>
                  {t(`purpose.${p}`)}
                </span>
              ))}
            </td>
            <td>{t(`place.${c.location.placeType}`)}</td>
            <td className="muted ellipsis" title={c.location.address}>
              {c.location.address}
            </td>
            {canEdit && (
              <td className="col-actions">
                <button
                  type="button"
                  className="button--danger button--small"
                  data-testid="camera-delete"
                  onClick={(e) => {
                    e.stopPropagation();
                    onDelete(c);
                  }}
                >
                  {t('common.delete')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
