import type { CameraRecord } from '@vigil/core';
import type { AuditEntry, ExportView } from '@vigil/types';

const TZ = 'Asia/Ho_Chi_Minh';
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const local = (iso: string) => new Date(iso).toLocaleString('vi-VN', { timeZone: TZ, hour12: false }) + ' (GMT+7)';

/** A printable chain-of-custody sheet in Vietnamese: what was extracted, by whom, why, with its hash and every access since. */
export function custodySheet(o: { view: ExportView; camera: CameraRecord | null; unitName: string; trail: AuditEntry[] }): string {
  const v = o.view;
  const cam = o.camera;
  const rows: [string, string][] = [
    ['Mã trích xuất', v.id],
    ['Loại', v.kind === 'clip' ? 'Đoạn video (sao chép luồng, không mã hóa lại)' : 'Ảnh tĩnh toàn khung hình'],
    ['Camera', `${v.cameraName} (${v.cameraId})`],
    ['Địa điểm', cam ? `${cam.location.address || '—'}${cam.location.lat !== null ? ` · ${cam.location.lat}, ${cam.location.lng}` : ''}` : '—'],
    ['Đơn vị quản lý', o.unitName],
    ['Thiết bị ghi', cam?.recorder ? `${cam.recorder.name}${cam.recorder.channel !== null ? `, kênh ${cam.recorder.channel}` : ''}` : '—'],
    ['Từ', local(v.from)],
    ['Đến', local(v.to)],
    ['Người yêu cầu', v.requestedBy],
    ['Lý do', v.reason],
    ['Thời điểm trích xuất', local(v.createdAt)],
    ['Dung lượng', `${v.bytes.toLocaleString('vi-VN')} byte`],
    ['SHA-256', v.sha256],
    ['Khoảng trống trong bản ghi', v.gaps.length ? v.gaps.map((g) => `${local(g.start)} – ${local(g.end)}`).join('; ') : 'Không'],
  ];
  const trail = o.trail
    .slice()
    .sort((a, b) => a.seq - b.seq)
    .map((e) => `<tr><td>${e.seq}</td><td>${esc(local(e.at))}</td><td>${esc(e.actorName)}</td><td>${esc(e.action)}</td><td>${esc(e.ip ?? '')}</td></tr>`)
    .join('');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Biên bản trích xuất ${esc(v.id)}</title>
<style>body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2em;color:#111}h1{font-size:1.4em}table{border-collapse:collapse;width:100%;margin:1em 0}
td,th{border:1px solid #999;padding:.4em;text-align:left;vertical-align:top}th{background:#eee;width:30%}code{word-break:break-all}.sign{display:flex;justify-content:space-between;margin-top:3em}</style></head>
<body><h1>BIÊN BẢN TRÍCH XUẤT DỮ LIỆU CAMERA</h1><p>Chuỗi lưu giữ chứng cứ (chain of custody) — Vigil</p>
<table>${rows.map(([k, val]) => `<tr><th>${esc(k)}</th><td>${k === 'SHA-256' ? `<code>${esc(val)}</code>` : esc(val)}</td></tr>`).join('')}</table>
<h2>Lịch sử truy cập</h2><table><tr><th>#</th><th>Thời gian</th><th>Người</th><th>Hành động</th><th>IP</th></tr>${trail}</table>
<p>Kiểm tra tính toàn vẹn: tính SHA-256 của tệp tải về và so sánh với giá trị trên.</p>
<div class="sign"><div>Người trích xuất<br><br><br>${esc(v.requestedBy)}</div><div>Người nhận<br><br><br>&nbsp;</div></div></body></html>`;
}
