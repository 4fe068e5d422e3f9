import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Supervisor, type SupervisorState } from './supervisor';

test('restarts a failing job with growing backoff and close() waits for the running attempt', async () => {
  const states: SupervisorState[] = [];
  const delays: number[] = [];
  let runs = 0;
  let stoppedCleanly = false;
  const sup = new Supervisor({
    name: 't',
    minBackoffMs: 10,
    maxBackoffMs: 40,
    run: async (signal) => {
      runs += 1;
      if (runs < 4) throw new Error(`fail ${runs}`);
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => setTimeout(() => ((stoppedCleanly = true), resolve()), 20)));
    },
    onState: (s, d) => {
      states.push(s);
      if (d.retryInMs !== undefined) delays.push(d.retryInMs);
    },
  }).start();
  while (runs < 4) await new Promise((r) => setTimeout(r, 5));
  await sup.close();
  assert.equal(stoppedCleanly, true, 'close() resolved only after the attempt stopped');
  assert.deepEqual(delays, [10, 20, 40]);
  assert.equal(states.at(-1), 'stopped');
});
