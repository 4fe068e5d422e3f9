import { SqlHealthStore, type EventRecord } from '@vigil/storage';
import { Notifiers } from '@vigil/types';
import type { FastifyBaseLogger } from 'fastify';
import type { VigilContext } from '../context';
import { HealthNotifier } from '../health/notifier';
import { eventToApi } from './event-api';

/**
 * Analytics events to the webhooks and MQTT broker an administrator set for camera health
 * (`PUT /api/health/notifiers`): the same notifier, so one place configures every outbound push.
 * Webhooks get `{type: 'event', event}`; MQTT gets it on `<prefix>/cameras/<id>/events`.
 */
export class EventDelivery {
  readonly notifier: HealthNotifier;
  private readonly health: SqlHealthStore;

  constructor(ctx: VigilContext, log: FastifyBaseLogger) {
    this.notifier = new HealthNotifier(log);
    this.health = new SqlHealthStore(ctx.db);
  }

  /** Picks up notifier changes; cheap (one row), called on every runtime sync. */
  async refresh(): Promise<void> {
    await this.notifier.configure((await this.health.notifiers()) ?? Notifiers.parse({}));
  }

  send(e: EventRecord): void {
    this.notifier.send({ type: 'event', event: eventToApi(e) });
  }

  close(): Promise<void> {
    return this.notifier.close();
  }
}
