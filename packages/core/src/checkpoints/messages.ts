import type { ScanReason, ScanReasonCode, CheckpointRuleActions, ScanVerdict } from '@vigil/types';

/** Station text for every reason (Vietnamese first: officers read it at the barrier). */
export const REASON_TEXT: Record<ScanReasonCode, { vi: string; en: string }> = {
  ok: { vi: 'Hợp lệ, được qua', en: 'Valid, may pass' },
  malformed: { vi: 'Mã không hợp lệ hoặc đọc sai', en: 'Invalid or misread code' },
  unsupported_kind: { vi: 'Loại mã không được chấp nhận tại chốt này', en: 'Code type not accepted at this checkpoint' },
  id_inconsistent: { vi: 'Số định danh không khớp ngày sinh/giới tính (nghi giả mạo)', en: 'ID number does not match birth date/sex (possible forgery)' },
  card_expired: { vi: 'Thẻ căn cước đã hết hạn', en: 'ID card has expired' },
  declaration_expired: { vi: 'Tờ khai đã hết hạn', en: 'Declaration has expired' },
  declaration_not_yet_valid: { vi: 'Tờ khai chưa có hiệu lực', en: 'Declaration not yet valid' },
  declaration_too_long: { vi: 'Thời hạn tờ khai vượt quá mức cho phép', en: 'Declaration validity exceeds the limit' },
  bad_signature: { vi: 'Chữ ký số không hợp lệ (mã giả mạo)', en: 'Invalid signature (forged code)' },
  unknown_issuer: { vi: 'Cơ quan cấp không được công nhận', en: 'Unknown issuer' },
  replayed: { vi: 'Mã đã được sử dụng trước đó', en: 'Code already used (replay)' },
  flagged: { vi: 'Có tên trong danh sách cần kiểm tra', en: 'Listed as flagged' },
  wanted: { vi: 'Đối tượng bị truy nã / cấm đi lại', en: 'Wanted or barred from travel' },
  permit_missing: { vi: 'Không có giấy phép đi lại', en: 'No travel permit' },
  permit_expired: { vi: 'Giấy phép đi lại đã hết hạn', en: 'Travel permit has expired' },
  health_missing: { vi: 'Không có thông tin y tế bắt buộc', en: 'Required health status missing' },
  health_status: { vi: 'Tình trạng y tế không đáp ứng yêu cầu', en: 'Health status not accepted' },
  registry_unavailable: { vi: 'Không kết nối được cơ sở dữ liệu quốc gia', en: 'National registry unreachable' },
  offline_unverified: { vi: 'Ngoại tuyến: chưa xác minh được đầy đủ', en: 'Offline: could not fully verify' },
};

/** What each reason leads to unless a checkpoint's rules say otherwise. */
export const DEFAULT_ACTIONS: Record<ScanReasonCode, ScanVerdict> = {
  ok: 'pass',
  malformed: 'officer',
  unsupported_kind: 'officer',
  id_inconsistent: 'deny',
  card_expired: 'officer',
  declaration_expired: 'deny',
  declaration_not_yet_valid: 'deny',
  declaration_too_long: 'deny',
  bad_signature: 'deny',
  unknown_issuer: 'deny',
  replayed: 'deny',
  flagged: 'deny',
  wanted: 'deny',
  permit_missing: 'officer',
  permit_expired: 'officer',
  health_missing: 'officer',
  health_status: 'deny',
  registry_unavailable: 'officer',
  offline_unverified: 'officer',
};

const RANK: Record<ScanVerdict, number> = { pass: 0, officer: 1, deny: 2 };

export function worstVerdict(a: ScanVerdict, b: ScanVerdict): ScanVerdict {
  return RANK[b] > RANK[a] ? b : a;
}

export function reasonOf(code: ScanReasonCode, actions: CheckpointRuleActions = {}): ScanReason {
  const t = REASON_TEXT[code];
  return { code, verdict: actions[code] ?? DEFAULT_ACTIONS[code], message: t.vi, messageEn: t.en };
}

/**
 * ScanVerdict from findings: the strictest action wins; no finding (or only ones a checkpoint set to
 * "pass") is a pass with reason `ok` first, so the screen always has something to say.
 */
export function decideVerdict(findings: readonly ScanReasonCode[], actions: CheckpointRuleActions = {}): { verdict: ScanVerdict; reasons: ScanReason[] } {
  const reasons = [...new Set(findings)].filter((c) => c !== 'ok').map((c) => reasonOf(c, actions));
  const verdict = reasons.reduce<ScanVerdict>((v, r) => worstVerdict(v, r.verdict), 'pass');
  reasons.sort((a, b) => RANK[b.verdict] - RANK[a.verdict]);
  if (verdict === 'pass') reasons.unshift(reasonOf('ok', actions));
  return { verdict, reasons };
}
