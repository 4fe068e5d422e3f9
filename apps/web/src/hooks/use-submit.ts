import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';

export interface SubmitState {
  busy: boolean;
  /** Messages by field: shown beside the field that was refused. */
  errors: Record<string, string>;
  /** An error no visible field can show (conflict, permission, network): shown above the form. */
  error: unknown;
  setErrors: (e: Record<string, string>) => void;
  /** Runs `fn` with the form busy; a refusal lands on its fields or at the top. Resolves true on success. */
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * The save cycle every form shares: busy while the request runs, the server's field errors beside
 * their fields, anything else above the form. `fields` lists the fields the form shows; an error
 * naming none of them goes to the top (default: any field error counts as shown).
 */
export function useSubmit(fields?: readonly string[]): SubmitState {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setErrors({});
    setError(undefined);
    try {
      await fn();
      return true;
    } catch (err) {
      const fe = err instanceof ApiError ? err.fieldErrors() : {};
      setErrors(fe);
      const shown = Object.keys(fe).some((k) => !fields || fields.includes(k));
      if (!shown) setError(err);
      return false;
    } finally {
      setBusy(false);
    }
  }, [fields]);
  return { busy, errors, error, setErrors, run };
}
