import type { Actor, CameraService, UnitService } from '@vigil/core';
import type { CameraCreate, PlaceType, Purpose } from '@vigil/types';

/**
 * Demo content modelled on the source documents: a province with a commune of 9 cameras on main
 * roads and gateways (Hỏa Tiến), a town of 55 (Hồ Xá) and a border city ward with checkpoint and
 * traffic cameras (Móng Cái). Streams use demo:// URLs that the video pipeline synthesises.
 */
interface DemoUnit {
  code: string;
  name: string;
  centre: [number, number];
  cameras: number;
  places: [PlaceType, Purpose[], string][];
}

const PROVINCE = { code: 'DEMO', name: 'Tỉnh Minh Họa' };

const UNITS: DemoUnit[] = [
  {
    code: 'DEMO-HT', name: 'Xã Hỏa Tiến', centre: [9.806, 105.642], cameras: 9,
    places: [['gate', ['security'], 'Cổng chào ấp'], ['road', ['security', 'traffic'], 'Đường tỉnh 925'], ['intersection', ['traffic'], 'Ngã ba chợ']],
  },
  {
    code: 'DEMO-HX', name: 'Thị trấn Hồ Xá', centre: [17.061, 107.008], cameras: 55,
    places: [
      ['road', ['security'], 'Quốc lộ 1A'], ['intersection', ['traffic', 'security'], 'Ngã tư trung tâm'], ['market', ['security'], 'Chợ Hồ Xá'],
      ['school', ['security'], 'Trường THCS'], ['residential', ['security'], 'Khu phố'], ['bus_station', ['security'], 'Bến xe'],
      ['hospital', ['security'], 'Trung tâm y tế'], ['admin_centre', ['security'], 'UBND thị trấn'],
    ],
  },
  {
    code: 'DEMO-MC', name: 'Phường Trần Phú (Móng Cái)', centre: [21.525, 107.966], cameras: 20,
    places: [
      ['border', ['security', 'checkpoint'], 'Cửa khẩu Bắc Luân'], ['checkpoint', ['checkpoint'], 'Chốt kiểm soát'],
      ['intersection', ['traffic'], 'Nút giao Hùng Vương'], ['bus_station', ['security'], 'Bến xe Móng Cái'],
      ['hospital', ['security'], 'Bệnh viện đa khoa'], ['admin_centre', ['security'], 'Trung tâm hành chính'],
    ],
  },
];

/** Address prefix of the demo's unreachable cameras (192.0.2.0/24 is reserved for documentation). */
export const DEMO_DEAD_PREFIX = 'rtsp://192.0.2.';

/**
 * One camera per town points at an address that never answers (192.0.2.0/24 is reserved for
 * documentation), so the demo shows what a dead camera looks like: an offline alert and a repair
 * ticket (maintenance/demo.ts).
 */
export const DEMO_OFFLINE: Record<string, number> = { 'DEMO-HX': 54, 'DEMO-MC': 17 };

/** Creates the demo province, communes and cameras; returns the province id. Idempotent by code. */
export async function seedDemo(actor: Actor, svc: { units: UnitService; cameras: CameraService }, provinceId: string): Promise<void> {
  const scope = actor.scope as Set<string>;
  for (const u of UNITS) {
    const unit = await svc.units.create(actor, { code: u.code, name: u.name, level: 'commune', parentId: provinceId });
    scope.add(unit.id);
    for (let i = 0; i < u.cameras; i++) {
      const [placeType, purposes, label] = u.places[i % u.places.length];
      const n = Math.floor(i / u.places.length) + 1;
      // Deterministic spread around the unit's centre so the map is stable between runs.
      const angle = (i * 137.508 * Math.PI) / 180;
      const r = 0.004 + 0.0015 * Math.sqrt(i);
      const body: CameraCreate = {
        name: `${label} ${n}`,
        unitId: unit.id,
        mainUrl: DEMO_OFFLINE[u.code] === i
          ? `${DEMO_DEAD_PREFIX}${10 + i}:554/Streaming/Channels/101`
          : `demo://${u.code.toLowerCase()}-${String(i + 1).padStart(2, '0')}?scene=${purposes.includes('traffic') ? 'traffic' : 'street'}`,
        subUrl: null,
        location: { lat: +(u.centre[0] + r * Math.sin(angle)).toFixed(6), lng: +(u.centre[1] + r * Math.cos(angle)).toFixed(6), address: `${label}, ${u.name}`, placeType },
        purposes,
        ownership: i % 5 === 4 ? 'community' : i % 3 === 2 ? 'commune' : 'police',
        recorder: { name: `NVR-${u.code}-${Math.floor(i / 16) + 1}`, channel: (i % 16) + 1 },
        tags: ['demo'],
        enabled: true,
        recording: { enabled: true, retentionDays: 7 },
        rtspTransport: 'tcp',
      };
      await svc.cameras.create(actor, body);
    }
  }
}

export const DEMO_PROVINCE = PROVINCE;
