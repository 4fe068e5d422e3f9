// What each role may see in the UI. The server enforces the real rules; this only hides
// navigation and buttons a role cannot use.
import type { Role } from '../api/types';
import { SECTIONS, findSection } from '../sections';

export type Section = string;

export function canSee(role: Role, section: Section): boolean {
  return findSection(section)?.roles.includes(role) ?? false;
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
  return SECTIONS.find((s) => s.nav !== false && s.roles.includes(role))?.key ?? 'cameras';
}
