import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidPlate, parseAll, parsePlate, SERIES_LETTERS, SPECIAL_SERIES } from './format';
import { CENTRAL, PROVINCES } from './provinces';
import { correctPlate, correctSlots } from './correct';

test('province table: codes 11-99 in use, each with a legacy and a post-2025 province', () => {
  const unassigned = ['13', '42', '44', '45', '46', '87', '91', '96'];
  for (let c = 11; c <= 99; c++) {
    const code = String(c);
    assert.equal(PROVINCES.has(code), !unassigned.includes(code), `code ${code}`);
  }
  for (const p of PROVINCES.values()) {
    assert.ok(p.province.length > 0 && p.merged.length > 0, p.code);
  }
  const merged = new Set([...PROVINCES.values()].map((p) => p.merged).filter((m) => m !== CENTRAL));
  assert.equal(merged.size, 34, [...merged].sort().join(', '));
  // The 63 pre-merger provinces, every one of which still issues at least one code.
  const legacy = new Set([...PROVINCES.values()].map((p) => p.province).filter((m) => m !== CENTRAL));
  assert.equal(legacy.size, 63);
  assert.equal(PROVINCES.get('51')?.merged, 'TP. Hồ Chí Minh');
  assert.equal(PROVINCES.get('61')?.merged, 'TP. Hồ Chí Minh');
  assert.equal(PROVINCES.get('34')?.merged, 'Hải Phòng');
  assert.equal(PROVINCES.get('88')?.merged, 'Phú Thọ');
});

const VALID: Array<[string, string, string, 'car' | 'motorbike']> = [
  // input, normalised, display, kind
  ['51F-123.45', '51F12345', '51F-123.45', 'car'],
  ['51F12345', '51F12345', '51F-123.45', 'car'],
  ['51F-1234', '51F1234', '51F-1234', 'car'],
  ['30A-999.99', '30A99999', '30A-999.99', 'car'],
  ['51LD-123.45', '51LD12345', '51LD-123.45', 'car'],
  ['80NG-123.45', '80NG12345', '80NG-123.45', 'car'],
  ['29KT-1234', '29KT1234', '29KT-1234', 'car'],
  ['29-B1 123.45', '29B112345', '29-B1 123.45', 'motorbike'],
  ['29B112345', '29B112345', '29-B1 123.45', 'motorbike'],
  ['56-P1 9074', '56P19074', '56-P1 9074', 'motorbike'],
  ['86-AA 010.79', '86AA01079', '86-AA 010.79', 'motorbike'],
  ['29-MĐ1 123.45', '29MD112345', '29-MĐ1 123.45', 'motorbike'],
  ['29MD112345', '29MD112345', '29-MĐ1 123.45', 'motorbike'],
  ['99-E1 179.15', '99E117915', '99-E1 179.15', 'motorbike'],
];

test('grammar accepts every valid format with normalised and display forms', () => {
  for (const [input, text, display, kind] of VALID) {
    const p = parsePlate(input);
    assert.ok(p, input);
    assert.deepEqual([p.text, p.display, p.kind], [text, display, kind], input);
  }
});

test('every series letter and every province code is accepted', () => {
  for (const l of SERIES_LETTERS) assert.ok(isValidPlate(`51${l}12345`), l);
  for (const s of SPECIAL_SERIES) assert.ok(isValidPlate(`51${s}12345`), s);
  for (const code of PROVINCES.keys()) assert.ok(isValidPlate(`${code}-K2 123.45`), code);
});

const INVALID = [
  '', '51', '51F', '51F123', '51F1234567', '51F-123456', // too short / long serial
  '13F12345', '42A12345', '96A12345', '10A12345', '05A12345', // unassigned province codes
  '51I12345', '51J12345', '51O12345', '51Q12345', '51W12345', // excluded series letters
  '51F1234A', 'A1F12345', '5AF12345', // letters in digit slots
  '29-B0 123.45', // series digit 0
  '86-AA 0107', '29-MĐ1 1234', // new series never carry 4-digit serials
  '51FFF12345', 'HELLO', '51-F1-F1',
];

test('grammar rejects invalid plates', () => {
  for (const s of INVALID) assert.equal(isValidPlate(s), false, s);
});

test('two-line split settles ambiguous strings', () => {
  assert.equal(parsePlate(['56P1', '9074'])?.kind, 'motorbike');
  assert.equal(parsePlate(['56P1', '9074'])?.display, '56-P1 9074');
  assert.equal(parsePlate(['51F', '12345'])?.kind, 'car'); // square rear car plate
  assert.equal(parsePlate('56P19074')?.kind, 'car'); // one-line default
  assert.equal(parseAll('56P19074').length, 2);
});

test('position-aware look-alike correction', () => {
  const cases: Array<[string | string[], string]> = [
    ['5IF-123.45', '51F12345'], // I in a digit slot
    ['518-123.45', '51B12345'], // 8 in the letter slot
    ['51F-I23.4S', '51F12345'],
    ['S1F-12B.45', '51F12845'],
    ['29-81 123.45', '29B112345'],
    [['59V2', '158.OO'], '59V215800'],
    [['6O-B9', '383.85'], '60B938385'],
    ['5lG-0l1.77', '51G01177'],
  ];
  for (const [raw, want] of cases) assert.equal(correctPlate(raw)?.info.text, want, String(raw));
});

test('correction never turns a valid read into another or an invalid one', () => {
  // Every valid plate over a spread of codes, series and serials comes back unchanged.
  let n = 0;
  const codes = [...PROVINCES.keys()];
  const heads = [...SERIES_LETTERS, 'B1', 'K2', 'AA', 'LD', 'NG', 'MD1', 'Z9'];
  for (let i = 0; i < codes.length; i++) {
    for (const h of heads) {
      const serial = String((i * 7919 + h.length * 104729) % 100000).padStart(5, '0');
      for (const s of [serial, serial.slice(1)]) {
        const text = codes[i] + h + s;
        if (!isValidPlate(text)) continue;
        const c = correctPlate(text);
        assert.equal(c?.info.text, text);
        assert.equal(c?.changed, 0);
        n++;
      }
    }
  }
  assert.ok(n > 2000, `checked ${n}`);
});

test('recogniser alternatives beat look-alikes, and the result is always valid', () => {
  const slot = (...o: Array<[string, number]>) => o.map(([char, p]) => ({ char, p }));
  const lines = [[slot(['5', 0.9]), slot(['1', 0.9]), slot(['8', 0.6], ['B', 0.3]), ...[...'12345'].map((c) => slot([c, 0.99]))]];
  const c = correctSlots(lines);
  assert.equal(c?.info.text, '51B12345');
  assert.ok(c && isValidPlate(c.info.text));
  assert.equal(correctSlots([[slot(['X', 1])]]), null);
  // A dash read as a doubtful "1" on a one-line plate is dropped rather than making a motorbike series.
  const extra = [[...'86H'].map((c) => slot([c, 0.99])), [slot(['1', 0.3])], [...'67797'].map((c) => slot([c, 0.99]))].flat();
  assert.equal(correctSlots([extra])?.info.text, '86H67797');
});
