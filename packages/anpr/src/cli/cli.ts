// `vigil anpr FILE... [--json]`: one line per file, models loaded once for the batch. A file that is
// not a usable image gets an error line of its own and the batch goes on; the exit code says
// whether any file failed.
import { ImageError } from '../reader/image';
import { PlateReader, type PlateRead } from '../reader/plate-reader';

/** Options of the CLI command. */
export interface AnprCliOptions {
  /** One JSON object per line instead of a human-readable line. */
  json: boolean;
  /** Reuse an already loaded reader (tests, long-lived callers). */
  reader?: PlateReader;
}

function publicPlate(p: PlateRead) {
  return { text: p.text, display: p.display, confidence: p.confidence, box: p.box, colour: p.colour, kind: p.kind, province: p.province };
}

/** Reads each file, writing one line per file through `out`; resolves to the process exit code. */
export async function runAnprCli(files: string[], opts: AnprCliOptions, out: (line: string) => void): Promise<number> {
  if (files.length === 0) {
    out(opts.json ? JSON.stringify({ error: 'no input files given' }) : 'usage: vigil anpr FILE... [--json]');
    return 2;
  }
  const reader = opts.reader ?? (await PlateReader.create());
  let failed = 0;
  for (const file of files) {
    try {
      const plates = (await reader.read(file)).map(publicPlate);
      if (opts.json) out(JSON.stringify({ file, plates }));
      else out(`${file}: ${plates.length ? plates.map((p) => `${p.display} (${p.colour}, ${p.kind}, ${p.confidence})`).join('; ') : 'no plate found'}`);
    } catch (e) {
      // Every failure stays on its file's line so one bad input cannot sink a batch; unusable
      // images carry their ImageError code, anything unexpected is marked internal.
      failed++;
      const code = e instanceof ImageError ? e.code : 'ANPR_ERR_INTERNAL';
      const message = e instanceof Error ? e.message : String(e);
      if (opts.json) out(JSON.stringify({ file, error: message, code, plates: [] }));
      else out(`${file}: error: ${message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
