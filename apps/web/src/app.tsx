// Shell: header + hash routing. Pages are chosen from the first hash segment.
import { useEffect, type ReactElement } from 'react';
import { canSee, homeSection } from './auth/permissions';
import { Alert } from './components/ui/alert';
import { Header } from './views/header';
import { Sidebar } from './views/sidebar';
import { AlertCenter } from './views/health/alert-center';
import { useAuth } from './hooks/use-auth';
import { navigate, useHashRoute } from './hooks/use-hash-route';
import { useT } from './i18n/i18n';
import { LoginPage } from './pages/login-page';
import { PasswordPage } from './pages/password-page';
import { findSection } from './sections';

export function App() {
  const { user, checking } = useAuth();
  const route = useHashRoute();
  const t = useT();
  const [section, id, ...rest] = route;

  useEffect(() => {
    if (checking) return;
    if (!user && section !== 'login' && !findSection(section)?.public) navigate('/login');
    else if (user && (section === undefined || section === 'login')) navigate(`/${homeSection(user.role)}`);
  }, [checking, user, section]);

  if (checking) return <div className="boot">{t('common.loading')}</div>;
  if (!user && findSection(section)?.public) return findSection(section)!.render(id, rest);
  if (!user || section === 'login') return <LoginPage />;

  let page: ReactElement;
  if (section === 'password') page = <PasswordPage />;
  else {
    const def = findSection(section);
    if (!def) page = <Alert kind="error">{t('common.notFound')}</Alert>;
    else if (!canSee(user.role, def.key)) page = <Alert kind="error" testId="forbidden">{t('common.forbidden')}</Alert>;
    else page = def.render(id, rest);
  }

  return (
    <div className="app">
      <Header current={section} />
      <AlertCenter />
      <div className="body">
        <Sidebar current={section} />
        <main className="main">{page}</main>
      </div>
    </div>
  );
}
