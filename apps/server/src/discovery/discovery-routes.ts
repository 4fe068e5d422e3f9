import { assertCan } from '@vigil/core';
import { DiscoveredDevice, DiscoveryRequest } from '@vigil/types';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { VigilContext } from '../context';
import { actorOf } from '../http/auth-hook';
import { discover } from './discover';

/** ONVIF discovery: find cameras on the local network and read what the camera form needs. */
export const discoveryApi: FastifyPluginAsyncZod<{ ctx: VigilContext }> = async (app, { ctx }) => {
  app.post('/api/discovery/onvif', {
    schema: {
      tags: ['cameras'],
      summary: 'WS-Discovery probe (multicast and/or unicast targets), then device info, profiles and RTSP URIs of each device',
      body: DiscoveryRequest,
      response: { 200: z.object({ items: z.array(DiscoveredDevice) }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    assertCan(actor, 'cameras:write');
    assertCan(actor, 'health:manage');
    const items = await discover(req.body, (obj, msg) => req.log.warn(obj, msg));
    await ctx.audit.record({ actor, action: 'discovery.onvif', targetType: 'network', unitId: actor.unitId, ip: req.ip, details: { targets: req.body.targets, multicast: req.body.multicast ?? req.body.targets.length === 0, found: items.length } });
    return { items };
  });
};
