/** Chip ID card (CCCD) QR: id|oldId|full name|dob ddMMyyyy|sex|address|issue date ddMMyyyy. */
export interface CccdData {
  idNumber: string;
  oldIdNumber: string | null;
  fullName: string;
  /** ISO date (yyyy-mm-dd). */
  dateOfBirth: string;
  sex: 'Nam' | 'Nữ';
  address: string;
  issueDate: string;
}

export type CccdParse = { ok: true; data: CccdData } | { ok: false; error: string };

/** ddMMyyyy -> yyyy-mm-dd, or null when it is not a real calendar date. */
export function parseDdMmYyyy(s: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const d = new Date(Date.UTC(+yyyy, +mm - 1, +dd));
  if (d.getUTCFullYear() !== +yyyy || d.getUTCMonth() !== +mm - 1 || d.getUTCDate() !== +dd) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/** True when the text looks like a CCCD QR (so a wrong field is "malformed", not "unknown kind"). */
export function looksLikeCccd(text: string): boolean {
  return /^\d{9,12}\|/.test(text) && text.split('|').length >= 6;
}

export function parseCccd(text: string): CccdParse {
  const parts = text.trim().split('|');
  if (parts.length !== 7) return { ok: false, error: `expected 7 fields separated by |, got ${parts.length}` };
  const [id, oldId, name, dob, sexRaw, address, issued] = parts.map((p) => p.trim());
  if (!/^\d{12}$/.test(id)) return { ok: false, error: 'ID number must have 12 digits' };
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) return { ok: false, error: 'old ID number must have 9 digits or be empty' };
  if (name.length < 2 || name.length > 100 || /\d/.test(name)) return { ok: false, error: 'full name is missing or invalid' };
  const dateOfBirth = parseDdMmYyyy(dob);
  if (!dateOfBirth) return { ok: false, error: 'date of birth must be ddMMyyyy' };
  const sex = sexRaw.normalize('NFC');
  if (sex !== 'Nam' && sex !== 'Nữ') return { ok: false, error: 'sex must be Nam or Nữ' };
  const issueDate = parseDdMmYyyy(issued);
  if (!issueDate) return { ok: false, error: 'issue date must be ddMMyyyy' };
  if (issueDate < dateOfBirth) return { ok: false, error: 'issue date before date of birth' };
  return { ok: true, data: { idNumber: id, oldIdNumber: oldId || null, fullName: name.normalize('NFC'), dateOfBirth, sex, address, issueDate } };
}

/**
 * The 12-digit number encodes province (1-3), century and sex (4) and year of birth (5-6); a card
 * whose printed data disagrees with its own number was edited.
 */
export function cccdConsistent(d: CccdData): boolean {
  const province = Number(d.idNumber.slice(0, 3));
  if (province < 1 || province > 96) return false;
  const year = Number(d.dateOfBirth.slice(0, 4));
  const centuryIndex = Math.floor(year / 100) - 19; // 1900s -> 0, 2000s -> 1, ...
  if (centuryIndex < 0 || centuryIndex > 4) return false;
  const expected = centuryIndex * 2 + (d.sex === 'Nữ' ? 1 : 0);
  return Number(d.idNumber[3]) === expected && d.idNumber.slice(4, 6) === String(year % 100).padStart(2, '0');
}

/**
 * Expiry by the renewal ages 25, 40 and 60: a card issued within two years before one of them
 * stays valid until the next; after 58 it never expires. Returns the ISO date or null.
 */
export function cccdExpiry(d: CccdData): string | null {
  const [by, bm, bd] = d.dateOfBirth.split('-').map(Number);
  const ageAt = (iso: string) => {
    const [y, m, dd] = iso.split('-').map(Number);
    return y - by - (m < bm || (m === bm && dd < bd) ? 1 : 0);
  };
  const issuedAge = ageAt(d.issueDate);
  for (const milestone of [25, 40, 60]) {
    if (issuedAge < milestone - 2) return `${by + milestone}-${String(bm).padStart(2, '0')}-${String(bd).padStart(2, '0')}`;
  }
  return null;
}
