import type { AvailabilityReport } from '@vigil/types';
import ExcelJS from 'exceljs';
import { toCsv } from '../http/csv';

const HEADER = ['key', 'label', 'cameras', 'availability_pct', 'online_h', 'down_h', 'maintenance_h', 'disabled_h', 'unmonitored_h'];
const hours = (ms: number) => Math.round((ms / 3_600_000) * 100) / 100;

function lines(r: AvailabilityReport): (string | number | null)[][] {
  return [...r.rows, r.overall].map((x) => [x.key, x.label, x.cameras, x.availabilityPct, hours(x.onlineMs), hours(x.downMs), hours(x.maintenanceMs), hours(x.disabledMs), hours(x.unmonitoredMs)]);
}

/** The availability table as CSV (with a BOM so spreadsheet programs read Vietnamese names). */
export function reportCsv(r: AvailabilityReport): string {
  return `\ufeff${toCsv(HEADER, lines(r).map((l) => l.map((v) => (v === null ? '' : String(v)))))}`;
}

/** The availability table, the longest outages and the mean times as an XLSX workbook. */
export async function reportXlsx(r: AvailabilityReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Vigil';
  const sheet = wb.addWorksheet('Availability');
  sheet.addRow([`Availability ${r.from} - ${r.to} (${r.timeZone}), by ${r.groupBy}`]);
  sheet.addRow(HEADER).font = { bold: true };
  for (const l of lines(r)) sheet.addRow(l);
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 32 : 14));

  const down = wb.addWorksheet('Longest down');
  down.addRow(['camera_id', 'camera', 'unit_id', 'down_h', 'longest_h', 'current_state', 'availability_pct']).font = { bold: true };
  for (const d of r.longestDown) down.addRow([d.cameraId, d.cameraName, d.unitId, hours(d.downMs), hours(d.longestMs), d.currentState, d.availabilityPct]);

  const mt = wb.addWorksheet('Mean times');
  mt.addRow(['measure', 'value', 'unit']).font = { bold: true };
  const round = (ms: number | null, per: number) => (ms === null ? null : Math.round((ms / per) * 100) / 100);
  mt.addRow(['mean time to detect (alert detectedAfterMs)', round(r.mttdMs, 1000), 's']);
  mt.addRow(['mean time to repair, ticket created -> fixed', round(r.mttrTicketMs, 60_000), 'min']);
  mt.addRow(['mean time to repair, alert opened -> resolved', round(r.mttrAlertMs, 60_000), 'min']);
  mt.addRow(['alerts opened', r.alerts, '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
