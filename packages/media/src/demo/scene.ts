import { existsSync } from 'node:fs';

/** Synthetic scenes for demo:// cameras. */
export type SceneName = 'street' | 'traffic' | 'plate';
export const SCENES: readonly SceneName[] = ['street', 'traffic', 'plate'];

const FONT_CANDIDATES = ['/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf'];

export interface SceneOptions {
  scene: SceneName;
  width?: number;
  height?: number;
  fps?: number;
  /** Licence plate text drawn on the lead vehicle. */
  plate?: string;
  /** Label drawn under the clock. */
  label?: string;
  /** Also draw the wall-clock ms as a machine-readable bar (42 bits, LSB first) for latency measurement. */
  timecode?: boolean;
  /** Bitrate in kb/s (default scales with size). */
  kbps?: number;
  /** A fault played between `from` and `to` seconds of stream time (simulated broken camera). */
  fault?: { kind: 'freeze' | 'black' | 'swap' | 'throttle'; from: number; to: number };
}

/** Geometry of the timecode bar: 2 rows of 21 cells, bottom-left. */
export const TIMECODE = { bits: 42, perRow: 21, cell: 12, x: 8, bottomMargin: 36 } as const;

function timecodeFilters(h: number, start: string): string {
  const { bits, perRow, cell, x, bottomMargin } = TIMECODE;
  const y0 = h - bottomMargin;
  const parts = [`drawbox=x=${x - 4}:y=${y0 - 4}:w=${perRow * cell + 8}:h=${2 * cell + 8}:color=black:t=fill`];
  for (let i = 0; i < bits; i++) {
    const cx = x + (i % perRow) * cell;
    const cy = y0 + Math.floor(i / perRow) * cell;
    parts.push(`drawbox=x=${cx + 2}:y=${cy + 2}:w=${cell - 4}:h=${cell - 4}:color=white:t=fill:enable='eq(mod(floor((t+${start})*1000/${2 ** i})\,2)\,1)'`);
  }
  return parts.join(',');
}

/** Escapes text for a drawtext `text=` value inside a filtergraph. */
function dt(text: string): string {
  return text.replace(/\\/g, '\\\\\\\\').replace(/'/g, "\u2019").replace(/:/g, '\\\\:').replace(/,/g, '\\,');
}

/**
 * ffmpeg arguments that synthesise a scene with moving vehicles, an optional plate and a wall-clock
 * timestamp in milliseconds (local time) burned in, encoded live as H.264 with a 1 s GOP.
 */
export function sceneArgs(o: SceneOptions, startEpochMs = Date.now()): string[] {
  const w = o.width ?? 640;
  const h = o.height ?? 360;
  const fps = o.fps ?? 15;
  const font = FONT_CANDIDATES.find((f) => existsSync(f));
  const fontArg = font ? `fontfile=${font}:` : '';
  const road = Math.round(h / 2);
  const start = (startEpochMs / 1000).toFixed(3);
  const speed = o.scene === 'traffic' ? 160 : 110;
  const inputs = [
    `color=c=0x3b4a3f:s=${w}x${h}:r=${fps}`,
    `color=c=0xcfcfcf:s=${w}x${Math.round(h / 8)}:r=${fps}`,
    `color=c=0xc03030:s=${Math.round(w / 9)}x${Math.round(h / 10)}:r=${fps}`,
    `color=c=0x3060c0:s=${Math.round(w / 16)}x${Math.round(h / 15)}:r=${fps}`,
    `color=c=0xe0c040:s=${Math.round(w / 40)}x${Math.round(h / 14)}:r=${fps}`,
  ];
  const f = o.fault;
  const during = f ? `between(t\\,${f.from}\\,${f.to})` : '0';
  // While frozen, every moving thing uses the time at which the freeze began.
  const tt = f?.kind === 'freeze' ? `(t-${during}*(t-${f.from}))` : 't';
  const carX = `mod(${tt}*${speed}\\,${w + 120})-${Math.round(w / 9)}`;
  const filters = [
    `[0][1]overlay=0:${road}[a]`,
    `[a][2]overlay=x='${carX}':y=${road + 3}[b]`,
    `[b][3]overlay=x='${w}-mod(${tt}*${Math.round(speed * 0.6)}\\,${w + 80})':y=${road + 8}[c]`,
    `[c][4]overlay=x='mod(${tt}*25\\,${w})':y=${road - Math.round(h / 7)}[d]`,
  ];
  let last = '[d]';
  if (o.scene === 'traffic') {
    // A signal head whose phase changes every 10 s: red, then green.
    filters.push(`${last}drawbox=x=${w - 40}:y=20:w=24:h=60:color=black:t=fill,drawbox=x=${w - 36}:y=24:w=16:h=16:color=red:t=fill:enable='lt(mod(t\\,20)\\,10)',drawbox=x=${w - 36}:y=60:w=16:h=16:color=green:t=fill:enable='gte(mod(t\\,20)\\,10)'[e]`);
    last = '[e]';
  }
  // The lead vehicle carries a plate in the traffic and plate scenes, so the demo shows plates on events.
  const plate = o.plate ?? (o.scene === 'plate' || o.scene === 'traffic' ? '51F-123.45' : '');
  const chain: string[] = [];
  if (plate) chain.push(`drawtext=${fontArg}text='${dt(plate)}':fontsize=${Math.round(h / 24)}:box=1:boxcolor=white:boxborderw=2:fontcolor=black:x='${carX}+4':y=${road + 3 + Math.round(h / 14)}`);
  const clock = `%{pts\\:localtime\\:${start}\\:%Y-%m-%d %H\\\\\\:%M\\\\\\:%S}.%{eif\\:mod((t+${start})*1000\\,1000)\\:d\\:3}`;
  chain.push(`drawtext=${fontArg}fontsize=${Math.round(h / 18)}:fontcolor=white:box=1:boxcolor=black@0.55:x=8:y=8:text='${clock}'${f?.kind === 'freeze' ? `:enable='not(${during})'` : ''}`);
  if (o.timecode) chain.push(timecodeFilters(h, start));
  if (o.label) chain.push(`drawtext=${fontArg}fontsize=${Math.round(h / 26)}:fontcolor=white:x=8:y=${Math.round(h / 18) + 16}:text='${dt(o.label)}'`);
  if (f?.kind === 'black') chain.push(`drawbox=x=0:y=0:w=${w}:h=${h}:color=black:t=fill:enable='${during}'`);
  if (f?.kind === 'swap') chain.push(`hue=h=90:s=0:enable='${during}',drawgrid=w=${Math.round(w / 7)}:h=${Math.round(h / 5)}:t=6:color=white:enable='${during}',rotate=a='${during}*0.6':fillcolor=gray`);
  if (f?.kind === 'throttle') chain.push(`select='if(${during}\\,not(mod(n\\,5))\\,1)'`);
  filters.push(`${last}${chain.join(',')},format=yuv420p[out]`);
  return [
    '-hide_banner', '-loglevel', 'error', '-nostdin', '-re',
    ...inputs.flatMap((i) => ['-f', 'lavfi', '-i', i]),
    '-filter_complex', filters.join(';'), '-map', '[out]',
    ...(f?.kind === 'throttle' ? ['-fps_mode', 'vfr'] : []),
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', String(fps), '-bf', '0',
    '-b:v', `${o.kbps ?? Math.round((w * h) / 900)}k`, '-threads', '1',
  ];
}
