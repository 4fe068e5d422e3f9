import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ViolationAction, ViolationStatus } from '@vigil/types';
import { VigilError } from '../errors';
import { TRANSITIONS, actionsFrom, nextStatus } from './workflow';

/** The expected workflow, written out independently of TRANSITIONS: [from, action] -> to. */
const ALLOWED: Record<string, string> = {
  'detected verify': 'verified',
  'detected reject': 'rejected',
  'verified identify_owner': 'owner_identified',
  'verified close': 'closed',
  'owner_identified issue_notice': 'notice_issued',
  'owner_identified close': 'closed',
  'notice_issued resolve': 'resolved',
  'notice_issued escalate': 'escalated',
  'escalated resolve': 'resolved',
  'escalated close': 'closed',
  'resolved close': 'closed',
  'rejected close': 'closed',
};

for (const from of ViolationStatus.options) {
  for (const action of ViolationAction.options) {
    const want = ALLOWED[`${from} ${action}`];
    test(`${from} --${action}--> ${want ?? 'refused'}`, () => {
      if (want) assert.equal(nextStatus(from, action), want);
      else {
        assert.throws(() => nextStatus(from, action), (e: unknown) => e instanceof VigilError && e.code === 'CONFLICT' && e.message.includes(`cannot ${action}`));
      }
    });
  }
}

test('the table has exactly the expected pairs and closed is final', () => {
  const pairs = TRANSITIONS.flatMap((t) => t.from.map((f) => `${f} ${t.action}`)).sort();
  assert.deepEqual(pairs, Object.keys(ALLOWED).sort());
  assert.deepEqual(actionsFrom('closed'), []);
});

test('only reviewers verify; processing needs cases:process', () => {
  assert.equal(TRANSITIONS.find((t) => t.action === 'verify')!.permission, 'cases:review');
  assert.equal(TRANSITIONS.find((t) => t.action === 'reject')!.permission, 'cases:review');
  for (const a of ['identify_owner', 'issue_notice', 'resolve', 'escalate', 'close']) {
    assert.equal(TRANSITIONS.find((t) => t.action === a)!.permission, 'cases:process');
  }
});
