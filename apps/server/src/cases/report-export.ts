import ExcelJS from 'exceljs';
import type { CaseReport } from '@vigil/types';
import { newPdf, pdfBuffer, vnDayText, vnd } from './pdf';

type Section = { title: string; rows: { label: string; count: number }[] };

function sections(r: CaseReport): Section[] {
  return [
    { title: 'Vụ việc theo loại', rows: r.incidents.byType },
    { title: 'Vụ việc theo đơn vị', rows: r.incidents.byUnit },
    { title: 'Vụ việc theo camera', rows: r.incidents.byCamera },
    { title: 'Vi phạm theo hành vi', rows: r.violations.byType },
    { title: 'Vi phạm theo trạng thái', rows: r.violations.byStatus },
    { title: 'Vi phạm theo đơn vị', rows: r.violations.byUnit },
    { title: 'Vi phạm theo camera', rows: r.violations.byCamera },
  ];
}

const period = (r: CaseReport) => `từ ngày ${vnDayText(r.from)} đến ngày ${vnDayText(new Date(Date.parse(r.to) - 1).toISOString())}`;

/** The report as a workbook: a summary sheet plus one sheet per breakdown. */
export async function reportXlsx(r: CaseReport, unitName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vigil';
  const sum = wb.addWorksheet('Tổng hợp');
  sum.columns = [{ width: 40 }, { width: 80 }];
  sum.addRow(['Báo cáo kết quả', unitName]).font = { bold: true };
  sum.addRow(['Thời gian', period(r)]);
  sum.addRow(['Vụ việc an ninh trật tự', r.incidents.summaryVi]);
  sum.addRow(['Vi phạm phát hiện qua camera', r.violations.summaryVi]);
  sum.addRow(['Tiền phạt đã nộp', vnd(r.violations.finesPaid)]);
  for (const s of sections(r)) {
    const ws = wb.addWorksheet(s.title.slice(0, 31));
    ws.columns = [{ header: s.title, width: 70 }, { header: 'Số vụ', width: 12 }];
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows) ws.addRow([row.label, row.count]);
    ws.addRow(['Tổng', s.rows.reduce((n, x) => n + x.count, 0)]).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The report for a meeting: summary sentences, then each breakdown as a table with bars. */
export async function reportPdf(r: CaseReport, unitName: string): Promise<Buffer> {
  const doc = newPdf('Báo cáo kết quả');
  doc.fontSize(15).font('B').text('BÁO CÁO KẾT QUẢ KHAI THÁC HỆ THỐNG CAMERA', { align: 'center' });
  doc.fontSize(11).font('R').text(`${unitName}, ${period(r)}`, { align: 'center' }).moveDown();
  doc.font('B').text('Vụ việc an ninh trật tự: ', { continued: true }).font('R').text(r.incidents.summaryVi);
  doc.font('B').text('Vi phạm: ', { continued: true }).font('R').text(r.violations.summaryVi);
  doc.font('B').text('Tiền phạt đã nộp: ', { continued: true }).font('R').text(vnd(r.violations.finesPaid));
  for (const s of sections(r)) {
    if (!s.rows.length) continue;
    if (doc.y > 700) doc.addPage();
    doc.moveDown().font('B').fontSize(11).text(s.title);
    const max = Math.max(...s.rows.map((x) => x.count), 1);
    for (const row of s.rows.slice(0, 15)) {
      if (doc.y > 760) doc.addPage();
      const y = doc.y;
      doc.font('R').fontSize(9).text(row.label, 50, y, { width: 300, height: 12, ellipsis: true });
      doc.rect(360, y + 1, (140 * row.count) / max, 8).fill('#3b6ea5').fillColor('black');
      doc.text(String(row.count), 510, y, { width: 40, align: 'right' });
      doc.x = 50;
      doc.y = y + 14;
    }
  }
  return pdfBuffer(doc);
}
