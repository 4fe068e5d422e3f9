import { CameraRules, type CameraRulesInput } from '@vigil/types';
import { SqlAnalyticsStore } from '@vigil/storage';
import type { VigilContext } from '../context';

/**
 * Rules drawn on the generated traffic scene (packages/media/src/demo/scene.ts, 640x360): a
 * counting line mid-road, an eastbound lane (the blue car drives it the wrong way), a stop line
 * before the signal head read from the top-right corner. The clock overlay and the signal head are masked.
 */
export const DEMO_TRAFFIC_RULES: CameraRulesInput = {
  fps: 5,
  masks: [
    [{ x: 0, y: 0 }, { x: 0.55, y: 0 }, { x: 0.55, y: 0.14 }, { x: 0, y: 0.14 }],
    [{ x: 0.92, y: 0.03 }, { x: 0.99, y: 0.03 }, { x: 0.99, y: 0.25 }, { x: 0.92, y: 0.25 }],
  ],
  rules: [
    { id: 'dem-xe', name: 'Đếm xe qua vạch giữa', kind: 'line', line: [{ x: 0.5, y: 0.45 }, { x: 0.5, y: 0.7 }], direction: 'both' },
    { id: 'nguoc-chieu', name: 'Đi ngược chiều', kind: 'wrong_way', polygon: [{ x: 0, y: 0.5 }, { x: 1, y: 0.5 }, { x: 1, y: 0.64 }, { x: 0, y: 0.64 }], direction: [{ x: 0.1, y: 0.57 }, { x: 0.9, y: 0.57 }], frames: 4, classes: ['car'], createCase: true },
    { id: 'vuot-den-do', name: 'Vượt đèn đỏ', kind: 'red_light', stopLine: [{ x: 0.75, y: 0.7 }, { x: 0.75, y: 0.45 }], direction: 'forward', signal: { type: 'region', polygon: [{ x: 0.935, y: 0.05 }, { x: 0.98, y: 0.05 }, { x: 0.98, y: 0.23 }, { x: 0.935, y: 0.23 }] }, amberGrace: 1, createCase: true },
  ],
};

/** Demo content: rules on the first two generated traffic cameras, so events flow within a minute. */
export async function seedAnalyticsDemo(ctx: VigilContext): Promise<void> {
  const store = new SqlAnalyticsStore(ctx.db);
  const { rows } = await ctx.stores.cameras.list({ unitIds: (await ctx.stores.units.all()).map((u) => u.id), limit: 1000, offset: 0 });
  const traffic = rows.filter((c) => c.mainUrl.startsWith('demo://') && c.mainUrl.includes('scene=traffic')).slice(0, 2);
  const config = CameraRules.parse(DEMO_TRAFFIC_RULES);
  for (const c of traffic) await store.putRules(c.id, config, ctx.clock.now().toISOString(), 'demo');
}
