import type { HealthState } from '../../api/health';
import { useT } from '../../i18n/i18n';
import { STATE_COLOUR } from './format';

/** A state name on its colour. */
export function StateBadge({ state }: { state: HealthState }) {
  const t = useT();
  return (
    <span className="hbadge" style={{ background: STATE_COLOUR[state] ?? '#777' }} data-testid="state-badge" data-state={state}>
      {t(`hstate.${state}`)}
    </span>
  );
}
