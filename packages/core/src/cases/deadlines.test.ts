import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daysLeft, deadlineOf, endOfVnDayAfter, vnDate } from './deadlines';

// [detected at (UTC), days, due (UTC) = 23:59:59.999 Vietnam time of the Vietnam day + days]
const CASES: [string, number, string, string][] = [
  ['2025-01-25T10:00:00Z', 10, '2025-02-04T16:59:59.999Z', 'January into February'],
  // 20:00 UTC on the 31st is already 03:00 on 1 February in Vietnam: the count starts from 1 Feb.
  ['2025-01-31T20:00:00Z', 10, '2025-02-11T16:59:59.999Z', 'UTC day differs from Vietnam day'],
  ['2024-02-25T03:00:00Z', 10, '2024-03-06T16:59:59.999Z', 'leap February'],
  ['2025-02-25T03:00:00Z', 10, '2025-03-07T16:59:59.999Z', 'common February'],
  ['2024-12-20T16:59:59Z', 20, '2025-01-09T16:59:59.999Z', 'year end, last second of the Vietnam day'],
  ['2024-12-20T17:00:00Z', 20, '2025-01-10T16:59:59.999Z', 'year end, first second of the next Vietnam day'],
  ['2025-04-30T23:30:00+07:00', 20, '2025-05-20T16:59:59.999Z', 'offset given in the input'],
];

for (const [from, days, due, why] of CASES) {
  test(`deadline ${days} days after ${from}: ${why}`, () => {
    assert.equal(endOfVnDayAfter(new Date(from), days).toISOString(), due);
  });
}

test('Vietnam calendar day of an instant', () => {
  assert.equal(vnDate(new Date('2025-03-31T16:59:59Z')), '2025-03-31');
  assert.equal(vnDate(new Date('2025-03-31T17:00:00Z')), '2025-04-01');
});

test('days left and state count Vietnam days and flag near and overdue', () => {
  const due = new Date('2025-02-04T16:59:59.999Z');
  assert.equal(daysLeft(new Date('2025-01-31T18:00:00Z'), due), 3); // 1 Feb in Vietnam
  assert.equal(deadlineOf('owner', due, new Date('2025-01-31T18:00:00Z')).state, 'ok');
  assert.equal(deadlineOf('owner', due, new Date('2025-02-03T01:00:00Z')).state, 'near');
  assert.equal(deadlineOf('owner', due, new Date('2025-02-04T16:59:59Z')).state, 'near');
  const late = deadlineOf('owner', due, new Date('2025-02-04T17:00:00Z'));
  assert.equal(late.state, 'overdue');
  assert.equal(late.daysLeft, -1);
});
