import { useAuth, useUser } from '../hooks/use-auth';
import { useLang, useT } from '../i18n/i18n';

/** Dark operations-centre header: brand, nav filtered by role, language switch, account actions. */
export function Header(_props: { current: string | undefined }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const user = useUser();
  const { logout } = useAuth();
  return (
    <header className="header" data-testid="header">
      <a className="brand" href="#/cameras">
        <span className="brand__dot" aria-hidden="true" />
        <span className="brand__name">{t('app.title')}</span>
        <span className="brand__sub">{t('app.subtitle')}</span>
      </a>
      <div className="header__right">
        <div className="lang-switch" role="group" aria-label={t('header.language')}>
          <button type="button" className={lang === 'vi' ? 'on' : ''} onClick={() => setLang('vi')} data-testid="lang-vi">
            VI
          </button>
          <button type="button" className={lang === 'en' ? 'on' : ''} onClick={() => setLang('en')} data-testid="lang-en">
            EN
          </button>
        </div>
        <span className="who" data-testid="current-user" title={user.username}>
          {user.displayName || user.username} · {t(`role.${user.role}`)}
        </span>
        <a href="#/password" className="header__link" data-testid="nav-password">
          {t('header.password')}
        </a>
        <button type="button" className="button--ghost" onClick={() => void logout()} data-testid="logout">
          {t('header.logout')}
        </button>
      </div>
    </header>
  );
}
