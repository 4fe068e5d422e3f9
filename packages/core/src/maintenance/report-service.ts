import type { AvailabilityQuery, AvailabilityReport, AvailabilityRow } from '@vigil/types';
import { type Actor, assertCan, assertInScope } from '../auth/permissions';
import type { CameraRecord, CameraStore, Clock, UnitStore } from '../ports';
import { subtreeOf } from '../units/unit-service';
import { type Interval, type Tally, addTally, availabilityPct, emptyTally, tallyCamera } from './availability';
import { REPORT_TIME_ZONE, buckets } from './local-time';
import type { HealthHistory, StatePeriod, TicketStore, WindowStore } from './ports';

export interface ReportDeps {
  cameras: CameraStore;
  units: UnitStore;
  windows: WindowStore;
  tickets: TicketStore;
  history: HealthHistory;
  clock: Clock;
}

const mean = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);

function row(key: string, label: string, cameras: number, t: Tally): AvailabilityRow {
  const { longestDownMs: _l, ...rest } = t;
  return { key, label, cameras, availabilityPct: availabilityPct(t), ...rest };
}

/** Availability per camera / unit / local day, week, month; mean time to detect and repair; longest outages. */
export class HealthReportService {
  constructor(private readonly d: ReportDeps) {}

  async availability(actor: Actor, q: Omit<AvailabilityQuery, 'format'>): Promise<AvailabilityReport> {
    assertCan(actor, 'health:read');
    const units = await this.d.units.all();
    let unitIds = [...actor.scope];
    if (q.unitId) {
      assertInScope(actor, q.unitId, 'unit');
      unitIds = [...subtreeOf(units, q.unitId)];
    }
    const fromMs = Date.parse(q.from);
    const toMs = Date.parse(q.to);
    const nowMs = this.d.clock.now().getTime();
    const cameras = unitIds.length ? (await this.d.cameras.list({ unitIds, limit: 1_000_000, offset: 0 })).rows : [];
    const ids = cameras.map((c) => c.id);
    const periods = groupBy(ids.length ? await this.d.history.periods(ids, fromMs, toMs) : [], (p) => p.cameraId);
    const windows = groupBy(
      (await this.d.windows.list({ unitIds, from: q.from, to: q.to })).map((w) => ({ cameraId: w.cameraId, start: Date.parse(w.from), end: Date.parse(w.to) })),
      (w) => w.cameraId,
    );
    const tally = (c: CameraRecord, range: Interval) => tallyCamera({ periods: periods.get(c.id) ?? [], maintenance: windows.get(c.id) ?? [], range, nowMs });
    const whole = new Map(cameras.map((c) => [c.id, tally(c, { start: fromMs, end: toMs })]));
    const overallTally = [...whole.values()].reduce(addTally, emptyTally());

    let rows: AvailabilityRow[];
    if (q.groupBy === 'camera') {
      rows = cameras.map((c) => row(c.id, c.name, 1, whole.get(c.id)!));
    } else if (q.groupBy === 'unit') {
      const names = new Map(units.map((u) => [u.id, u.name]));
      rows = [...groupBy(cameras, (c) => c.unitId)].map(([unitId, cams]) =>
        row(unitId, names.get(unitId) ?? unitId, cams.length, cams.map((c) => whole.get(c.id)!).reduce(addTally, emptyTally())),
      );
      rows.sort((a, b) => a.label.localeCompare(b.label, 'vi'));
    } else {
      rows = buckets(fromMs, toMs, q.groupBy).map((b) =>
        row(b.key, b.key, cameras.length, cameras.map((c) => tally(c, b)).reduce(addTally, emptyTally())),
      );
    }

    const longestDown = cameras
      .map((c) => ({ c, t: whole.get(c.id)!, cur: current(periods.get(c.id)) }))
      .filter((x) => x.t.downMs > 0)
      .sort((a, b) => b.t.downMs - a.t.downMs || b.t.longestDownMs - a.t.longestDownMs)
      .slice(0, 10)
      .map(({ c, t, cur }) => ({ cameraId: c.id, cameraName: c.name, unitId: c.unitId, downMs: t.downMs, longestMs: t.longestDownMs, currentState: (cur?.state ?? null) as AvailabilityReport['longestDown'][number]['currentState'], availabilityPct: availabilityPct(t) }));

    const alerts = await this.d.history.alertsBetween(unitIds, q.from, q.to);
    const inRange = (iso: string | null) => iso !== null && Date.parse(iso) >= fromMs && Date.parse(iso) < toMs;
    const opened = alerts.filter((a) => inRange(a.openedAt));
    const resolved = alerts.filter((a) => inRange(a.resolvedAt));
    const fixed = await this.d.tickets.fixedBetween(unitIds, new Date(fromMs).toISOString(), new Date(toMs).toISOString());
    return {
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      groupBy: q.groupBy,
      timeZone: REPORT_TIME_ZONE,
      rows,
      overall: row('all', 'all', cameras.length, overallTally),
      mttdMs: mean(opened.map((a) => a.detectedAfterMs)),
      mttrTicketMs: mean(fixed.map((t) => Date.parse(t.fixedAt) - Date.parse(t.createdAt))),
      mttrAlertMs: mean(resolved.map((a) => Date.parse(a.resolvedAt!) - Date.parse(a.openedAt))),
      alerts: opened.length,
      longestDown,
    };
  }
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const arr = out.get(k);
    if (arr) arr.push(x);
    else out.set(k, [x]);
  }
  return out;
}

function current(list: StatePeriod[] | undefined): StatePeriod | undefined {
  return list?.find((p) => p.endMs === null);
}
