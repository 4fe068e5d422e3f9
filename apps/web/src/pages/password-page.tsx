import { useState, type FormEvent } from 'react';
import { authApi } from '../api/endpoints';
import { Alert, ErrorAlert } from '../components/ui/alert';
import { Field } from '../components/ui/field';
import { useSubmit } from '../hooks/use-submit';
import { useT } from '../i18n/i18n';

/** Change own password (POST /api/auth/password). */
export function PasswordPage() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, errors: fieldErrors, error, setErrors: setFieldErrors, run } = useSubmit();
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(false);
    if (next !== confirm) {
      setFieldErrors({ confirm: t('password.mismatch') });
      return;
    }
    if (!(await run(() => authApi.changePassword(current, next)))) return;
    setDone(true);
    setCurrent('');
    setNext('');
    setConfirm('');
  }

  return (
    <section className="page page--narrow">
      <h1>{t('password.title')}</h1>
      <form className="card form" onSubmit={submit} data-testid="password-form">
        {done && (
          <Alert kind="success" testId="password-changed">
            {t('password.changed')}
          </Alert>
        )}
        <ErrorAlert error={error} />
        <Field label={t('password.current')} name="currentPassword" error={fieldErrors.currentPassword}>
          <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        </Field>
        <Field label={t('password.new')} name="newPassword" error={fieldErrors.newPassword}>
          <input type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        </Field>
        <Field label={t('password.confirm')} name="confirm" error={fieldErrors.confirm}>
          <input type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
        </Field>
        <div className="form__actions">
          <button type="submit" className="button--primary" disabled={busy || !current || !next}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
