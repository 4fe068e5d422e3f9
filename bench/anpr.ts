// Plate-reader benchmark: exact-match accuracy and ms/image on the real development photos (cars
// and motorbikes reported apart) and on a generated set (crops and scenes, per format and
// condition), each next to the plain PP-OCRv4 baseline measured in the same run. Error cases go to
// contact sheets under bench/out/.
//   npm run bench -- anpr [--quick] [--n 1000] [--seed 1] [--real-only] [--synth-only] [--no-baseline]
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { PlateReader } from '../packages/anpr/src/index';
import { baselineText } from '../packages/anpr/src/reader/baseline';
import { writeContactSheet, type SheetItem } from '../packages/anpr/src/report/contact-sheet';
import { generateSet } from '../packages/anpr/src/synth/dataset';

const ROOT = new URL('..', import.meta.url).pathname;
const REAL = join(ROOT, '../shared/data/plates-real-dev');
const OUT = join(ROOT, 'bench/out');

/** Accuracy bucket. */
interface Tally {
  n: number;
  exact: number;
  baseline: number;
  ms: number;
  /** Process CPU time (all threads): on a shared, loaded machine this is the load-independent cost. */
  cpuMs: number;
  baselineMs: number;
  baselineCpuMs: number;
}

const tally = (): Tally => ({ n: 0, exact: 0, baseline: 0, ms: 0, cpuMs: 0, baselineMs: 0, baselineCpuMs: 0 });

/** Wall and CPU milliseconds of one read. */
interface Cost { ms: number; cpuMs: number }

function add(map: Record<string, Tally>, key: string, ok: boolean, cost: Cost, base: boolean | null, baseCost: Cost): void {
  const t = (map[key] ??= tally());
  t.n++;
  t.exact += ok ? 1 : 0;
  t.ms += cost.ms;
  t.cpuMs += cost.cpuMs;
  t.baseline += base ? 1 : 0;
  t.baselineMs += baseCost.ms;
  t.baselineCpuMs += baseCost.cpuMs;
}

function summary(map: Record<string, Tally>, withBaseline: boolean) {
  return Object.fromEntries(
    Object.entries(map).sort().map(([k, t]) => [
      k,
      {
        n: t.n,
        exact: round(t.exact / t.n),
        msPerImage: round(t.ms / t.n, 1),
        cpuMsPerImage: round(t.cpuMs / t.n, 1),
        ...(withBaseline ? { baselineContains: round(t.baseline / t.n), baselineMsPerImage: round(t.baselineMs / t.n, 1), baselineCpuMsPerImage: round(t.baselineCpuMs / t.n, 1) } : {}),
      },
    ]),
  );
}

const round = (x: number, d = 4) => Math.round(x * 10 ** d) / 10 ** d;

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function timed<T>(f: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
}

/** Like timed, with the process CPU time too (onnxruntime's thread included). */
async function costed<T>(f: () => Promise<T>): Promise<[T, Cost]> {
  const c0 = process.cpuUsage();
  const [v, ms] = await timed(f);
  const c = process.cpuUsage(c0);
  return [v, { ms, cpuMs: (c.user + c.system) / 1000 }];
}

async function benchReal(reader: PlateReader, withBaseline: boolean) {
  const rows = readFileSync(join(REAL, 'truth.tsv'), 'utf8').trim().split('\n').map((l) => l.split('\t'));
  const by: Record<string, Tally> = {};
  const errors: SheetItem[] = [];
  await reader.read(join(REAL, rows[0][0])); // warm-up: first run of each shape allocates
  for (const [file, truth] of rows) {
    const buf = readFileSync(join(REAL, file));
    const [plates, ms] = await costed(() => reader.read(buf));
    const got = plates[0]?.text ?? '';
    let base: boolean | null = null;
    let baseMs: Cost = { ms: 0, cpuMs: 0 };
    if (withBaseline) {
      const [text, bms] = await costed(() => baselineText(reader.models, buf));
      base = text.includes(truth);
      baseMs = bms;
    }
    const kind = file.startsWith('carlong') ? 'car-one-line' : 'motorbike-two-line';
    add(by, kind, got === truth, ms, base, baseMs);
    add(by, 'all', got === truth, ms, base, baseMs);
    if (got !== truth) errors.push({ image: buf, label: `${file} ${truth}\ngot ${plates.map((p) => p.text).join(',') || '-'}` });
  }
  if (errors.length) await writeContactSheet(errors, join(OUT, 'anpr-real-errors.png'));
  return { dir: REAL, ...summary(by, withBaseline), errors: errors.map((e) => e.label.replace('\n', ' ')) };
}

async function benchSynth(reader: PlateReader, n: number, seed: number, withBaseline: boolean) {
  const by: Record<string, Tally> = {};
  const colourOk: Record<string, number> = { crop: 0, scene: 0 };
  const errors: SheetItem[] = [];
  for await (const it of generateSet({ n, seed })) {
    const c = it.spec.conditions;
    const [plates, ms] = await costed(() => reader.read(it.sample.image));
    // On scenes the reader may also return other text; the sample counts if the best read is the plate.
    const hit = plates.find((p) => p.text === it.spec.plate.text);
    const ok = plates[0]?.text === it.spec.plate.text;
    if (hit?.colour === it.spec.colour) colourOk[it.kind]++;
    let base: boolean | null = null;
    let baseMs: Cost = { ms: 0, cpuMs: 0 };
    if (withBaseline) {
      const [text, bms] = await costed(() => baselineText(reader.models, it.sample.image));
      base = text.includes(it.spec.plate.text);
      baseMs = bms;
    }
    const keys = [
      it.kind, `${it.kind}/${it.spec.layout}`, `${it.kind}/format:${it.spec.format}`, `${it.kind}/light:${c.light}`,
      `${it.kind}/blur:${c.blur}`, `${it.kind}/glare:${c.glare ? 'yes' : 'no'}`, `${it.kind}/colour:${it.spec.colour}`,
      `${it.kind}/angle:${Math.max(Math.abs(c.yaw), Math.abs(c.pitch)) > 15 ? '15-25' : '0-15'}`,
    ];
    for (const k of keys) add(by, k, ok, ms, base, baseMs);
    if (!ok) {
      errors.push({
        image: it.sample.image, box: it.kind === 'scene' ? it.sample.box : undefined,
        label: `${it.id} ${it.spec.plate.text}\ngot ${plates.map((p) => p.text).join(',') || '-'}`,
      });
    }
  }
  if (errors.length) await writeContactSheet(errors, join(OUT, 'anpr-synth-errors.png'));
  const s = summary(by, withBaseline);
  return {
    n, seed, ...s,
    colourAccuracy: {
      crop: round(colourOk.crop / Math.max(1, s.crop?.n ?? 0)), scene: round(colourOk.scene / Math.max(1, s.scene?.n ?? 0)),
    },
    errors: errors.slice(0, 60).map((e) => e.label.replace('\n', ' ')),
  };
}

/** Entry point called by bench/run.ts with the arguments after "anpr". */
export async function run(args: string[]): Promise<unknown> {
  const quick = args.includes('--quick');
  const n = Number(argValue(args, '--n') ?? (quick ? 150 : 1002));
  const seed = Number(argValue(args, '--seed') ?? 1);
  const withBaseline = !args.includes('--no-baseline');
  mkdirSync(OUT, { recursive: true });
  // bench/out holds pictures only; keep it out of commits without touching the root .gitignore.
  if (!existsSync(join(OUT, '.gitignore'))) writeFileSync(join(OUT, '.gitignore'), '*\n');
  for (const f of ['anpr-real-errors.png', 'anpr-synth-errors.png']) rmSync(join(OUT, f), { force: true });
  const [reader, loadMs] = await timed(() => PlateReader.create());
  // The machine is shared: the load average says how far wall times are inflated; cpuMsPerImage is not.
  const result: Record<string, unknown> = {
    bench: 'anpr', threads: 1, modelLoadMs: round(loadMs, 0), cores: availableParallelism(), loadAverageAtStart: loadavg().map((x) => round(x, 2)),
  };
  if (!args.includes('--synth-only')) result.real = existsSync(REAL) ? await benchReal(reader, withBaseline) : { skipped: `${REAL} not found` };
  if (!args.includes('--real-only')) result.generated = await benchSynth(reader, n, seed, withBaseline);
  result.loadAverageAtEnd = loadavg().map((x) => round(x, 2));
  result.contactSheets = [join(OUT, 'anpr-real-errors.png'), join(OUT, 'anpr-synth-errors.png')].filter(existsSync);
  return result;
}
