import type { EventRecord, SqlAnalyticsStore } from '@vigil/storage';
import type { EvidenceRef, ObjectClass, Rule, RuleKind, VehicleType } from '@vigil/types';
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context';
import { caseServices, type CaseServices } from '../cases/services';
import { ClipEvidence } from './clip-evidence';

/** Catalogue keys (packages/core/src/cases/catalogue-data.ts) of the violations a rule can prove. */
const TYPE_KEYS: Partial<Record<RuleKind, Record<'car' | 'motorbike', string>>> = {
  red_light: { car: 'red_light_car', motorbike: 'red_light_motorbike' },
  wrong_way: { car: 'wrong_way_car', motorbike: 'wrong_way_motorbike' },
  parking: { car: 'illegal_parking_car', motorbike: 'illegal_parking_motorbike' },
  stop_line: { car: 'stop_line_car', motorbike: 'stop_line_motorbike' },
};

/** Vehicle type of the decree for a detected class; bicycles and people carry no plate. */
export function vehicleTypeOf(c: ObjectClass): Exclude<VehicleType, 'none' | 'ebike'> | null {
  if (c === 'car' || c === 'bus' || c === 'truck') return 'car';
  if (c === 'motorcycle') return 'motorbike';
  return null;
}

const COLOURS = ['white', 'yellow', 'blue', 'red'] as const;
const plateColour = (c: unknown): (typeof COLOURS)[number] => COLOURS.find((x) => x === c) ?? 'white';

export type CaseOutcome = { caseId: string } | { skipped: string };

/**
 * Opens a violation case ("phạt nguội") for an event of a rule marked `createCase`, through the
 * cases intake service as the system, with the event's evidence: the snapshot (hash of the stored
 * JPEG), the clip span as a reference to the recording (`/api/recordings/play.mp4`) and, once the
 * span is recorded, the clip itself cut by the export service. Traffic cases need a plate: without a
 * read plate nothing is opened.
 */
export class ViolationCases {
  private svc: CaseServices | null = null;
  readonly clips: ClipEvidence;

  constructor(
    private readonly ctx: VigilContext,
    private readonly store: SqlAnalyticsStore,
    private readonly log: FastifyBaseLogger,
  ) {
    this.clips = new ClipEvidence(ctx, () => this.services(), log);
  }

  private services(): CaseServices {
    this.svc ??= caseServices(this.ctx);
    return this.svc;
  }

  async open(e: EventRecord, rule: Rule, snapshotSha256: string | null): Promise<CaseOutcome> {
    if (!rule.createCase) return { skipped: 'rule does not create cases' };
    const keys = TYPE_KEYS[e.ruleKind];
    if (!keys) return { skipped: `no violation type for ${e.ruleKind}` };
    const vehicleType = vehicleTypeOf(e.class);
    if (!vehicleType) return { skipped: `no plate on a ${e.class}` };
    if (!e.plate) return { skipped: 'no plate read' };
    const phase = typeof e.details.phase === 'string' ? (e.details.phase as EvidenceRef['signalState']) : undefined;
    const evidence: EvidenceRef[] = [
      { kind: 'frame', ref: `/api/events/${e.id}/snapshot.jpg`, capturedAt: e.at, cameraId: e.cameraId, ...(snapshotSha256 ? { sha256: snapshotSha256 } : {}), ...(phase ? { signalState: phase } : {}) },
      { kind: 'clip', ref: `/api/recordings/play.mp4?cameraId=${encodeURIComponent(e.cameraId)}&from=${encodeURIComponent(e.clip.from)}&to=${encodeURIComponent(e.clip.to)}`, capturedAt: e.clip.from, cameraId: e.cameraId, note: 'clip span of the event; export it from the recording' },
    ];
    const v = await this.services().cases.intake(await this.ctx.system(), {
      cameraId: e.cameraId,
      occurredAt: e.at,
      typeCode: keys[vehicleType],
      plate: { text: e.plate, colour: plateColour(e.details.plateColour), vehicleType },
      source: 'analytics',
      eventId: e.id,
      evidence,
      note: `${e.ruleName} (${e.ruleKind}, track ${e.trackId})`,
    });
    await this.store.setCase(e.id, v.id);
    this.clips.schedule(e, v.id);
    this.log.info({ eventId: e.id, caseId: v.id }, 'analytics opened a violation case');
    return { caseId: v.id };
  }
}
