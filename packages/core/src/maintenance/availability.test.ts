// Availability maths over hand-made state logs: maintenance windows, disabled time, gaps, open
// periods, and local (Asia/Ho_Chi_Minh, UTC+7) day/week/month buckets around midnight.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availabilityPct, mergeIntervals, subtract, tallyCamera, type Interval } from './availability';
import { bucketStart, buckets, localDate } from './local-time';
import type { StatePeriod } from './ports';

const H = 3_600_000;
const T0 = Date.parse('2024-05-01T00:00:00Z');
const p = (state: string, fromH: number, toH: number | null): StatePeriod => ({ cameraId: 'c', state, startMs: T0 + fromH * H, endMs: toH === null ? null : T0 + toH * H });
const w = (fromH: number, toH: number): Interval => ({ start: T0 + fromH * H, end: T0 + toH * H });

const cases: { name: string; periods: StatePeriod[]; maintenance?: Interval[]; range: [number, number]; nowH?: number; expect: { pct: number | null; online: number; down: number; maint?: number; disabled?: number; unmon?: number; longest?: number } }[] = [
  { name: 'always online', periods: [p('online', 0, null)], range: [0, 10], nowH: 20, expect: { pct: 100, online: 10, down: 0 } },
  { name: 'half offline', periods: [p('online', 0, 5), p('offline', 5, null)], range: [0, 10], nowH: 10, expect: { pct: 50, online: 5, down: 5, longest: 5 } },
  { name: 'maintenance window is excluded', periods: [p('online', 0, 4), p('offline', 4, 8), p('online', 8, null)], maintenance: [w(4, 8)], range: [0, 10], nowH: 10, expect: { pct: 100, online: 6, down: 0, maint: 4 } },
  { name: 'maintenance covers part of an outage', periods: [p('online', 0, 4), p('offline', 4, 8), p('online', 8, null)], maintenance: [w(6, 9)], range: [0, 10], nowH: 10, expect: { pct: 71.43, online: 5, down: 2, maint: 3, longest: 2 } },
  { name: 'overlapping windows count once', periods: [p('online', 0, null)], maintenance: [w(1, 3), w(2, 4)], range: [0, 10], nowH: 10, expect: { pct: 100, online: 7, down: 0, maint: 3 } },
  { name: 'disabled time is excluded', periods: [p('online', 0, 2), p('disabled', 2, 6), p('frozen', 6, 8), p('online', 8, null)], range: [0, 10], nowH: 10, expect: { pct: 66.67, online: 4, down: 2, disabled: 4 } },
  { name: 'gaps are unmonitored, not down', periods: [p('online', 2, 4), p('black', 4, 5)], range: [0, 10], nowH: 10, expect: { pct: 66.67, online: 2, down: 1, unmon: 7 } },
  { name: 'open period stops at now', periods: [p('offline', 0, null)], range: [0, 10], nowH: 4, expect: { pct: 0, online: 0, down: 4, unmon: 6 } },
  { name: 'periods clipped to the range', periods: [p('offline', -5, 2), p('online', 2, 20)], range: [0, 10], nowH: 30, expect: { pct: 80, online: 8, down: 2 } },
  { name: 'adjacent down states are one outage', periods: [p('offline', 0, 1), p('frozen', 1, 3), p('online', 3, 4), p('black', 4, 5)], range: [0, 5], nowH: 5, expect: { pct: 20, online: 1, down: 4, longest: 3 } },
  { name: 'nothing measured', periods: [], maintenance: [w(0, 10)], range: [0, 10], nowH: 10, expect: { pct: null, online: 0, down: 0, maint: 10 } },
];

for (const c of cases) {
  test(`tallyCamera: ${c.name}`, () => {
    const t = tallyCamera({ periods: c.periods, maintenance: c.maintenance ?? [], range: w(c.range[0], c.range[1]), nowMs: T0 + (c.nowH ?? 100) * H });
    assert.equal(availabilityPct(t), c.expect.pct);
    assert.equal(t.onlineMs, c.expect.online * H);
    assert.equal(t.downMs, c.expect.down * H);
    if (c.expect.maint !== undefined) assert.equal(t.maintenanceMs, c.expect.maint * H);
    if (c.expect.disabled !== undefined) assert.equal(t.disabledMs, c.expect.disabled * H);
    if (c.expect.unmon !== undefined) assert.equal(t.unmonitoredMs, c.expect.unmon * H);
    if (c.expect.longest !== undefined) assert.equal(t.longestDownMs, c.expect.longest * H);
    // Every millisecond of the range lands in exactly one class.
    assert.equal(t.onlineMs + t.downMs + t.maintenanceMs + t.disabledMs + t.unmonitoredMs, (c.range[1] - c.range[0]) * H);
  });
}

test('a maintenance window across local midnight splits between the two local days', () => {
  // Local midnight 2024-05-02 00:00 +07 = 2024-05-01T17:00Z. Window 22:00-02:00 local = 15:00Z-19:00Z.
  const periods = [p('offline', 0, 48)];
  const win = [{ start: Date.parse('2024-05-01T15:00:00Z'), end: Date.parse('2024-05-01T19:00:00Z') }];
  const days = buckets(Date.parse('2024-04-30T17:00:00Z'), Date.parse('2024-05-02T17:00:00Z'), 'day');
  assert.deepEqual(days.map((d) => d.key), ['2024-05-01', '2024-05-02']);
  const t = days.map((d) => tallyCamera({ periods, maintenance: win, range: d, nowMs: T0 + 100 * H }));
  assert.equal(t[0]!.maintenanceMs, 2 * H);
  assert.equal(t[1]!.maintenanceMs, 2 * H);
  // 2024-05-01 local: 00:00-07:00 unmonitored (log starts 07:00 local), 07:00-22:00 down.
  assert.equal(t[0]!.unmonitoredMs, 7 * H);
  assert.equal(t[0]!.downMs, 15 * H);
  assert.equal(t[1]!.downMs, 22 * H);
});

test('local buckets: day, week (Monday), month in UTC+7', () => {
  assert.equal(localDate(Date.parse('2024-05-01T16:59:59Z')), '2024-05-01');
  assert.equal(localDate(Date.parse('2024-05-01T17:00:00Z')), '2024-05-02');
  assert.equal(new Date(bucketStart(Date.parse('2024-05-01T18:00:00Z'), 'day')).toISOString(), '2024-05-01T17:00:00.000Z');
  // 2024-05-05 is a Sunday; its week starts Monday 2024-04-29 00:00 local.
  assert.equal(new Date(bucketStart(Date.parse('2024-05-05T10:00:00Z'), 'week')).toISOString(), '2024-04-28T17:00:00.000Z');
  assert.equal(new Date(bucketStart(Date.parse('2024-05-31T18:00:00Z'), 'month')).toISOString(), '2024-05-31T17:00:00.000Z');
  const months = buckets(Date.parse('2024-01-15T00:00:00Z'), Date.parse('2024-03-02T00:00:00Z'), 'month');
  assert.deepEqual(months.map((m) => m.key), ['2024-01', '2024-02', '2024-03']);
  assert.equal(months[0]!.start, Date.parse('2024-01-15T00:00:00Z'));
  assert.equal(months[1]!.start, Date.parse('2024-01-31T17:00:00Z'));
  assert.equal(months[2]!.end, Date.parse('2024-03-02T00:00:00Z'));
  const weeks = buckets(Date.parse('2024-04-28T17:00:00Z'), Date.parse('2024-05-12T17:00:00Z'), 'week');
  assert.deepEqual(weeks.map((x) => x.key), ['2024-04-29', '2024-05-06']);
});

test('interval helpers', () => {
  assert.deepEqual(mergeIntervals([{ start: 5, end: 7 }, { start: 1, end: 3 }, { start: 2, end: 5 }, { start: 9, end: 9 }]), [{ start: 1, end: 7 }]);
  assert.deepEqual(subtract({ start: 0, end: 10 }, [{ start: 2, end: 3 }, { start: 8, end: 12 }]), [{ start: 0, end: 2 }, { start: 3, end: 8 }]);
  assert.deepEqual(subtract({ start: 4, end: 6 }, [{ start: 0, end: 10 }]), []);
});
