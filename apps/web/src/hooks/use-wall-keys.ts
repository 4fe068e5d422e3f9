// Keyboard control of the video wall: 1/4/9/6 grids (6 = 16), arrows move the selected tile,
// Enter enlarges, Esc leaves enlarge/full-screen, T starts/stops the tour, S saves.
import { useEffect, useRef } from 'react';
import type { WallGrid } from '../api/video';

export interface WallKeyHandlers {
  grid: (g: WallGrid) => void;
  move: (dx: number, dy: number) => void;
  enlarge: () => void;
  escape: () => void;
  tour: () => void;
  save: () => void;
}

const GRID_KEYS: Record<string, WallGrid> = { '1': 1, '4': 4, '9': 9, '6': 16 };
const MOVES: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

/** True when a key press belongs to a form control rather than to the wall. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && !!target.closest('input, select, textarea, [contenteditable="true"]');
}

export function useWallKeys(handlers: WallKeyHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const h = ref.current;
      const grid = GRID_KEYS[e.key];
      const move = MOVES[e.key];
      if (grid) h.grid(grid);
      else if (move) h.move(move[0], move[1]);
      else if (e.key === 'Enter') h.enlarge();
      else if (e.key === 'Escape') h.escape();
      else if (e.key === 't' || e.key === 'T') h.tour();
      else if (e.key === 's' || e.key === 'S') h.save();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** Index reached from `i` by moving (dx, dy) in a square grid of `n` tiles, wrapping around. */
export function moveIndex(i: number, n: number, dx: number, dy: number): number {
  const cols = Math.round(Math.sqrt(n));
  const col = (i % cols + dx + cols) % cols;
  const row = (Math.floor(i / cols) + dy + cols) % cols;
  return row * cols + col;
}
