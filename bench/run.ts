// `npm run bench -- <name> [args]`: runs bench/<name>.ts and prints its result as JSON.
// With no name, runs every benchmark in turn (each with --quick).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3));

const [name, ...args] = process.argv.slice(2);
const names = name ? [name] : available;
for (const n of names) {
  if (!available.includes(n)) {
    console.error(`no benchmark "${n}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(`./${n}.ts`)) as { run(args: string[]): Promise<unknown> };
  const started = Date.now();
  const result = await mod.run(name ? args : ['--quick']);
  console.log(JSON.stringify({ bench: n, at: new Date().toISOString(), durationSec: (Date.now() - started) / 1000, result }, null, 2));
}
process.exit(0);
