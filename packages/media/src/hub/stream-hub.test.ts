import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FragmentInfo } from '../fmp4/fragment';
import type { InitInfo } from '../fmp4/init';
import { StreamHub, type StreamSubscriber } from './stream-hub';

const info: InitInfo = { codec: 'avc1.42c01e', browserPlayable: true, timescale: 1000, width: 640, height: 360 };
const frag = (keyframe: boolean, n: number): [Buffer, FragmentInfo] => [Buffer.from([n]), { keyframe, decodeTime: n * 100, duration: 100, samples: 1 }];

function recorder() {
  const seen: string[] = [];
  const sub: StreamSubscriber = {
    onInit: () => seen.push('init'),
    onFragment: (d, i) => seen.push(`${i.keyframe ? 'K' : 'p'}${d[0]}`),
    onEnd: (r) => seen.push(`end:${r}`),
  };
  return { seen, sub };
}

test('a late subscriber starts with the init and the current GOP, from its keyframe', () => {
  const hub = new StreamHub('c1');
  hub.setInit(Buffer.from('init'), info);
  for (const [d, i] of [frag(false, 0), frag(true, 1), frag(false, 2), frag(true, 3), frag(false, 4)]) hub.pushFragment(d, i, 0);
  const late = recorder();
  hub.subscribe(late.sub);
  assert.deepEqual(late.seen, ['init', 'K3', 'p4']);
  hub.pushFragment(...frag(false, 5), 0);
  assert.deepEqual(late.seen.at(-1), 'p5');
  assert.deepEqual(hub.latestGop()?.fragments.map((b) => b[0]), [3, 4, 5]);
});

test('a failing subscriber is dropped and told; the others keep receiving', () => {
  const hub = new StreamHub('c1');
  const good = recorder();
  let told = '';
  hub.subscribe({ onInit: () => undefined, onFragment: () => { throw new Error('boom'); }, onEnd: (r) => (told = r) });
  hub.subscribe(good.sub);
  hub.setInit(Buffer.from('init'), info);
  hub.pushFragment(...frag(true, 1), 0);
  hub.pushFragment(...frag(false, 2), 0);
  assert.match(told, /boom/);
  assert.deepEqual(good.seen, ['init', 'K1', 'p2']);
  assert.equal(hub.stats().subscribers, 1);
});

test('stats: fps and bitrate over the last seconds, offline after end', () => {
  const hub = new StreamHub('c1');
  hub.setInit(Buffer.from('init'), info);
  for (let i = 0; i <= 25; i++) hub.pushFragment(Buffer.alloc(1000), { keyframe: i % 25 === 0, decodeTime: i * 40, duration: 40, samples: 1 }, 10_000 + i * 40);
  const s = hub.stats(11_000);
  assert.ok(Math.abs(s.fps - 25) < 0.5, `fps ${s.fps}`);
  assert.equal(s.bitrateKbps, 200);
  assert.equal(s.online, true);
  hub.end('gone');
  assert.equal(hub.stats().online, false);
  assert.equal(hub.latestGop(), null);
});
