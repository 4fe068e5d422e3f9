import { Command } from 'commander';
import { VigilError } from '@vigil/core';
import { registerAdminCommands } from './commands/admin';
import { registerMediaCommands } from './commands/media';
import { registerStart } from './commands/start';

const program = new Command();
program.name('vigil').description('Vigil camera operations centre').version('0.1.0');
registerStart(program);
registerAdminCommands(program);
registerMediaCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof VigilError) {
    console.error(`vigil: ${err.message}`);
    process.exit(2);
  }
  throw err;
}
