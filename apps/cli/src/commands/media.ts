import type { Command } from 'commander';

/** `vigil qr FILE... --json`: decode QR codes in images, one JSON line per file. */
export function registerMediaCommands(program: Command): void {
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
