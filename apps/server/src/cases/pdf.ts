import PDFDocument from 'pdfkit';

/** DejaVu renders every Vietnamese diacritic; pdfkit's built-in fonts do not. */
export const FONT_REGULAR = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
export const FONT_BOLD = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/** A4 document with the Vietnamese-capable fonts registered as R and B. */
export function newPdf(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Producer: 'Vigil' } });
  doc.registerFont('R', FONT_REGULAR);
  doc.registerFont('B', FONT_BOLD);
  doc.font('R');
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

const vnFmt = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric', hourCycle: 'h23' });
const vnDay = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });

/** "08:30 ngày 25/01/2025" in Vietnam time. */
export function vnDateTime(iso: string): string {
  const p = Object.fromEntries(vnFmt.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.hour}:${p.minute} ngày ${p.day}/${p.month}/${p.year}`;
}
export function vnDayText(iso: string): string {
  return vnDay.format(new Date(iso));
}
export const vnd = (n: number): string => `${n.toLocaleString('vi-VN')} đồng`;
