import type { UnitNode } from '../../hooks/use-units';

interface UnitSelectProps {
  nodes: UnitNode[];
  value: string;
  onChange: (id: string) => void;
  /** Label of the empty choice; omit to force a choice. */
  emptyLabel?: string;
  testId?: string;
  disabled?: boolean;
}

/** Select of units, indented by tree depth. */
export function UnitSelect({ nodes, value, onChange, emptyLabel, testId, disabled }: UnitSelectProps) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} disabled={disabled}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {nodes.map(({ unit, depth }) => (
        <option key={unit.id} value={unit.id}>
          {`${'\u00a0\u00a0'.repeat(depth)}${unit.name}`}
        </option>
      ))}
    </select>
  );
}
