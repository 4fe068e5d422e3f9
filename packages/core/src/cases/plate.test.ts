import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { VehicleType } from '@vigil/types';
import { VigilError } from '../errors';
import { ruleFor } from './catalogue';
import { parsePlate } from './plate';

const GOOD: [string, VehicleType, string, string][] = [
  ['51F12345', 'car', '51F12345', '51F-123.45'],
  ['51F-123.45', 'car', '51F12345', '51F-123.45'],
  ['51f 1234', 'car', '51F1234', '51F-1234'],
  ['30LD-123.45', 'car', '30LD12345', '30LD-123.45'],
  ['29B1-123.45', 'motorbike', '29B112345', '29B1-123.45'],
  ['59X3 1234', 'motorbike', '59X31234', '59X3-1234'],
  ['29MĐ1-123.45', 'ebike', '29MĐ112345', '29MĐ1-123.45'],
];
for (const [raw, type, text, display] of GOOD) {
  test(`plate ${raw} (${type}) is ${display}`, () => assert.deepEqual(parsePlate(raw, type), { text, display }));
}

const BAD: [string, VehicleType][] = [
  ['10A12345', 'car'], ['05A12345', 'car'], ['51F123', 'car'], ['51F1234567', 'car'], ['ABC', 'car'], ['51-12345', 'motorbike'], ['29B112345', 'car'],
];
for (const [raw, type] of BAD) {
  test(`plate ${raw} (${type}) is refused`, () => {
    assert.throws(() => parsePlate(raw, type), (e: unknown) => e instanceof VigilError && e.code === 'VALIDATION' && e.field === 'plate.text');
  });
}

test('catalogue: a case keeps the rule in force on its date', () => {
  assert.equal(ruleFor('red_light_motorbike', new Date('2024-12-31T16:00:00Z'), 'motorbike').code, '100/2019/6.4.e');
  assert.equal(ruleFor('red_light_motorbike', new Date('2024-12-31T17:00:00Z'), 'motorbike').code, '168/2024/7.7.c');
  assert.equal(ruleFor('168/2024/7.2.h', new Date('2025-06-01T00:00:00Z'), 'motorbike').fineMin, 400_000);
  assert.throws(() => ruleFor('168/2024/7.2.h', new Date('2024-06-01T00:00:00Z')), /not in force on 2024-06-01.*100\/2019\/6\.2\.i/);
  assert.throws(() => ruleFor('999/2099/1.1.a', new Date()), /unknown violation code/);
  assert.throws(() => ruleFor('168/2024/7.2.h', new Date('2025-06-01T00:00:00Z'), 'car'), /does not apply to vehicle type car/);
});
