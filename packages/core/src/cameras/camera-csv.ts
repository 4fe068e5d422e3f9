import { z } from 'zod';
import { CameraCreate, Ownership, PlaceType, Purpose } from '@vigil/types';
import type { Camera } from '@vigil/types';

/** Columns of the camera CSV, in order; import and export share them. */
export const CAMERA_CSV_COLUMNS = [
  'name', 'unit_code', 'main_url', 'sub_url', 'lat', 'lng', 'address', 'place_type',
  'purposes', 'ownership', 'recorder', 'channel', 'tags', 'enabled',
] as const;

const list = (v: string | undefined) => (v ?? '').split(/[;|]/).map((s) => s.trim()).filter(Boolean);
const num = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : Number(v));

/** Schema of one CSV row as text; turned into a CameraCreate (minus unitId) after lookup. */
export const CameraCsvRow = z.object({
  name: z.string(),
  unit_code: z.string().trim().min(1, 'unit code is required'),
  main_url: z.string(),
  sub_url: z.string().optional().default(''),
  lat: z.string().optional(),
  lng: z.string().optional(),
  address: z.string().optional().default(''),
  place_type: z.string().optional().default('other'),
  purposes: z.string().optional().default('security'),
  ownership: z.string().optional().default('police'),
  recorder: z.string().optional().default(''),
  channel: z.string().optional(),
  tags: z.string().optional().default(''),
  enabled: z.string().optional().default('true'),
});

/** Maps a CSV row to the API body, so the very same validation applies to both. */
export function csvRowToBody(row: z.infer<typeof CameraCsvRow>, unitId: string): z.input<typeof CameraCreate> {
  return {
    name: row.name,
    unitId,
    mainUrl: row.main_url,
    subUrl: row.sub_url.trim() === '' ? null : row.sub_url,
    location: {
      lat: num(row.lat),
      lng: num(row.lng),
      address: row.address,
      placeType: (row.place_type.trim() || 'other') as PlaceType,
    },
    purposes: list(row.purposes) as Purpose[],
    ownership: (row.ownership.trim() || 'police') as Ownership,
    recorder: row.recorder.trim() ? { name: row.recorder.trim(), channel: num(row.channel) } : null,
    tags: list(row.tags),
    enabled: !['false', '0', 'no', 'khong', 'không'].includes(row.enabled.trim().toLowerCase()),
  };
}

/** CSV field names for camera body paths, to point errors at the right column. */
export const BODY_TO_CSV: Record<string, string> = {
  name: 'name', unitId: 'unit_code', mainUrl: 'main_url', subUrl: 'sub_url', 'location.lat': 'lat',
  'location.lng': 'lng', 'location.address': 'address', 'location.placeType': 'place_type',
  purposes: 'purposes', ownership: 'ownership', 'recorder.name': 'recorder', 'recorder.channel': 'channel',
  tags: 'tags', enabled: 'enabled',
};

export function cameraToCsvRow(c: Camera, unitCode: string): string[] {
  return [
    c.name, unitCode, c.mainUrl, c.subUrl ?? '', c.location.lat?.toString() ?? '', c.location.lng?.toString() ?? '',
    c.location.address, c.location.placeType, c.purposes.join(';'), c.ownership, c.recorder?.name ?? '',
    c.recorder?.channel?.toString() ?? '', c.tags.join(';'), String(c.enabled),
  ];
}
