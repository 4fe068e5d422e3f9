// Health reasons in the operator's language: the server sends each reason as a code with values
// (`reasonCodes`) next to its English text (`reasons`); a code this build does not know, or a row
// stored before codes existed, shows the English text instead.
import type { HealthAlert, HealthReason, HealthState } from '../../api/health';
import type { MessageKey, Translate } from '../../i18n/i18n';

type Values = HealthReason['values'];
const fixed = (v: string | number | undefined, digits: number) => (typeof v === 'number' ? v.toFixed(digits) : String(v ?? ''));
const INGEST = ['connecting', 'online', 'offline', 'stopped'];
const ingest = (t: Translate, v: string | number | undefined) => (INGEST.includes(String(v)) ? t(`hingest.${v as 'offline'}`) : String(v ?? ''));

/** Message and parameters of each known code. */
const REASONS: Record<HealthReason['code'], (t: Translate, v: Values) => string> = {
  no_data_since_start: (t, v) => t('hreason.no_data_since_start', { ingest: ingest(t, v.ingest) }),
  no_data_for: (t, v) => t('hreason.no_data_for', { seconds: v.seconds ?? '', ingest: ingest(t, v.ingest) }),
  recording_error: (t, v) => t('hreason.recording_error', { error: v.error ?? '' }),
  disk_almost_full: (t, v) => t('hreason.disk_almost_full', { freeGb: fixed(v.freeGb, 1) }),
  black: (t, v) => t('hreason.black', { brightness: v.brightness ?? '' }),
  frozen: (t) => t('hreason.frozen'),
  covered: (t) => t('hreason.covered'),
  out_of_focus: (t) => t('hreason.out_of_focus'),
  scene_changed: (t, v) => t('hreason.scene_changed', { similarity: fixed(v.similarity, 2) }),
  low_frame_rate: (t, v) => t('hreason.low_frame_rate', { fps: fixed(v.fps, 1), normalFps: fixed(v.normalFps, 1) }),
  low_bitrate: (t, v) => t('hreason.low_bitrate', { kbps: v.kbps ?? '', normalKbps: v.normalKbps ?? '' }),
  clock_drift: (t, v) => t(v.direction === 'fast' ? 'hreason.clock_drift.fast' : 'hreason.clock_drift.slow', { percent: fixed(v.percent, 1) }),
};

/** Every code the UI translates (for tests: each must have a message in both languages). */
export const REASON_CODES = Object.keys(REASONS) as HealthReason['code'][];
/** Message keys used by the reasons (for tests). */
export const REASON_KEYS: MessageKey[] = [
  ...REASON_CODES.filter((c) => c !== 'clock_drift').map((c) => `hreason.${c}` as MessageKey),
  'hreason.clock_drift.fast', 'hreason.clock_drift.slow', ...INGEST.map((s) => `hingest.${s}` as MessageKey),
];

/** One reason translated, or null when its code is unknown to this build. */
export function reasonLabel(t: Translate, r: { code: string; values?: Values }): string | null {
  const f = (REASONS as Record<string, (t: Translate, v: Values) => string>)[r.code];
  return f ? f(t, r.values ?? {}) : null;
}

/** The reasons of a camera, translated one by one; each unknown code falls back to its English text. */
export function reasonList(t: Translate, codes: readonly HealthReason[] | undefined, english: readonly string[]): string[] {
  if (!codes || codes.length === 0) return [...english];
  return codes.map((r, i) => reasonLabel(t, r) ?? english[i] ?? r.code);
}

/** The reasons joined for one line (health table, map popup). */
export function reasonsText(t: Translate, codes: readonly HealthReason[] | undefined, english: readonly string[]): string {
  return reasonList(t, codes, english).join('; ');
}

/** An alert's reasons translated; the stored English message when codes are absent (old alerts) or unknown. */
export function alertReasonText(t: Translate, a: Pick<HealthAlert, 'kind' | 'message' | 'reasonCodes'>): string {
  if (!a.reasonCodes) return a.message;
  if (a.reasonCodes.length === 0) return t(`hstate.${a.kind as HealthState}`);
  const labels = a.reasonCodes.map((r) => reasonLabel(t, r));
  return labels.every((l) => l !== null) ? labels.join('; ') : a.message;
}
