#!/usr/bin/env node
// Installs the Debian packages Vigil needs (ffmpeg for video, Chromium for browser tests, a C++
// toolchain for native addons) when they are missing. Runs as npm's preinstall hook so that
// `npm install && npm start|test` works on a fresh Debian machine with only Node and npm.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = [
  { cmd: 'ffmpeg', pkg: 'ffmpeg', why: 'video ingest, recording and tests' },
  { cmd: 'ffprobe', pkg: 'ffmpeg', why: 'video probing' },
  { cmd: 'chromium', pkg: 'chromium', why: 'browser tests' },
  { cmd: 'g++', pkg: 'g++', why: 'building native addons (better-sqlite3)' },
  { cmd: 'make', pkg: 'make', why: 'building native addons' },
  { cmd: 'python3', pkg: 'python3', why: 'node-gyp' },
  { cmd: 'fc-list', pkg: 'fonts-dejavu-core', why: 'fonts with Vietnamese diacritics' },
  { cmd: 'pdftotext', pkg: 'poppler-utils', why: 'checking generated PDF notices in tests' },
  { cmd: 'rtsp-server-perl', pkg: 'rtsp-server-perl', why: 'simulated RTSP cameras in tests and benchmarks' },
  { file: '/usr/sbin/mosquitto', pkg: 'mosquitto', why: 'MQTT broker for notifier tests' },
  { file: '/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf', pkg: 'fonts-liberation', why: 'plate fonts for generated test data' },
];

function has(w) {
  if (w.file) return existsSync(w.file);
  return spawnSync('sh', ['-c', `command -v ${w.cmd}`], { stdio: 'ignore' }).status === 0;
}

if (process.env.VIGIL_SKIP_SYSTEM_DEPS === '1') process.exit(0);
const missing = wanted.filter((w) => !has(w));
if (missing.length === 0) process.exit(0);

const pkgs = [...new Set(missing.map((m) => m.pkg))];
const list = missing.map((m) => `  - ${m.cmd ?? m.file} (Debian package ${m.pkg}): ${m.why}`).join('\n');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !has({ cmd: 'apt-get' })) {
  console.warn(`[vigil] Missing system tools:\n${list}\n[vigil] Install them with: sudo apt-get install -y ${pkgs.join(' ')}`);
  process.exit(0);
}
console.log(`[vigil] Installing missing system packages: ${pkgs.join(' ')}`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
} catch (err) {
  console.error(`[vigil] apt-get could not install ${pkgs.join(' ')}: ${err.message}\n${list}`);
  process.exit(1);
}
