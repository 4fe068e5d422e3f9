// Shapes of the Vigil HTTP API as the web UI uses them (mirrors the server's JSON, not its schemas,
// so the browser bundle does not pull zod).

export type Role = 'admin' | 'operator' | 'officer' | 'unit-viewer' | 'checkpoint' | 'auditor';
export const ROLES: Role[] = ['admin', 'operator', 'officer', 'unit-viewer', 'checkpoint', 'auditor'];

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: User;
}

export interface PublicConfig {
  mapTilesUrl: string | null;
  mapCenter: [number, number];
  mapZoom: number;
  version?: string;
}

export type UnitLevel = 'province' | 'district' | 'commune';
export const UNIT_LEVELS: UnitLevel[] = ['province', 'district', 'commune'];

export interface Unit {
  id: string;
  code: string;
  name: string;
  level: UnitLevel;
  parentId: string | null;
}

export type Purpose = 'security' | 'traffic' | 'checkpoint';
export const PURPOSES: Purpose[] = ['security', 'traffic', 'checkpoint'];

export type Ownership = 'police' | 'commune' | 'community';
export const OWNERSHIPS: Ownership[] = ['police', 'commune', 'community'];

export type CameraStatus = 'unknown' | 'online' | 'offline' | 'disabled';
export const CAMERA_STATUSES: CameraStatus[] = ['online', 'offline', 'unknown', 'disabled'];

export const PLACE_TYPES = [
  'border', 'gate', 'intersection', 'road', 'hospital', 'bus_station',
  'admin_centre', 'school', 'market', 'residential', 'checkpoint', 'other',
] as const;
export type PlaceType = (typeof PLACE_TYPES)[number];

export interface CameraLocation {
  lat: number | null;
  lng: number | null;
  address: string;
  placeType: PlaceType;
}

export interface CameraBody {
  name: string;
  unitId: string;
  mainUrl: string;
  subUrl?: string | null;
  username?: string;
  password?: string;
  location: CameraLocation;
  purposes: Purpose[];
  ownership: Ownership;
  recorder: { name: string; channel: number | null } | null;
  tags: string[];
  enabled: boolean;
}

export interface Camera extends Omit<CameraBody, 'username' | 'password'> {
  id: string;
  unitName: string;
  hasCredentials: boolean;
  status: CameraStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface ImportError {
  line: number;
  field?: string;
  message: string;
}

export interface ImportResult {
  created: number;
  updated?: number;
  errors: ImportError[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  unitId: string | null;
  ip: string | null;
  details: unknown;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  reason?: string;
}
