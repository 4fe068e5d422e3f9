import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HealthReasonCode, type HealthReason } from '@vigil/types';
import { HEALTH_REASON_TEXT, healthReason, healthReasonText } from './reasons';

/** One example of every code with the English text the tracker has always produced for it. */
const EXAMPLES: [HealthReason, string][] = [
  [healthReason('no_data_since_start', { ingest: 'offline' }), 'no data since watching started (offline)'],
  [healthReason('no_data_for', { seconds: 12, ingest: 'connecting' }), 'no data for 12 s (connecting)'],
  [healthReason('recording_error', { error: 'ffmpeg exited with code 1' }), 'recording: ffmpeg exited with code 1'],
  [healthReason('disk_almost_full', { freeGb: 1 }), 'recording: disk almost full (1.0 GB free)'],
  [healthReason('black', { brightness: 3 }), 'picture black (brightness 3)'],
  [healthReason('frozen'), 'picture does not change'],
  [healthReason('covered'), 'view covered or sprayed'],
  [healthReason('out_of_focus'), 'picture out of focus'],
  [healthReason('scene_changed', { similarity: 0.3 }), 'scene differs from its reference (similarity 0.30)'],
  [healthReason('low_frame_rate', { fps: 5, normalFps: 25 }), 'frame rate 5.0 fps, normally 25.0'],
  [healthReason('low_bitrate', { kbps: 300, normalKbps: 2000 }), 'bitrate 300 kb/s, normally 2000'],
  [healthReason('clock_drift', { direction: 'fast', percent: 7.5 }), 'stream clock fast by 7.5%'],
];

test('every reason code has English text', () => {
  assert.deepEqual(Object.keys(HEALTH_REASON_TEXT).sort(), [...HealthReasonCode.options].sort());
  for (const code of HealthReasonCode.options) {
    const text = healthReasonText(healthReason(code));
    assert.ok(typeof text === 'string' && text.length > 0, code);
  }
});

test('the English text of each code is the text reasons have always carried', () => {
  assert.deepEqual(new Set(EXAMPLES.map(([r]) => r.code)), new Set(HealthReasonCode.options), 'one example per code');
  for (const [r, text] of EXAMPLES) assert.equal(healthReasonText(r), text, r.code);
});
