import { createHmac } from 'node:crypto';
import type { HealthReason, Notifiers } from '@vigil/types';
import type { FastifyBaseLogger } from 'fastify';
import mqtt, { type MqttClient } from 'mqtt';

/** Something worth telling the outside world: an alert change or a camera state change. */
export type HealthEvent =
  | { type: 'alert'; alert: Record<string, unknown> & { cameraId: string } }
  | { type: 'health'; cameraId: string; status: string; since: string; reasons: string[]; reasonCodes: HealthReason[] };
/** What the notifier sends: health events and analytics events (issue 7), the latter on `<prefix>/cameras/<id>/events`. */
export type NotifierEvent = HealthEvent | { type: 'event'; event: Record<string, unknown> & { cameraId: string } };

/**
 * Sends health events to webhooks (JSON POST, HMAC-signed when a secret is set, retried) and to
 * MQTT (one topic per camera). Never blocks the monitor: failures are logged and counted.
 */
export class HealthNotifier {
  private config: Notifiers = { webhooks: [], mqtt: null };
  private client: MqttClient | null = null;
  failures = 0;
  delivered = 0;

  constructor(private readonly log: FastifyBaseLogger) {}

  async configure(n: Notifiers): Promise<void> {
    const mqttChanged = JSON.stringify(n.mqtt) !== JSON.stringify(this.config.mqtt);
    this.config = n;
    if (!mqttChanged) return;
    await this.closeMqtt();
    if (n.mqtt) {
      this.client = mqtt.connect(n.mqtt.url, { username: n.mqtt.username, password: n.mqtt.password, reconnectPeriod: 5000, connectTimeout: 5000 });
      this.client.on('error', (err) => this.log.warn({ err: err.message }, 'MQTT error'));
    }
  }

  send(e: NotifierEvent): void {
    for (const hook of this.config.webhooks) void this.post(hook.url, hook.secret, e);
    if (this.client && this.config.mqtt) {
      const cameraId = e.type === 'alert' ? e.alert.cameraId : e.type === 'event' ? e.event.cameraId : e.cameraId;
      const topic = `${this.config.mqtt.topicPrefix}/cameras/${cameraId}/${e.type === 'alert' ? 'alerts' : e.type === 'event' ? 'events' : 'health'}`;
      this.client.publish(topic, JSON.stringify(e), { qos: 1, retain: e.type === 'health' }, (err) => {
        if (err) {
          this.failures += 1;
          this.log.warn({ err: err.message, topic }, 'MQTT publish failed');
        } else this.delivered += 1;
      });
    }
  }

  async close(): Promise<void> {
    await this.closeMqtt();
  }

  private async closeMqtt(): Promise<void> {
    const c = this.client;
    this.client = null;
    if (c) await c.endAsync();
  }

  private async post(url: string, secret: string | undefined, e: NotifierEvent): Promise<void> {
    const body = JSON.stringify(e);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Vigil' };
    if (secret) headers['x-vigil-signature'] = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
        if (res.ok) {
          this.delivered += 1;
          return;
        }
        this.log.warn({ url, status: res.status, attempt }, 'webhook refused');
      } catch (err) {
        this.log.warn({ url, err: (err as Error).message, attempt }, 'webhook unreachable');
      }
      await new Promise((r) => setTimeout(r, attempt * 1000));
    }
    this.failures += 1;
  }
}
