import type { HealthReason, HealthReasonCode } from '@vigil/types';

type Values = HealthReason['values'];
const num = (v: string | number | undefined) => Number(v ?? 0);
const str = (v: string | number | undefined) => String(v ?? '');

/**
 * The English text of each reason code: what `reasons: string[]` has always carried (scripts read it),
 * now made from the code and its values so the text and the code never disagree.
 */
export const HEALTH_REASON_TEXT: Record<HealthReasonCode, (v: Values) => string> = {
  no_data_since_start: (v) => `no data since watching started (${str(v.ingest)})`,
  no_data_for: (v) => `no data for ${str(v.seconds)} s (${str(v.ingest)})`,
  recording_error: (v) => `recording: ${str(v.error)}`,
  disk_almost_full: (v) => `recording: disk almost full (${num(v.freeGb).toFixed(1)} GB free)`,
  black: (v) => `picture black (brightness ${str(v.brightness)})`,
  frozen: () => 'picture does not change',
  covered: () => 'view covered or sprayed',
  out_of_focus: () => 'picture out of focus',
  scene_changed: (v) => `scene differs from its reference (similarity ${num(v.similarity).toFixed(2)})`,
  low_frame_rate: (v) => `frame rate ${num(v.fps).toFixed(1)} fps, normally ${num(v.normalFps).toFixed(1)}`,
  low_bitrate: (v) => `bitrate ${str(v.kbps)} kb/s, normally ${str(v.normalKbps)}`,
  clock_drift: (v) => `stream clock ${str(v.direction)} by ${num(v.percent).toFixed(1)}%`,
};

/** A reason with its values. */
export function healthReason(code: HealthReasonCode, values: Values = {}): HealthReason {
  return { code, values };
}

/** The English text of one reason. */
export function healthReasonText(r: HealthReason): string {
  return HEALTH_REASON_TEXT[r.code](r.values);
}
