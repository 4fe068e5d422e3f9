import type { ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n';

interface AlertProps {
  kind?: 'error' | 'success' | 'info';
  children: ReactNode;
  testId?: string;
}

export function Alert({ kind = 'info', children, testId }: AlertProps) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

/** Shows an error from the API; 403 and 404 get a plain-language refusal. */
export function ErrorAlert({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  const t = useT();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 403) {
    return (
      <Alert kind="error" testId="forbidden">
        {t('common.forbidden')} <span className="muted">({error.message})</span>
      </Alert>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Alert kind="error" testId="not-found">
        {t('common.notFound')} <span className="muted">({error.message})</span>
      </Alert>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert kind="error" testId={testId}>
      {message}
    </Alert>
  );
}
