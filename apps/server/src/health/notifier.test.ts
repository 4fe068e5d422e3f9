import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import mqtt from 'mqtt';
import pino from 'pino';
import { freePort, waitForPort } from '@vigil/test-kit';
import { HealthNotifier } from './notifier';

const log = pino({ level: 'silent' });

test('events reach a webhook (signed) and an MQTT broker (topic per camera)', async () => {
  // A real broker: Debian's mosquitto on a free loopback port.
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'vigil-mqtt-'));
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(conf, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
  const broker = spawn('/usr/sbin/mosquitto', ['-c', conf], { stdio: 'ignore' });
  const hooks: { body: string; sig: string | undefined }[] = [];
  const web = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      hooks.push({ body, sig: req.headers['x-vigil-signature'] as string | undefined });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => web.listen(0, '127.0.0.1', r));
  const webPort = (web.address() as { port: number }).port;
  const notifier = new HealthNotifier(log);
  await waitForPort(port);
  const sub = mqtt.connect(`mqtt://127.0.0.1:${port}`);
  try {
    const got: { topic: string; payload: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      sub.once('connect', () => sub.subscribe('vigil-test/#', (err) => (err ? reject(err) : resolve())));
      sub.once('error', reject);
    });
    sub.on('message', (topic, payload) => got.push({ topic, payload: payload.toString() }));
    await notifier.configure({ webhooks: [{ url: `http://127.0.0.1:${webPort}/hook`, secret: 'k3y' }], mqtt: { url: `mqtt://127.0.0.1:${port}`, topicPrefix: 'vigil-test' } });
    await new Promise((r) => setTimeout(r, 500));
    notifier.send({ type: 'health', cameraId: 'cam-1', status: 'offline', since: new Date().toISOString(), reasons: ['no data for 3 s'], reasonCodes: [{ code: 'no_data_for', values: { seconds: 3, ingest: 'offline' } }] });
    notifier.send({ type: 'alert', alert: { cameraId: 'cam-1', kind: 'offline', status: 'open' } });
    const until = Date.now() + 10_000;
    while ((got.length < 2 || hooks.length < 2) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(got.map((g) => g.topic).sort(), ['vigil-test/cameras/cam-1/alerts', 'vigil-test/cameras/cam-1/health']);
    assert.equal(JSON.parse(got.find((g) => g.topic.endsWith('/health'))!.payload).status, 'offline');
    assert.equal(hooks.length, 2);
    for (const h of hooks) assert.equal(h.sig, `sha256=${createHmac('sha256', 'k3y').update(h.body).digest('hex')}`);
  } finally {
    await sub.endAsync();
    await notifier.close();
    web.close();
    broker.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
