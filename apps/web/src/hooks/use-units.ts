import { useMemo } from 'react';
import { unitsApi } from '../api/endpoints';
import type { Unit } from '../api/types';
import { useAsync } from './use-async';

export interface UnitNode {
  unit: Unit;
  depth: number;
}

/** Units the caller may see, plus a depth-first ordering (province > district > commune). */
export function useUnits() {
  const state = useAsync(() => unitsApi.list(), []);
  const units = state.data ?? [];
  const ordered = useMemo(() => orderUnits(units), [units]);
  const byId = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  return { ...state, units, ordered, byId };
}

/** Depth-first tree order; units whose parent is not visible become roots. */
export function orderUnits(units: Unit[]): UnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(key) ?? [];
    list.push(u);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  const out: UnitNode[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
