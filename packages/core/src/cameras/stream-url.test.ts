import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitCredentials, withCredentials } from './stream-url';

test('credentials are lifted out of URLs and put back', () => {
  const cases: [string, string, { username: string; password: string } | null][] = [
    ['rtsp://admin:12345@10.0.0.2:554/Streaming/Channels/101', 'rtsp://10.0.0.2:554/Streaming/Channels/101', { username: 'admin', password: '12345' }],
    ['rtsp://10.0.0.2/live', 'rtsp://10.0.0.2/live', null],
    ['http://u%40x:p%3Aw@cam.local/mjpeg', 'http://cam.local/mjpeg', { username: 'u@x', password: 'p:w' }],
    ['demo://cam-1?scene=traffic', 'demo://cam-1?scene=traffic', null],
  ];
  for (const [input, url, creds] of cases) {
    const split = splitCredentials(input);
    assert.equal(split.url, url);
    assert.deepEqual(split.credentials, creds);
    if (creds) assert.equal(new URL(withCredentials(split.url, creds)).password, new URL(input).password);
  }
});
