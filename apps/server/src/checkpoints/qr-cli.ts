import { readFile } from 'node:fs/promises';
import { decodeImage, loadZxing } from './qr-codec';

/**
 * `vigil qr FILE... --json`: one JSON line per file, `{"file", "codes": [{"text", "format"}]}`, or
 * with `"error"` for an unreadable file. The batch goes on after a bad file; the exit code is 1
 * when any file failed. The decoder is loaded once for the whole batch.
 */
export async function runQrCli(files: string[], out: (line: string) => void): Promise<number> {
  await loadZxing();
  let failed = false;
  for (const file of files) {
    try {
      const buf = await readFile(file);
      const { codes } = await decodeImage(buf);
      out(JSON.stringify({ file, codes }));
    } catch (err) {
      failed = true;
      out(JSON.stringify({ file, error: errorText(err), codes: [] }));
    }
  }
  return failed ? 1 : 0;
}

function errorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'file not found';
  if (e?.code === 'EISDIR') return 'is a directory, not an image';
  if (e?.code === 'EACCES') return 'permission denied';
  const msg = e instanceof Error ? e.message : String(err);
  return /unsupported image format|Input buffer|corrupt|premature/i.test(msg) ? `not a readable image (${msg})` : msg;
}
