import type { CameraStatus } from '../../api/types';
import { useT } from '../../i18n/i18n';

export function StatusBadge({ status }: { status: CameraStatus }) {
  const t = useT();
  return (
    <span className={`badge badge--${status}`} data-testid="camera-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
