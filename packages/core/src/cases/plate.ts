import type { VehicleType } from '@vigil/types';
import { invalid } from '../errors';

/**
 * A deliberately small check of Vietnamese civil plate formats (province code 11-99, series, 4-5
 * digit serial). The full plate grammar lives in packages/anpr; this only keeps obvious garbage
 * out of case files.
 */
const PROVINCE = '(1[1-9]|[2-9]\\d)';
const FORMATS: Record<Exclude<VehicleType, 'none'>, RegExp[]> = {
  // 51F12345, 51F1234, 30LD12345 (two-letter series for special categories)
  car: [new RegExp(`^${PROVINCE}([A-Z]{1,2})(\\d{4,5})$`)],
  // 29B112345, 59X31234, 29AA12345
  motorbike: [new RegExp(`^${PROVINCE}([A-Z][A-Z0-9])(\\d{4,5})$`)],
  // electric motorbikes: 29MĐ112345; many carry ordinary motorbike plates too
  ebike: [new RegExp(`^${PROVINCE}(MĐ\\d)(\\d{4,5})$`), new RegExp(`^${PROVINCE}([A-Z][A-Z0-9])(\\d{4,5})$`)],
};

export interface Plate {
  /** Canonical form for storage and look-up: upper case, no separators (51F12345). */
  text: string;
  /** As printed: 51F-123.45 */
  display: string;
}

/** Upper-cases and strips spaces, dots and dashes (D with stroke stays: it is part of MĐ series). */
export function normalisePlate(raw: string): string {
  return raw.normalize('NFC').toUpperCase().replace(/[\s.\-_]/g, '');
}

/** Parses a plate for a vehicle type or throws VALIDATION naming `field`. */
export function parsePlate(raw: string, vehicleType: VehicleType, field = 'plate.text'): Plate {
  if (vehicleType === 'none') throw invalid('plate.vehicleType', 'a plate needs a vehicle type (car, motorbike, ebike)');
  const text = normalisePlate(raw);
  for (const re of FORMATS[vehicleType]) {
    const m = re.exec(text);
    if (m) {
      const [, province, series, serial] = m;
      const shown = serial.length === 5 ? `${serial.slice(0, 3)}.${serial.slice(3)}` : serial;
      return { text, display: `${province}${series}-${shown}` };
    }
  }
  throw invalid(field, `"${raw}" is not a valid Vietnamese ${vehicleType} plate (expected e.g. ${EXAMPLES[vehicleType]})`);
}

const EXAMPLES: Record<Exclude<VehicleType, 'none'>, string> = {
  car: '51F-123.45 or 30A-1234',
  motorbike: '29B1-123.45',
  ebike: '29MĐ1-123.45',
};
