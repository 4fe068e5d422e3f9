// State of the video wall: grid, cells, two-screen mode, tour, selection. Kept in localStorage so
// the second screen's window (`#/wall?screen=2`) follows the first one through `storage` events.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { WallGrid, WallLayout, WallTour } from '../api/video';

export interface WallState {
  grid: WallGrid;
  /** 2x2 or 3x3 spread over two screens: cells hold twice the grid. */
  twoScreens: boolean;
  cells: (string | null)[];
  tour: WallTour | null;
  /** When the running tour started (epoch ms); null when stopped. Both screens page from it. */
  tourStartedAt: number | null;
  layoutId: string | null;
  name: string;
}

const STORAGE_KEY = 'vigil.wall';
export const GRIDS: WallGrid[] = [1, 4, 9, 16];
export const DEFAULT_TOUR_SEC = 10;

/** Cells of the whole layout (both screens). */
export function cellCount(grid: WallGrid, twoScreens: boolean): number {
  return grid * (twoScreens && (grid === 4 || grid === 9) ? 2 : 1);
}

function fit(cells: (string | null)[], n: number): (string | null)[] {
  return Array.from({ length: n }, (_, i) => cells[i] ?? null);
}

const EMPTY: WallState = { grid: 4, twoScreens: false, cells: fit([], 4), tour: null, tourStartedAt: null, layoutId: null, name: '' };

function load(): WallState {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return EMPTY;
    const s = { ...EMPTY, ...(JSON.parse(raw) as Partial<WallState>) };
    if (!GRIDS.includes(s.grid)) return EMPTY;
    return { ...s, cells: fit(s.cells, cellCount(s.grid, s.twoScreens)) };
  } catch (err) {
    console.warn('wall: stored state unreadable, starting empty', err);
    return EMPTY;
  }
}

/** A saved layout as wall state; more cells than the grid means it was made for two screens. */
export function fromLayout(l: WallLayout): WallState {
  const twoScreens = (l.grid === 4 || l.grid === 9) && l.cells.length > l.grid;
  return {
    grid: l.grid,
    twoScreens,
    cells: fit(l.cells, cellCount(l.grid, twoScreens)),
    tour: l.tour,
    tourStartedAt: l.tour ? Date.now() : null,
    layoutId: l.id,
    name: l.name,
  };
}

export interface WallControls {
  wall: WallState;
  /** Cameras shown in each cell right now (the tour's page when a tour runs). */
  shown: (string | null)[];
  selected: number;
  setSelected: (i: number) => void;
  setGrid: (g: WallGrid) => void;
  setTwoScreens: (on: boolean) => void;
  /** Puts a camera into cell `i` (or the selected one) and selects the next cell. */
  place: (cameraId: string | null, i?: number) => void;
  startTour: (cameraIds: string[], intervalSec: number) => void;
  stopTour: () => void;
  replace: (s: WallState) => void;
  patch: (p: Partial<WallState>) => void;
}

export function useWallState(): WallControls {
  const [wall, setWall] = useState<WallState>(load);
  const [selected, setSelected] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(wall));
  }, [wall]);
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY && e.newValue) setWall(load());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  // The tour pages on a clock so both screens turn together.
  const touring = wall.tour && wall.tourStartedAt !== null;
  useEffect(() => {
    if (!touring) return;
    const id = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(id);
  }, [touring]);

  const shown = useMemo(() => {
    const { tour, tourStartedAt, cells } = wall;
    if (!tour || tourStartedAt === null || !tour.cameraIds.length) return cells;
    const ids = tour.cameraIds;
    const page = Math.max(0, Math.floor((now - tourStartedAt) / (tour.intervalSec * 1000)));
    const offset = (page * cells.length) % ids.length;
    return cells.map((_, i) => (i < ids.length ? ids[(offset + i) % ids.length]! : null));
  }, [wall, now]);

  const setGrid = useCallback((grid: WallGrid) => {
    setWall((w) => ({ ...w, grid, cells: fit(w.cells, cellCount(grid, w.twoScreens)) }));
    setSelected((s) => Math.min(s, grid - 1));
  }, []);
  const setTwoScreens = useCallback((twoScreens: boolean) => {
    setWall((w) => ({ ...w, twoScreens, cells: fit(w.cells, cellCount(w.grid, twoScreens)) }));
  }, []);
  const place = useCallback(
    (cameraId: string | null, i?: number) => {
      const at = i ?? selected;
      setWall((w) => ({ ...w, cells: w.cells.map((c, k) => (k === at ? cameraId : c)) }));
      if (cameraId && i === undefined) setSelected((s) => (s + 1) % Math.max(1, wall.cells.length));
    },
    [selected, wall.cells.length],
  );
  const startTour = useCallback((cameraIds: string[], intervalSec: number) => {
    const t = Date.now();
    setNow(t);
    setWall((w) => ({ ...w, tour: { cameraIds: cameraIds.slice(0, 500), intervalSec }, tourStartedAt: t }));
  }, []);
  const stopTour = useCallback(() => setWall((w) => ({ ...w, tourStartedAt: null })), []);
  const replace = useCallback((s: WallState) => {
    setWall(s);
    setSelected(0);
  }, []);
  const patch = useCallback((p: Partial<WallState>) => setWall((w) => ({ ...w, ...p })), []);

  return { wall, shown, selected, setSelected, setGrid, setTwoScreens, place, startTour, stopTour, replace, patch };
}
