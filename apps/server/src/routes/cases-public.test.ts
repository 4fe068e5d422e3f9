import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestVigil, type TestVigil } from '../testing';

describe('public violation look-up', () => {
  let v: TestVigil;
  const lookup = (qs: string) => v.app.inject({ method: 'GET', url: `/api/public/violations?${qs}` });

  before(async () => {
    process.env.VIGIL_PUBLIC_FREE_QUERIES = '3';
    process.env.VIGIL_PUBLIC_RATE_PER_MIN = '12';
    v = await createTestVigil();
  });
  after(async () => {
    delete process.env.VIGIL_PUBLIC_FREE_QUERIES;
    delete process.env.VIGIL_PUBLIC_RATE_PER_MIN;
    await v.close();
  });

  test('shows what the national look-up shows, never the owner', async () => {
    const res = await lookup('plate=29B1-123.45&vehicleType=motorbike');
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items;
    assert.ok(items.length >= 1, 'the escalated demo case is published');
    const [it] = items;
    for (const k of ['plate', 'plateColour', 'vehicleType', 'occurredAt', 'place', 'violation', 'status', 'detectingUnit', 'resolvingUnit']) assert.ok(k in it, k);
    assert.ok(it.resolvingUnit.phone && it.resolvingUnit.address);
    // The demo owner of this plate is Trần Thị Bích; nothing about her may leak.
    for (const secret of ['Trần Thị Bích', '045198765432', 'Khu phố 2', 'owner']) assert.ok(!res.body.includes(secret), `leaks ${secret}`);
    // Unverified (detected) cases of the same plate are not published.
    assert.ok(items.every((i: { status: string }) => ['not_handled', 'handled'].includes(i.status)));
    assert.equal(items.length, 1);
  });

  test('a bad plate is refused, unknown vehicle types too', async () => {
    const bad = await lookup('plate=hello&vehicleType=motorbike');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().field, 'plate');
    assert.equal((await lookup('plate=29B112345&vehicleType=plane')).statusCode, 400);
  });

  test('after a few queries a challenge is required, then floods get 429', async () => {
    let need = await lookup('plate=51F12345&vehicleType=car');
    for (let i = 0; i < 5 && need.statusCode === 200; i++) need = await lookup('plate=51F12345&vehicleType=car');
    assert.equal(need.statusCode, 428);
    assert.equal(need.json().error, 'CHALLENGE_REQUIRED');
    const ch = (await v.app.inject({ method: 'GET', url: '/api/public/challenge' })).json();
    const [a, b] = ch.question.match(/\d+/g).map(Number);
    const wrong = await lookup(`plate=51F12345&vehicleType=car&challenge=${encodeURIComponent(ch.challenge)}&answer=${a + b + 1}`);
    assert.equal(wrong.json().error, 'CHALLENGE_FAILED');
    const ok = await lookup(`plate=51F12345&vehicleType=car&challenge=${encodeURIComponent(ch.challenge)}&answer=${a + b}`);
    assert.equal(ok.statusCode, 200, ok.body);
    const again = await lookup(`plate=51F12345&vehicleType=car&challenge=${encodeURIComponent(ch.challenge)}&answer=${a + b}`);
    assert.equal(again.statusCode, 200, 'a solved challenge buys a few more queries');
    let limited = 0;
    for (let i = 0; i < 20; i++) {
      const r = await lookup('plate=51F12345&vehicleType=car');
      if (r.statusCode === 429) {
        limited++;
        assert.ok(Number(r.headers['retry-after']) >= 1);
      }
    }
    assert.ok(limited > 0, 'flooding is refused with 429');
  });

  test('the look-up needs no login while the rest of the API does', async () => {
    assert.equal((await v.app.inject({ method: 'GET', url: '/api/violations' })).statusCode, 401);
  });
});
