import type { Command } from 'commander';

/** `vigil qr FILE... --json` and `vigil anpr FILE... --json`: one JSON line per file. */
export function registerMediaCommands(program: Command): void {
  program
    .command('anpr')
    .description('read Vietnamese licence plates in image files (models load once for the batch)')
    .argument('<files...>', 'image files')
    .option('--json', 'one JSON object per line', false)
    .action(async (files: string[], o: { json: boolean }) => {
      const { runAnprCli } = await import('@vigil/anpr');
      process.exitCode = await runAnprCli(files, { json: o.json }, (line) => console.log(line));
    });
  program
    .command('qr')
    .description('decode QR codes in image files (one JSON line per file with --json)')
    .argument('<files...>', 'image files')
    .option('--json', 'one JSON object per line', false)
    .action(async (files: string[]) => {
      const { runQrCli } = await import('@vigil/server/qr-cli');
      process.exitCode = await runQrCli(files, (line) => console.log(line));
    });
}
