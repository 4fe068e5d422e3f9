import { existsSync, readFileSync } from 'node:fs';
import { VigilConfig, type VigilConfigInput } from '@vigil/types';
import { VigilError } from '@vigil/core';

const truthy = (v: string) => ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

/** Environment variables and the config key each one sets. */
const ENV_KEYS: Record<string, (v: string) => [section: keyof VigilConfigInput, key: string, value: unknown]> = {
  VIGIL_PORT: (v) => ['server', 'port', v],
  VIGIL_HOST: (v) => ['server', 'host', v],
  VIGIL_LOG_LEVEL: (v) => ['server', 'logLevel', v],
  VIGIL_DATA_DIR: (v) => ['storage', 'dataDir', v],
  VIGIL_ADMIN_PASSWORD: (v) => ['auth', 'adminPassword', v],
  VIGIL_DEMO: (v) => ['demo', 'enabled', truthy(v)],
  VIGIL_MAP_TILES_URL: (v) => ['map', 'tilesUrl', v || null],
  VIGIL_INGEST: (v) => ['video', 'ingest', truthy(v)],
  VIGIL_RECORD_DIR: (v) => ['video', 'recordDir', v || null],
  VIGIL_QR_WORKERS: (v) => ['checkpoints', 'qrWorkers', v],
};

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** JSON config file; defaults to VIGIL_CONFIG, then ./vigil.config.json when present; false for none. */
  file?: string | false;
  /** Values that win over file and environment (used by tests and the CLI). */
  overrides?: VigilConfigInput;
}

/** Loads settings: file < environment < overrides, validated section by section; errors name the key. */
export function loadConfig(opts: LoadConfigOptions = {}): VigilConfig {
  const env = opts.env ?? process.env;
  const file = opts.file === false ? undefined : opts.file ?? env.VIGIL_CONFIG ?? (existsSync('vigil.config.json') ? 'vigil.config.json' : undefined);
  const merged: Record<string, Record<string, unknown>> = {};
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new VigilError('CONFIG', `config file ${file}: ${(err as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object') throw new VigilError('CONFIG', `config file ${file}: must hold a JSON object`);
    for (const [section, values] of Object.entries(parsed as Record<string, unknown>)) merged[section] = { ...(values as object) };
  }
  for (const [name, apply] of Object.entries(ENV_KEYS)) {
    const v = env[name];
    if (v === undefined) continue;
    const [section, key, value] = apply(v);
    merged[section] = { ...merged[section], [key]: value };
  }
  for (const [section, values] of Object.entries(opts.overrides ?? {})) {
    merged[section] = { ...merged[section], ...(values as object) };
  }
  const result = VigilConfig.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue.path.join('.');
    throw new VigilError('CONFIG', `config ${key}: ${issue.message}`, key);
  }
  return result.data;
}
