import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HealthReasonCode } from '@vigil/types';
import { en, vi } from '../../i18n/features/health';
import type { HealthReason } from '../../api/health';
import type { Translate } from '../../i18n/i18n';
import { REASON_CODES, REASON_KEYS, alertReasonText, reasonLabel, reasonsText } from './reasons';

/** The app's translate function over one dictionary (same `{name}` substitution as i18n.tsx). */
const translator = (dict: Record<string, string>): Translate => (key, vars) =>
  (dict[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) => (vars && name in vars ? String(vars[name]) : m));
const tVi = translator(vi);
const tEn = translator(en);

test('every reason code the server makes has a message in Vietnamese and English', () => {
  assert.deepEqual([...REASON_CODES].sort(), [...HealthReasonCode.options].sort());
  for (const key of REASON_KEYS) {
    assert.ok((vi as Record<string, string>)[key], `vi ${key}`);
    assert.ok((en as Record<string, string>)[key], `en ${key}`);
  }
  for (const code of REASON_CODES) {
    const text = reasonLabel(tVi, { code, values: { seconds: 1, brightness: 1, similarity: 0.5, fps: 1, normalFps: 2, kbps: 1, normalKbps: 2, percent: 6, freeGb: 1, direction: 'slow', ingest: 'offline', error: 'x' } });
    assert.ok(text && !/\{\w+\}|hreason\.|hingest\./.test(text), `${code}: ${text}`);
  }
});

test('reasons read in Vietnamese with their numbers', () => {
  const codes: HealthReason[] = [
    { code: 'no_data_since_start', values: { ingest: 'offline' } },
    { code: 'no_data_for', values: { seconds: 12, ingest: 'connecting' } },
    { code: 'black', values: { brightness: 3 } },
    { code: 'frozen', values: {} },
    { code: 'scene_changed', values: { similarity: 0.3 } },
  ];
  assert.deepEqual(reasonsText(tVi, codes, []).split('; '), [
    'Không nhận được dữ liệu từ khi bắt đầu theo dõi (mất kết nối)',
    'Không có dữ liệu trong 12 giây (đang kết nối)',
    'Hình đen (độ sáng 3)',
    'Hình không thay đổi (đứng hình)',
    'Khung cảnh khác với hình mẫu (độ giống 0.30)',
  ]);
  assert.equal(reasonLabel(tEn, { code: 'clock_drift', values: { direction: 'fast', percent: 7.5 } }), 'Stream clock fast by 7.5%');
});

test('unknown codes and old rows fall back to the English text', () => {
  const english = ['no data for 4 s (offline)', 'something new'];
  assert.equal(reasonsText(tVi, undefined, english), english.join('; '));
  const mixed = [{ code: 'no_data_for', values: { seconds: 4, ingest: 'offline' } }, { code: 'brand_new', values: {} }] as never;
  assert.equal(reasonsText(tVi, mixed, english), 'Không có dữ liệu trong 4 giây (mất kết nối); something new');
  const alert = { kind: 'black' as const, message: 'Cổng A: picture black (brightness 3)' };
  assert.equal(alertReasonText(tVi, alert), alert.message);
  assert.equal(alertReasonText(tVi, { ...alert, reasonCodes: [{ code: 'black', values: { brightness: 3 } }] }), 'Hình đen (độ sáng 3)');
  assert.equal(alertReasonText(tVi, { ...alert, reasonCodes: [{ code: 'brand_new', values: {} }] as never }), alert.message);
  assert.equal(alertReasonText(tVi, { ...alert, reasonCodes: [] }), 'Màn hình đen');
});
