import type { Command } from 'commander';
import { startVigil } from '@vigil/server';

/** `vigil start`: serve the API and UI until SIGINT/SIGTERM, then close cleanly. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start the Vigil server (settings from VIGIL_* environment and vigil.config.json)')
    .option('-p, --port <port>', 'HTTP port (default VIGIL_PORT or 8080)', (v) => Number(v))
    .option('--demo', 'create demo units and cameras on an empty database')
    .action(async (opts: { port?: number; demo?: boolean }) => {
      const vigil = await startVigil({ port: opts.port, demo: opts.demo || undefined });
      console.log(`Vigil is running at ${vigil.url}  (API docs: ${vigil.url}/api/docs)`);
      if (vigil.generatedAdminPassword) {
        console.log('');
        console.log('  First start: user "admin" was created with the password below. It is shown only once.');
        console.log(`  admin password: ${vigil.generatedAdminPassword}`);
        console.log('');
      }
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        vigil.app.log.info({ signal }, 'shutting down');
        await vigil.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}
