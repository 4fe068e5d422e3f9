import type { Violation } from '@vigil/types';
import { newPdf, pdfBuffer, vnDateTime, vnDayText, vnd } from './pdf';

export const COLOUR_VI: Record<string, string> = { white: 'Nền màu trắng, chữ màu đen', yellow: 'Nền màu vàng, chữ màu đen', blue: 'Nền màu xanh, chữ màu trắng', red: 'Nền màu đỏ, chữ màu trắng' };
export const VEHICLE_VI: Record<string, string> = { car: 'Ô tô', motorbike: 'Xe mô tô, xe gắn máy', ebike: 'Xe máy điện', none: 'Không có phương tiện' };

export interface NoticeInput {
  v: Violation;
  detectingUnit: string;
  resolvingUnit: { name: string; address: string; phone: string };
  /** Image evidence (frames, plate crop) to print; JPEG or PNG bytes. */
  images: { label: string; data: Buffer }[];
}

/** The notice of an administrative violation seen by camera, in Vietnamese, with its evidence images. */
export async function noticePdf({ v, detectingUnit, resolvingUnit, images }: NoticeInput): Promise<Buffer> {
  const doc = newPdf(`Thông báo vi phạm ${v.noticeNo ?? ''}`);
  const line = (label: string, value: string) => doc.font('B').text(`${label}: `, { continued: true }).font('R').text(value);
  doc.fontSize(11).font('B').text(detectingUnit.toUpperCase(), { width: 240, align: 'center' });
  doc.font('R').text(`Số: ${v.noticeNo ?? ''}`, { width: 240, align: 'center' });
  doc.moveUp(2).font('B').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 280, undefined, { align: 'center' });
  doc.font('R').text('Độc lập - Tự do - Hạnh phúc', { align: 'center' });
  doc.text(`Ngày ${vnDayText(v.noticeIssuedAt ?? v.updatedAt)}`, { align: 'center' });
  doc.x = 50;
  doc.moveDown(1.5).fontSize(15).font('B').text('THÔNG BÁO', { align: 'center' });
  doc.fontSize(12).text('Về việc phát hiện vi phạm hành chính qua hệ thống camera giám sát', { align: 'center' });
  doc.moveDown().fontSize(11).font('R');
  if (v.owner) line('Kính gửi', `Ông/Bà ${v.owner.name}, địa chỉ: ${v.owner.address}`);
  doc.moveDown(0.5).text(`${detectingUnit} thông báo: qua hệ thống camera giám sát đã phát hiện phương tiện sau có hành vi vi phạm hành chính:`);
  doc.moveDown(0.5);
  if (v.plateDisplay) line('Biển kiểm soát', v.plateDisplay);
  if (v.plateColour) line('Màu biển', COLOUR_VI[v.plateColour] ?? v.plateColour);
  line('Loại phương tiện', VEHICLE_VI[v.vehicleType] ?? v.vehicleType);
  if (v.subjectVi) line('Đối tượng', v.subjectVi);
  line('Thời gian vi phạm', vnDateTime(v.occurredAt));
  line('Địa điểm vi phạm', v.place);
  line('Hành vi vi phạm', v.rule.titleVi);
  line('Căn cứ', v.rule.legalBasisVi);
  line('Mức phạt tiền', `từ ${vnd(v.rule.fineMin)} đến ${vnd(v.rule.fineMax)}`);
  if (v.rule.additionalVi.length) line('Hình thức xử phạt bổ sung, biện pháp khắc phục', v.rule.additionalVi.join('; '));
  line('Đơn vị phát hiện', detectingUnit);
  doc.moveDown(0.5);
  doc.text(
    `Đề nghị chủ phương tiện (hoặc người điều khiển phương tiện) đến ${v.appearPlace || resolvingUnit.address || resolvingUnit.name} ` +
      `vào lúc ${v.appearAt ? vnDateTime(v.appearAt) : '(giờ hành chính)'} để giải quyết vụ việc vi phạm theo quy định của pháp luật. ` +
      `Thời hạn giải quyết: trước ${v.noticeDueAt ? vnDateTime(v.noticeDueAt) : ''}. Quá thời hạn trên mà không đến giải quyết, ` +
      'thông tin phương tiện sẽ được cập nhật để cảnh báo khi kiểm định và công khai trên trang tra cứu.',
  );
  line('Đơn vị giải quyết', `${resolvingUnit.name}${resolvingUnit.address ? `, ${resolvingUnit.address}` : ''}${resolvingUnit.phone ? `, điện thoại ${resolvingUnit.phone}` : ''}`);
  if (v.routedToUnitId) doc.text(`Thông báo này được chuyển đến ${resolvingUnit.name} (nơi chủ phương tiện cư trú) để phối hợp giải quyết.`);
  if (images.length) {
    doc.moveDown().font('B').text('Hình ảnh vi phạm:');
    let x = 50;
    const y = doc.y + 4;
    for (const img of images.slice(0, 3)) {
      try {
        doc.image(img.data, x, y, { fit: [160, 120] });
        doc.font('R').fontSize(8).text(img.label, x, y + 124, { width: 160 });
      } catch (err) {
        // An unreadable image must not stop the notice; say so where it would have been.
        doc.font('R').fontSize(8).text(`(không hiển thị được ảnh ${img.label}: ${(err as Error).message})`, x, y, { width: 160 });
      }
      x += 170;
    }
    doc.x = 50;
    doc.y = y + 145;
    doc.fontSize(11);
  }
  doc.moveDown().font('R').text('Mã tra cứu công khai: biển kiểm soát và loại phương tiện tại trang "Tra cứu phạt nguội".');
  return pdfBuffer(doc);
}
