import { createHash, createHmac } from 'node:crypto';

/** "001099012345" -> "001******345": enough for an officer to compare, not to identify. */
export function maskIdNumber(id: string): string {
  return id.length <= 6 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`;
}

/** "Nguyễn Văn An" -> "N.V.A." */
export function initialsOf(name: string): string {
  return name
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${w[0].toLocaleUpperCase('vi')}.`)
    .join('');
}

/** Key of a list entry: sha256(salt + ID) as hex; 32 hex chars keep 10M entries collision-free. */
export function listHash(salt: string, idNumber: string): string {
  return createHash('sha256').update(salt + idNumber).digest('hex').slice(0, 32);
}

/** Keyed hash for the scan log, so the log cannot be reversed by trying every ID number. */
export function logHasher(key: Buffer): (idNumber: string) => string {
  return (id) => createHmac('sha256', key).update(id).digest('hex').slice(0, 32);
}
