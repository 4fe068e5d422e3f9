import { SqlHealthStore } from '@vigil/storage';
import { Notifiers } from '@vigil/types';
import type { FeaturePlugin } from '../features';
import { registerHealthRoutes } from '../health/health-routes';
import { HealthMonitor } from '../health/monitor';
import { HealthNotifier } from '../health/notifier';

/** Camera health: the monitor, alerts and their delivery. Needs the video feature registered first. */
export const healthRoutes: FeaturePlugin = async (app, { ctx }) => {
  if (!ctx.video) throw new Error('the health feature needs the video feature');
  const store = new SqlHealthStore(ctx.db);
  const notifier = new HealthNotifier(app.log);
  const monitor = new HealthMonitor(ctx, ctx.video.manager, store, notifier, app.log);
  ctx.health = { monitor, store };
  registerHealthRoutes(app, { ctx, monitor, store, notifier });
  app.addHook('onReady', async () => {
    await notifier.configure((await store.notifiers()) ?? Notifiers.parse({}));
    if (ctx.config.video.ingest) monitor.start();
  });
  app.addHook('onClose', async () => {
    await monitor.close();
    await notifier.close();
  });
};
