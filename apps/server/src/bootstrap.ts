import type { VigilContext } from './context';
import { DEMO_PROVINCE, seedDemo } from './demo';
import { seedCasesDemo } from './cases/demo';
import { seedCheckpoints } from './checkpoints/seed';
import { seedAnalyticsDemo } from './analytics/seed';
import { seedWatchlistDemo } from './routes/watchlist-demo';
import { seedMaintenanceDemo } from './maintenance/demo';

/**
 * First-start work: a top unit and user "admin" on an empty database, then demo content when
 * asked for and the database holds no cameras yet.
 */
export async function bootstrap(ctx: VigilContext): Promise<{ generatedAdminPassword?: string }> {
  let units = await ctx.stores.units.all();
  const demo = ctx.config.demo.enabled;
  if (units.length === 0) {
    const system = await ctx.system();
    const root = demo ? DEMO_PROVINCE : { code: 'ROOT', name: 'Đơn vị gốc' };
    const unit = await ctx.units.create(system, { code: root.code, name: root.name, level: 'province', parentId: null });
    (system.scope as Set<string>).add(unit.id);
    if (demo) await seedDemo(system, ctx, unit.id);
    if (demo) await seedCasesDemo(ctx);
    if (demo) await seedCheckpoints(ctx);
    if (demo) await seedAnalyticsDemo(ctx);
    if (demo) await seedWatchlistDemo(ctx);
    if (demo) await seedMaintenanceDemo(ctx);
    units = await ctx.stores.units.all();
  }
  const top = units.find((u) => u.parentId === null)!;
  const admin = await ctx.users.ensureAdmin(top.id, ctx.config.auth.adminPassword);
  await ctx.stores.sessions.deleteExpired(ctx.clock.now().toISOString());
  return { generatedAdminPassword: admin.generatedPassword };
}
