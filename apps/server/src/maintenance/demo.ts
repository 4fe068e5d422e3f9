import type { VigilContext } from '../context';
import { DEMO_DEAD_PREFIX } from '../demo';
import { maintenanceFeature } from './wiring';

/**
 * Demo repair work: an open ticket, in progress, on each camera the demo leaves offline (demo.ts
 * points them at an unreachable address), and a ticket marked fixed on a working camera, which
 * verifies itself after ten minutes online, as a real repair would.
 */
export async function seedMaintenanceDemo(ctx: VigilContext): Promise<void> {
  const system = await ctx.system();
  const { tickets } = maintenanceFeature(ctx);
  const units = await ctx.stores.units.all();
  const { rows } = await ctx.stores.cameras.list({ unitIds: units.map((u) => u.id), limit: 1000, offset: 0 });
  const dead = rows.filter((c) => c.mainUrl.startsWith(DEMO_DEAD_PREFIX));
  for (const cam of dead) {
    const t = await tickets.create(system, { cameraId: cam.id, assignee: 'Nguyễn Văn Kỹ', contractor: 'Công ty TNHH Viễn thông Minh Họa', note: 'Camera mất kết nối từ đêm qua; nghi hỏng nguồn PoE tại tủ điện.', verifyAfterMin: 10 });
    await tickets.update(system, t.id, { status: 'in_progress', note: 'Kỹ thuật viên đã nhận việc, hẹn sửa trong ngày.' });
  }
  const working = rows.find((c) => c.mainUrl.startsWith('demo://') && c.mainUrl.includes('scene=street'));
  if (working) {
    const t = await tickets.create(system, { cameraId: working.id, assignee: 'Trần Minh Tuấn', note: 'Hình ảnh bị mờ do bụi bám ống kính.', verifyAfterMin: 10 });
    await tickets.update(system, t.id, { status: 'in_progress' });
    await tickets.update(system, t.id, { status: 'fixed', note: 'Đã vệ sinh ống kính và chỉnh lại góc quay.' });
  }
}
