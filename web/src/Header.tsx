import type { User } from './api-schemas.js';
import { useT } from './i18n/LocaleProvider.js';
import { LanguageMenu } from './LanguageMenu.js';
import { Link, matchPath } from './router.js';
import { canOpen, ROUTES } from './routes.js';
import { useSignOut } from './session.js';

/** The app bar: skip link, name, the pages this role may open, language, the user and sign-out. */
export function Header({ user, path }: { user: User; path: string }) {
  const t = useT();
  const signOut = useSignOut();
  const links = ROUTES.filter((route) => route.nav !== undefined && canOpen(route, user.role));
  const section = `/${(path.split('?')[0] ?? '').split('/')[1] ?? ''}`;
  return (
    // Roles with many pages (admins, analysts) get the navigation on a row of its own, under the name and the user.
    <header className={links.length > 7 ? 'app-header many-pages' : 'app-header'}>
      <a className="skip-link" href="#main">
        {t.nav.skipToContent}
      </a>
      <p className="brand">
        <span className="brand-name">{t.appName}</span>
        <span className="brand-tagline">{t.appTagline}</span>
      </p>
      {links.length > 0 && (
        <nav className="app-nav" aria-label={t.nav.label}>
          <ul>
            {links.map((route) => {
              const current = matchPath(route.pattern, path) !== null || route.pattern === section;
              return (
                <li key={route.pattern}>
                  <Link to={route.pattern} aria-current={current ? 'page' : undefined}>
                    {t.nav[route.nav!]}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
      <div className="user">
        <LanguageMenu className="on-dark" />
        <span className="user-name" title={t.header.signedInAs}>
          {user.username}
        </span>
        <span className="role-badge">{t.roles[user.role]}</span>
        <button type="button" className="on-dark" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {t.header.signOut}
        </button>
      </div>
    </header>
  );
}
