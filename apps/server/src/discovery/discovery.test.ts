// ONVIF discovery against a device simulated on 127.0.0.1 (UDP probe responder + SOAP over HTTP);
// never the real network: every probe here is unicast to the simulator.
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { after, before, describe, test } from 'node:test';
import { createTestVigil, type TestVigil } from '../testing';
import { unitByCode, userOf } from '../maintenance/test-helpers';
import { startOnvifSim, type OnvifSim } from './onvif-sim';
import { parseTarget, probe, scopeValue } from './ws-discovery';
import { find, parseXml, textOf } from './xml';

const SIM = {
  username: 'admin',
  password: 'Cam-pass-9',
  name: 'Cổng trường THPT',
  hardware: 'DS-2CD2043',
  location: 'Hồ Xá/Ngã tư',
  manufacturer: 'Hikvision',
  model: 'DS-2CD2043G2-I',
  firmware: 'V5.7.3',
  serial: 'DS2CD2043-20240101',
  profiles: [
    { token: 'Profile_1', name: 'mainStream', width: 2688, height: 1520, encoding: 'H264' },
    { token: 'Profile_2', name: 'subStream', width: 640, height: 360, encoding: 'H264' },
  ],
};

describe('ONVIF discovery', () => {
  let v: TestVigil;
  let admin: Record<string, string>;
  let sim: OnvifSim;
  before(async () => {
    v = await createTestVigil();
    admin = await v.login();
    sim = await startOnvifSim(SIM);
  });
  after(async () => {
    await sim.close();
    await v.close();
  });

  const discover = (payload: object, h = admin) => v.app.inject({ method: 'POST', url: '/api/discovery/onvif', headers: h, payload });

  test('probe, device information, profiles and stream URIs of the simulated camera', async () => {
    const res = await discover({ targets: [sim.target], timeoutMs: 600, username: SIM.username, password: SIM.password });
    assert.equal(res.statusCode, 200, res.body);
    const [d] = res.json().items;
    assert.equal(res.json().items.length, 1, 'two probes, one device');
    assert.equal(d.xaddr, sim.xaddr);
    assert.equal(d.error, null);
    assert.deepEqual([d.manufacturer, d.model, d.firmware, d.serial], [SIM.manufacturer, SIM.model, SIM.firmware, SIM.serial]);
    assert.deepEqual([d.name, d.hardware, d.location], [SIM.name, SIM.hardware, SIM.location]);
    assert.deepEqual(d.profiles, [
      { token: 'Profile_1', name: 'mainStream', width: 2688, height: 1520, encoding: 'H264', streamUri: 'rtsp://127.0.0.1:554/Streaming/Profile_1?transport=tcp&unicast=true' },
      { token: 'Profile_2', name: 'subStream', width: 640, height: 360, encoding: 'H264', streamUri: 'rtsp://127.0.0.1:554/Streaming/Profile_2?transport=tcp&unicast=true' },
    ]);
    for (const a of ['GetDeviceInformation', 'GetCapabilities', 'GetProfiles', 'GetStreamUri']) assert.ok(sim.calls.includes(a), a);
    const audit = (await v.app.inject({ method: 'GET', url: '/api/audit?action=discovery.onvif', headers: admin })).json().items;
    assert.equal(audit[0].details.found, 1);
  });

  test('a wrong password still lists the device, with the device\'s refusal', async () => {
    const res = await discover({ targets: [sim.target], timeoutMs: 400, username: SIM.username, password: 'wrong' });
    const [d] = res.json().items;
    assert.match(d.error, /NotAuthorized/);
    assert.deepEqual(d.profiles, []);
    assert.equal(d.name, SIM.name);
    const anon = (await discover({ targets: [sim.target], timeoutMs: 400 })).json().items[0];
    assert.match(anon.error, /NotAuthorized/);
  });

  test('bad inputs name the field; only admin/operator may scan', async () => {
    const cases: [object, string][] = [
      [{ targets: ['not a host!'] }, 'targets.0'],
      [{ targets: ['10.0.0.1:99999'] }, 'targets.0'],
      [{ targets: ['http://10.0.0.1/'] }, 'targets.0'],
      [{ timeoutMs: 50 }, 'timeoutMs'],
      [{ timeoutMs: 60_000 }, 'timeoutMs'],
      [{ timeoutMs: 'soon' }, 'timeoutMs'],
    ];
    for (const [payload, field] of cases) {
      const res = await discover(payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.equal(res.json().field, field, res.body);
    }
    const officer = await userOf(v, admin, 'officer', (await unitByCode(v, admin, 'DEMO-HX')).id);
    assert.equal((await discover({ targets: [sim.target], timeoutMs: 300 }, officer)).statusCode, 403);
  });

  test('answers to other probes and garbled datagrams are ignored', async () => {
    const noisy = createSocket('udp4');
    noisy.on('message', (_buf, rinfo) => {
      noisy.send('<<garbage', rinfo.port, rinfo.address);
      noisy.send('<e:Envelope xmlns:e="x"><e:Header><RelatesTo>uuid:someone-else</RelatesTo></e:Header><e:Body><ProbeMatches><ProbeMatch><XAddrs>http://10.9.9.9/onvif</XAddrs></ProbeMatch></ProbeMatches></e:Body></e:Envelope>', rinfo.port, rinfo.address);
    });
    await new Promise<void>((res) => noisy.bind(0, '127.0.0.1', res));
    const errors: Error[] = [];
    const found = await probe({ targets: [parseTarget(`127.0.0.1:${noisy.address().port}`), parseTarget(sim.target)], multicast: false, timeoutMs: 400, onError: (e) => errors.push(e) });
    noisy.close();
    assert.deepEqual(found.map((m) => m.xaddrs), [[sim.xaddr]]);
    assert.ok(errors.length >= 1);
  });
});

test('xml reader: namespaces dropped, entities decoded, CDATA kept, bad nesting refused', () => {
  const doc = parseXml('<?xml version="1.0"?><s:Envelope xmlns:s="x"><s:Body><a:T at="1 &amp; 2">A &lt;b&gt; &#x1EA0;</a:T><C><![CDATA[<raw>]]></C><E/></s:Body></s:Envelope>');
  assert.equal(textOf(doc, 'Body', 'T'), 'A <b> Ạ');
  assert.equal(find(doc, 'T')?.attrs.at, '1 & 2');
  assert.equal(textOf(doc, 'C'), '<raw>');
  assert.equal(textOf(doc, 'E'), '');
  assert.throws(() => parseXml('<a><b></a>'), /unexpected/);
  assert.throws(() => parseXml('<a>'), /not closed/);
});

test('targets and scopes', () => {
  assert.deepEqual(parseTarget('192.168.1.64'), { host: '192.168.1.64', port: 3702 });
  assert.deepEqual(parseTarget('cam.local:8000'), { host: 'cam.local', port: 8000 });
  assert.deepEqual(parseTarget('[fe80::1]:3702'), { host: 'fe80::1', port: 3702 });
  assert.equal(scopeValue(['onvif://www.onvif.org/name/C%E1%BB%95ng%201', 'onvif://www.onvif.org/location/city/hue'], 'name'), 'Cổng 1');
  assert.equal(scopeValue(['onvif://www.onvif.org/location/city/hue'], 'hardware'), null);
});
