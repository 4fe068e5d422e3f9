// What each role may see in the UI. The server enforces the real rules; this only hides
// navigation and buttons a role cannot use.
import type { Role } from '../api/types';

export type Section = 'cameras' | 'map' | 'units' | 'users' | 'audit';

const sections: Record<Section, Role[]> = {
  // Mirrors the server's grants in packages/core/src/auth/permissions.ts (cameras:read, units:read, ...).
  cameras: ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'],
  map: ['admin', 'operator', 'officer', 'unit-viewer', 'auditor'],
  units: ['admin', 'operator', 'officer', 'unit-viewer', 'checkpoint', 'auditor'],
  users: ['admin'],
  audit: ['admin', 'auditor'],
};

export const SECTION_ORDER: Section[] = ['cameras', 'map', 'units', 'users', 'audit'];

export function canSee(role: Role, section: Section): boolean {
  return sections[section].includes(role);
}

/** Adding, editing and deleting cameras. */
export function canEditCameras(role: Role): boolean {
  return role === 'admin' || role === 'operator';
}

/** Creating, importing and deleting administrative units. */
export function canEditUnits(role: Role): boolean {
  return role === 'admin';
}

/** First page a role lands on after login. */
export function homeSection(role: Role): Section {
  return SECTION_ORDER.find((s) => canSee(role, s)) ?? 'cameras';
}
