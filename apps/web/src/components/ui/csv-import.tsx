import { useRef, useState } from 'react';
import type { ImportResult } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { ErrorAlert } from './alert';

interface CsvImportProps {
  upload: (csv: string) => Promise<ImportResult>;
  onDone?: (result: ImportResult) => void;
  hint?: string;
  testId: string;
}

/** "Import CSV" button: reads the chosen file and posts it as text/csv, then lists per-line errors. */
export function CsvImport({ upload, onDone, hint, testId }: CsvImportProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<unknown>();

  async function onFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const res = await upload(await file.text());
      setResult(res);
      onDone?.(res);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div className="csv-import">
      <label className={`button${busy ? ' button--busy' : ''}`} title={hint}>
        {t('common.importCsv')}
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid={testId}
          disabled={busy}
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
      </label>
      {error !== undefined && <ErrorAlert error={error} />}
      {result && (
        <div className="import-result" data-testid={`${testId}-result`}>
          <div>
            {t('common.importResult', { created: result.created, updated: result.updated ?? 0, errors: result.errors.length })}
          </div>
          {result.errors.length > 0 && (
            <ul className="import-errors">
              {result.errors.slice(0, 50).map((e, i) => (
                <li key={i}>
                  {t('common.importLine', { line: e.line })}
                  {e.field ? ` · ${e.field}` : ''}: {e.field && e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
