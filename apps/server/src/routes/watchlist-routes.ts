import { parsePlate } from '@vigil/anpr';
import { WatchlistService, type PlateGrammar } from '@vigil/core';
import { SqlWatchlistStore } from '@vigil/storage';
import {
  IdParams, ImportResult, WatchlistCheck, WatchlistCheckResult, WatchlistEntry, WatchlistEntryCreate, WatchlistHitList, WatchlistHitQuery,
  WatchlistList, WatchlistQuery,
} from '@vigil/types';
import type { VigilContext } from '../context';
import type { FeaturePlugin } from '../features';
import { actorOf } from '../http/auth-hook';
import { parseCsv } from '../http/csv';

/** The Vietnamese plate grammar of @vigil/anpr, as the watch-list's port. */
const grammar: PlateGrammar = {
  parse(raw) {
    const p = parsePlate(raw);
    return p ? { text: p.text, display: p.display } : null;
  },
};

const services = new WeakMap<VigilContext, WatchlistService>();

/**
 * The watch-list service of a server context, created on first use. The analytics pipeline calls
 * `watchlistOf(ctx).checkPlate(plate, { unitId, cameraId, at, confidence })` for every plate it reads.
 */
export function watchlistOf(ctx: VigilContext): WatchlistService {
  let s = services.get(ctx);
  if (!s) {
    s = new WatchlistService({ store: new SqlWatchlistStore(ctx.db), grammar, audit: ctx.audit, clock: ctx.clock });
    services.set(ctx, s);
  }
  return s;
}

/** Watch-list of plates: entries (add, list, remove, CSV import), manual checks and the hits (alerts). */
export const watchlistRoutes: FeaturePlugin = async (app, { ctx }) => {
  const svc = watchlistOf(ctx);

  app.get('/api/watchlist', { schema: { tags: ['watchlist'], summary: 'Watch-list entries', querystring: WatchlistQuery, response: { 200: WatchlistList } } }, async (req) =>
    svc.list(actorOf(req), req.query),
  );

  app.post('/api/watchlist', { schema: { tags: ['watchlist'], summary: 'Add a plate to the watch-list', body: WatchlistEntryCreate, response: { 201: WatchlistEntry } } }, async (req, reply) =>
    reply.code(201).send(await svc.add(actorOf(req), req.body, req.ip)),
  );

  app.post('/api/watchlist/import', { schema: { tags: ['watchlist'], summary: 'Import entries from CSV (plate,reason,category,until)', response: { 200: ImportResult } } }, async (req) =>
    svc.importRows(actorOf(req), parseCsv(req.body), req.ip),
  );

  app.delete('/api/watchlist/:id', { schema: { tags: ['watchlist'], params: IdParams } }, async (req, reply) => {
    await svc.remove(actorOf(req), req.params.id, req.ip);
    return reply.code(204).send();
  });

  app.post('/api/watchlist/check', { schema: { tags: ['watchlist'], summary: 'Check a plate; a hit is stored, audited and alerted', body: WatchlistCheck, response: { 200: WatchlistCheckResult } } }, async (req) =>
    svc.check(actorOf(req), req.body.plate, req.ip),
  );

  app.get('/api/watchlist/hits', { schema: { tags: ['watchlist'], summary: 'Hits (alerts) in your scope, newest first', querystring: WatchlistHitQuery, response: { 200: WatchlistHitList } } }, async (req) =>
    svc.hits(actorOf(req), req.query),
  );
};
