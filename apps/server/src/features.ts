import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { VigilContext } from './context';
import { auditRoutes } from './routes/audit-routes';
import { authRoutes } from './routes/auth-routes';
import { cameraRoutes } from './routes/cameras-routes';
import { systemRoutes } from './routes/system-routes';
import { unitRoutes } from './routes/units-routes';
import { userRoutes } from './routes/users-routes';
import { videoRoutes } from './routes/video-routes';
import { healthRoutes } from './routes/health-routes';
import { casesRoutes } from './routes/cases-routes';
import { incidentsRoutes } from './routes/incidents-routes';
import { checkpointRoutes } from './routes/checkpoints-routes';
import { maintenanceRoutes } from './routes/maintenance-routes';
import { analyticsRoutes } from './routes/analytics-routes';
import { watchlistRoutes } from './routes/watchlist-routes';

/** A feature plugin: builds its own services from the context and registers its routes. */
export type FeaturePlugin = FastifyPluginAsyncZod<{ ctx: VigilContext }>;

/** Every feature of the server, registered in this order. One line per feature. */
export const features: FeaturePlugin[] = [
  systemRoutes,
  authRoutes,
  unitRoutes,
  userRoutes,
  cameraRoutes,
  auditRoutes,
  videoRoutes,
  healthRoutes,
  casesRoutes,
  incidentsRoutes,
  checkpointRoutes,
  maintenanceRoutes,
  analyticsRoutes,
  watchlistRoutes,
];
