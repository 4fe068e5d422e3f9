import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voteTrack } from './vote';

test('voteTrack outvotes a single misread character', () => {
  const v = voteTrack([
    { text: '51F12345', confidence: 0.9 },
    { text: '51F12845', confidence: 0.6 },
    { text: '51F12345', confidence: 0.8 },
  ]);
  assert.equal(v?.text, '51F12345');
  assert.equal(v?.display, '51F-123.45');
  assert.equal(v?.votes, 3);
  assert.ok(v!.confidence > 0.4 && v!.confidence < 0.9, String(v?.confidence));
});

test('voteTrack weights by confidence: one clear frame beats two blurred ones', () => {
  const v = voteTrack([
    { text: '29B112345', confidence: 0.98 },
    { text: '29B172345', confidence: 0.3 },
    { text: '29B172345', confidence: 0.3 },
  ]);
  assert.equal(v?.text, '29B112345');
});

test('voteTrack votes by character across reads of the same shape', () => {
  // No read is right everywhere, the vote is.
  const v = voteTrack([
    { text: '59X294270', confidence: 0.7 },
    { text: '59X294276', confidence: 0.7 },
    { text: '59X894270', confidence: 0.7 },
  ]);
  assert.equal(v?.text, '59X294270');
  assert.equal(v?.display, '59-X2 942.70');
});

test('voteTrack ignores invalid reads and returns null when none is valid', () => {
  assert.equal(voteTrack([]), null);
  assert.equal(voteTrack([{ text: 'HELLO', confidence: 0.9 }]), null);
  assert.equal(voteTrack([{ text: 'HELLO', confidence: 0.9 }, { text: '51F1234', confidence: 0.5 }])?.text, '51F1234');
});
