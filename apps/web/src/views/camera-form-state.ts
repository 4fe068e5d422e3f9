// Form state for the camera form (all strings, as typed) and its conversion to the API body.
import type { Camera, CameraBody, Ownership, PlaceType, Purpose } from '../api/types';

export interface CameraFormState {
  name: string;
  unitId: string;
  mainUrl: string;
  subUrl: string;
  username: string;
  password: string;
  lat: string;
  lng: string;
  address: string;
  placeType: PlaceType;
  purposes: Purpose[];
  ownership: Ownership;
  recorderName: string;
  recorderChannel: string;
  tags: string;
  enabled: boolean;
}

export function emptyForm(unitId = ''): CameraFormState {
  return {
    name: '', unitId, mainUrl: '', subUrl: '', username: '', password: '', lat: '', lng: '', address: '',
    placeType: 'other', purposes: ['security'], ownership: 'police', recorderName: '', recorderChannel: '',
    tags: '', enabled: true,
  };
}

export function formFromCamera(c: Camera): CameraFormState {
  return {
    name: c.name,
    unitId: c.unitId,
    mainUrl: c.mainUrl,
    subUrl: c.subUrl ?? '',
    username: '',
    password: '',
    lat: c.location.lat === null ? '' : String(c.location.lat),
    lng: c.location.lng === null ? '' : String(c.location.lng),
    address: c.location.address ?? '',
    placeType: c.location.placeType,
    purposes: [...c.purposes],
    ownership: c.ownership,
    recorderName: c.recorder?.name ?? '',
    recorderChannel: c.recorder?.channel === null || c.recorder?.channel === undefined ? '' : String(c.recorder.channel),
    tags: c.tags.join(', '),
    enabled: c.enabled,
  };
}

/** Parses an optional number; NaN marks an invalid entry. */
function optionalNumber(s: string): number | null {
  const v = s.trim().replace(',', '.');
  if (v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

export interface BuildResult {
  body?: CameraBody;
  /** Client-side problems keyed by the server's field path. */
  errors: Record<string, string>;
}

/** Builds the API body; credentials are only sent when typed (they are write-only). */
export function buildBody(f: CameraFormState, invalidNumber: string): BuildResult {
  const errors: Record<string, string> = {};
  const lat = optionalNumber(f.lat);
  const lng = optionalNumber(f.lng);
  const channel = optionalNumber(f.recorderChannel);
  if (Number.isNaN(lat)) errors['location.lat'] = invalidNumber;
  if (Number.isNaN(lng)) errors['location.lng'] = invalidNumber;
  if (Number.isNaN(channel)) errors['recorder.channel'] = invalidNumber;
  if (Object.keys(errors).length) return { errors };
  const body: CameraBody = {
    name: f.name.trim(),
    unitId: f.unitId,
    mainUrl: f.mainUrl.trim(),
    subUrl: f.subUrl.trim() || null,
    location: { lat, lng, address: f.address.trim(), placeType: f.placeType },
    purposes: f.purposes,
    ownership: f.ownership,
    recorder: f.recorderName.trim() || channel !== null ? { name: f.recorderName.trim(), channel } : null,
    tags: f.tags.split(',').map((s) => s.trim()).filter(Boolean),
    enabled: f.enabled,
  };
  if (f.username.trim()) body.username = f.username.trim();
  if (f.password) body.password = f.password;
  return { body, errors };
}

/** Field paths the form shows next to a control; other server errors go to the top of the form. */
export const FORM_FIELDS = [
  'name', 'unitId', 'mainUrl', 'subUrl', 'username', 'password', 'location.lat', 'location.lng',
  'location.address', 'location.placeType', 'purposes', 'ownership', 'recorder.name', 'recorder.channel',
  'recorder', 'tags', 'enabled', 'location',
];
