import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { randomToken, VigilError } from '@vigil/core';
import { Password, Role, UserCreate } from '@vigil/types';
import { createContext, loadConfig, type VigilContext } from '@vigil/server';
import { parseCsv } from '@vigil/server/csv';

/** Runs `fn` against the database in VIGIL_DATA_DIR (the server may be running: SQLite WAL allows it). */
async function withContext<T>(fn: (ctx: VigilContext) => Promise<T>): Promise<T> {
  const ctx = await createContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

async function cliActor(ctx: VigilContext) {
  return { ...(await ctx.system()), id: 'cli', username: 'cli' };
}

async function userByName(ctx: VigilContext, username: string) {
  const user = await ctx.stores.users.getByUsername(username);
  if (!user) throw new VigilError('NOT_FOUND', `no user ${username}`, 'username');
  return user;
}

function printImport(kind: string, r: { created: number; updated: number; errors: { line: number; field?: string; message: string }[] }): void {
  console.log(`${kind}: ${r.created} created, ${r.updated} updated, ${r.errors.length} refused`);
  for (const e of r.errors) console.log(`  line ${e.line}${e.field ? ` [${e.field}]` : ''}: ${e.message}`);
  if (r.errors.length) process.exitCode = 1;
}

/** users, units, cameras and audit sub-commands. */
export function registerAdminCommands(program: Command): void {
  const users = program.command('users').description('manage users');
  users
    .command('add <username>')
    .description('create a user; prints the password when one is generated')
    .requiredOption('-r, --role <role>', `one of ${Role.options.join(', ')}`)
    .requiredOption('-u, --unit <code>', 'code of the user\'s administrative unit')
    .option('-n, --name <displayName>', 'display name')
    .option('--password <password>', 'password (default: VIGIL_NEW_PASSWORD or a generated one)')
    .action(async (username: string, o: { role: string; unit: string; name?: string; password?: string }) =>
      withContext(async (ctx) => {
        const unit = await ctx.stores.units.getByCode(o.unit);
        if (!unit) throw new VigilError('VALIDATION', `--unit: unknown unit code ${o.unit}`, 'unit');
        const password = o.password ?? process.env.VIGIL_NEW_PASSWORD ?? randomToken(12);
        const body = UserCreate.safeParse({ username, displayName: o.name ?? username, password, role: o.role, unitId: unit.id });
        if (!body.success) {
          const i = body.error.issues[0];
          throw new VigilError('VALIDATION', `${i.path.join('.') || 'input'}: ${i.message}`, i.path.join('.'));
        }
        const user = await ctx.users.create(await cliActor(ctx), body.data);
        console.log(`user ${user.username} created (role ${user.role}, unit ${unit.code})`);
        if (!o.password && !process.env.VIGIL_NEW_PASSWORD) console.log(`password: ${password}`);
      }),
    );
  users
    .command('passwd <username>')
    .description('set a user\'s password (and unlock the account)')
    .option('--password <password>', 'new password (default: VIGIL_NEW_PASSWORD or a generated one)')
    .action(async (username: string, o: { password?: string }) =>
      withContext(async (ctx) => {
        const user = await userByName(ctx, username);
        const password = o.password ?? process.env.VIGIL_NEW_PASSWORD ?? randomToken(12);
        const ok = Password.safeParse(password);
        if (!ok.success) throw new VigilError('VALIDATION', `password: ${ok.error.issues[0].message}`, 'password');
        await ctx.users.update(await cliActor(ctx), user.id, { password });
        console.log(`password of ${username} changed`);
        if (!o.password && !process.env.VIGIL_NEW_PASSWORD) console.log(`password: ${password}`);
      }),
    );
  users
    .command('disable <username>')
    .description('disable a user and end their sessions')
    .action(async (username: string) =>
      withContext(async (ctx) => {
        const user = await userByName(ctx, username);
        await ctx.users.update(await cliActor(ctx), user.id, { disabled: true });
        console.log(`user ${username} disabled`);
      }),
    );

  program
    .command('units')
    .description('administrative units')
    .command('import <file>')
    .description('import units from CSV: code,name,level,parent_code')
    .action(async (file: string) =>
      withContext(async (ctx) => printImport('units', await ctx.units.importRows(await cliActor(ctx), parseCsv(readFileSync(file, 'utf8'))))),
    );

  program
    .command('cameras')
    .description('cameras')
    .command('import <file>')
    .description('import cameras from CSV (see GET /api/cameras/export.csv for the columns)')
    .action(async (file: string) =>
      withContext(async (ctx) => printImport('cameras', await ctx.cameras.importRows(await cliActor(ctx), parseCsv(readFileSync(file, 'utf8'))))),
    );

  program
    .command('audit')
    .description('audit log')
    .command('verify')
    .description('check the hash chain of the audit log; exit 1 when broken')
    .action(async () =>
      withContext(async (ctx) => {
        const r = await ctx.audit.verify();
        if (r.ok) console.log(`audit log OK: ${r.checked} rows verified`);
        else {
          console.log(`audit log BROKEN at row ${r.firstBadSeq}: ${r.reason} (${r.checked} rows verified before it)`);
          process.exitCode = 1;
        }
      }),
    );
}
