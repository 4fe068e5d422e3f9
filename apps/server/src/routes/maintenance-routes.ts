import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { VigilContext } from '../context';
import { discoveryApi } from '../discovery/discovery-routes';
import { maintenanceApi } from '../maintenance/maintenance-routes';
import { maintenanceFeature } from '../maintenance/wiring';

const VERIFY_EVERY_MS = 30_000;

/** Issue 4's repair loop: tickets (self-verifying), maintenance windows, availability reports, ONVIF discovery. */
export const maintenanceRoutes: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  const f = maintenanceFeature(ctx);
  // Fixed tickets verify themselves once their camera stayed online long enough, read or not.
  const verify = () =>
    f.tickets.verifyDue().then(
      (n) => n > 0 && app.log.info({ verified: n }, 'maintenance tickets verified'),
      (err: unknown) => app.log.error({ err }, 'maintenance verification failed'),
    );
  const timer = setInterval(verify, VERIFY_EVERY_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));

  await app.register(maintenanceApi, { f });
  await app.register(discoveryApi, { ctx });
};
