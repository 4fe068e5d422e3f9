// Shell: header + hash routing. Pages are chosen from the first hash segment.
import { useEffect, type ReactElement } from 'react';
import { canSee, homeSection, type Section } from './auth/permissions';
import { Alert } from './components/ui/alert';
import { Header } from './views/header';
import { useAuth } from './hooks/use-auth';
import { navigate, useHashRoute } from './hooks/use-hash-route';
import { useT } from './i18n/i18n';
import { AuditPage } from './pages/audit-page';
import { CameraFormPage } from './pages/camera-form-page';
import { CamerasPage } from './pages/cameras-page';
import { LoginPage } from './pages/login-page';
import { MapPage } from './pages/map-page';
import { PasswordPage } from './pages/password-page';
import { UnitsPage } from './pages/units-page';
import { UsersPage } from './pages/users-page';

export function App() {
  const { user, checking } = useAuth();
  const route = useHashRoute();
  const t = useT();
  const [section, id] = route;

  useEffect(() => {
    if (checking) return;
    if (!user && section !== 'login') navigate('/login');
    else if (user && (section === undefined || section === 'login')) navigate(`/${homeSection(user.role)}`);
  }, [checking, user, section]);

  if (checking) return <div className="boot">{t('common.loading')}</div>;
  if (!user || section === 'login') return <LoginPage />;

  let page: ReactElement;
  if (section === 'password') page = <PasswordPage />;
  else if (!section || !isSection(section)) page = <Alert kind="error">{t('common.notFound')}</Alert>;
  else if (!canSee(user.role, section)) page = <Alert kind="error" testId="forbidden">{t('common.forbidden')}</Alert>;
  else page = renderSection(section, id);

  return (
    <div className="app">
      <Header current={section} />
      <main className="main">{page}</main>
    </div>
  );
}

function isSection(s: string): s is Section {
  return ['cameras', 'map', 'units', 'users', 'audit'].includes(s);
}

function renderSection(section: Section, id: string | undefined): ReactElement {
  switch (section) {
    case 'cameras':
      return id ? <CameraFormPage key={id} id={id === 'new' ? null : id} /> : <CamerasPage />;
    case 'map':
      return <MapPage />;
    case 'units':
      return <UnitsPage />;
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
  }
}
