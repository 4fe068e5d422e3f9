// Shapes of the Vigil HTTP API as the web UI uses them. Response shapes are the server's own schemas
// from @vigil/types, imported as types only (nothing of zod reaches the bundle); the lists the UI
// iterates over are spelled out and checked against those types.
import type {
  AuditEntry, AuditVerifyResult, Camera, CameraStatus, ImportResult, Ownership, PlaceType, Purpose, Role, Unit, UnitLevel, User,
} from '@vigil/types';

export type { AuditEntry, Camera, CameraStatus, ImportResult, Ownership, PlaceType, Purpose, Role, Unit, UnitLevel, User };
export type AuditVerify = AuditVerifyResult;
export type ImportError = ImportResult['errors'][number];

export const ROLES = ['admin', 'operator', 'officer', 'unit-viewer', 'checkpoint', 'auditor'] as const satisfies readonly Role[];

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

export const UNIT_LEVELS = ['province', 'district', 'commune'] as const satisfies readonly UnitLevel[];

export const PURPOSES = ['security', 'traffic', 'checkpoint'] as const satisfies readonly Purpose[];

export const OWNERSHIPS = ['police', 'commune', 'community'] as const satisfies readonly Ownership[];

/** The states the camera list filters by (the server may also report the health states). */
export const CAMERA_STATUSES = ['online', 'offline', 'unknown', 'disabled'] as const satisfies readonly CameraStatus[];

export const PLACE_TYPES = [
  'border', 'gate', 'intersection', 'road', 'hospital', 'bus_station',
  'admin_centre', 'school', 'market', 'residential', 'checkpoint', 'other',
] as const satisfies readonly PlaceType[];

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

export interface Page<T> {
  items: T[];
  total: number;
}
