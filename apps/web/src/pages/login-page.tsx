import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { homeSection } from '../auth/permissions';
import { Alert } from '../components/ui/alert';
import { Field } from '../components/ui/field';
import { useAuth } from '../hooks/use-auth';
import { navigate } from '../hooks/use-hash-route';
import { useLang, useT } from '../i18n/i18n';

export function LoginPage() {
  const t = useT();
  const { lang, setLang } = useLang();
  const { login, expired } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | Error>();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await login(username.trim(), password);
      navigate(`/${homeSection(user.role)}`);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      setBusy(false);
    }
  }

  const fieldErrors = error instanceof ApiError ? error.fieldErrors() : {};
  const generalError = error && !(error instanceof ApiError && error.field) ? error.message : undefined;

  return (
    <div className="login">
      <form className="login__card" onSubmit={submit} data-testid="login-form">
        <div className="login__brand">
          <span className="brand__dot" aria-hidden="true" />
          <span>{t('app.title')}</span>
        </div>
        <div className="login__sub">{t('app.subtitle')}</div>
        <h1>{t('login.title')}</h1>
        {expired && !error && <Alert kind="info">{t('login.expired')}</Alert>}
        {generalError && (
          <Alert kind="error" testId="login-error">
            {generalError}
          </Alert>
        )}
        <Field label={t('login.username')} name="username" error={fieldErrors.username}>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            data-testid="login-username"
          />
        </Field>
        <Field label={t('login.password')} name="password" error={fieldErrors.password}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="login-password"
          />
        </Field>
        <button type="submit" className="button--primary" disabled={busy || !username} data-testid="login-submit">
          {t('login.submit')}
        </button>
        <div className="login__lang">
          <button type="button" className="link" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')} data-testid="login-lang">
            {lang === 'vi' ? 'English' : 'Tiếng Việt'}
          </button>
        </div>
      </form>
    </div>
  );
}
