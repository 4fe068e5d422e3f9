import type { ViolationAction, ViolationStatus } from '@vigil/types';
import type { Permission } from '../auth/permissions';
import { VigilError } from '../errors';

/** One allowed step of a case: from which states, to which, and the permission it needs. */
export interface Transition {
  action: ViolationAction;
  from: readonly ViolationStatus[];
  to: ViolationStatus;
  permission: Permission;
}

/**
 * The whole workflow as data. Nothing reaches a citizen (notice, public look-up) without passing
 * `verify`, which only a reviewer may do.
 */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'verify', from: ['detected'], to: 'verified', permission: 'cases:review' },
  { action: 'reject', from: ['detected'], to: 'rejected', permission: 'cases:review' },
  { action: 'identify_owner', from: ['verified'], to: 'owner_identified', permission: 'cases:process' },
  { action: 'issue_notice', from: ['owner_identified'], to: 'notice_issued', permission: 'cases:process' },
  { action: 'resolve', from: ['notice_issued', 'escalated'], to: 'resolved', permission: 'cases:process' },
  { action: 'escalate', from: ['notice_issued'], to: 'escalated', permission: 'cases:process' },
  { action: 'close', from: ['rejected', 'resolved', 'verified', 'owner_identified', 'escalated'], to: 'closed', permission: 'cases:process' },
];

export function transitionFor(action: ViolationAction): Transition {
  return TRANSITIONS.find((t) => t.action === action)!;
}

/** The next state, or CONFLICT naming the current state and what it allows. */
export function nextStatus(from: ViolationStatus, action: ViolationAction): ViolationStatus {
  const t = transitionFor(action);
  if (!t.from.includes(from)) {
    const allowed = TRANSITIONS.filter((x) => x.from.includes(from)).map((x) => x.action);
    throw new VigilError('CONFLICT', `cannot ${action} a case that is ${from}; allowed: ${allowed.join(', ') || 'nothing (final state)'}`, 'action', { from, action });
  }
  return t.to;
}

/** Actions possible from a state (for the UI's buttons). */
export function actionsFrom(from: ViolationStatus): ViolationAction[] {
  return TRANSITIONS.filter((t) => t.from.includes(from)).map((t) => t.action);
}
