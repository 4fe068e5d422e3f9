import type { Unit } from '../api/types';
import type { UnitNode } from '../hooks/use-units';
import { useT } from '../i18n/i18n';

interface Props {
  nodes: UnitNode[];
  canEdit: boolean;
  onDelete: (u: Unit) => void;
}

/** Province > district > commune, indented by depth. */
export function UnitTree({ nodes, canEdit, onDelete }: Props) {
  const t = useT();
  if (!nodes.length) return <div className="empty">{t('units.empty')}</div>;
  return (
    <ul className="tree" data-testid="unit-tree">
      {nodes.map(({ unit, depth }) => (
        <li key={unit.id} style={{ paddingLeft: `${depth * 1.5 + 0.5}rem` }} data-testid="unit-node" data-unit-id={unit.id} data-level={unit.level}>
          <span className={`tree__level tree__level--${unit.level}`}>{t(`level.${unit.level}`)}</span>
          <span className="tree__name">{unit.name}</span>
          <span className="tree__code muted">{unit.code}</span>
          {canEdit && (
            <button type="button" className="button--ghost button--small tree__delete" onClick={() => onDelete(unit)}>
              {t('common.delete')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
