import { Suspense, useEffect, useRef } from 'react';
import type { User } from './api-schemas.js';
import { Header } from './Header.js';
import { useT } from './i18n/LocaleProvider.js';
import { LoginPage } from './LoginPage.js';
import { Link, matchPath, navigate, useLocationPath } from './router.js';
import { canOpen, findRoute, homeFor } from './routes.js';
import { useSession } from './session.js';
import { PublicHeader } from './PublicHeader.js';

/**
 * Public pages (anonymous intake) open without a session; every other page needs one, and
 * the role its API requires. `/` sends each role to its start page.
 */
export function App() {
  const path = useLocationPath();
  const found = findRoute(path, matchPath);
  if (found?.route.access === 'public') {
    const Page = found.route.page;
    return (
      <>
        <PublicHeader />
        <Main path={path}>
          <Page params={found.params} />
        </Main>
      </>
    );
  }
  return <SignedInApp path={path} />;
}

function SignedInApp({ path }: { path: string }) {
  const t = useT();
  const session = useSession();
  if (session.isPending) return <p className="page-status">{t.loading}</p>;
  if (session.isError) {
    return (
      <div className="page-status" role="alert">
        <p>{t.errors.network}</p>
        <button type="button" onClick={() => void session.refetch()}>
          {t.retry}
        </button>
      </div>
    );
  }
  if (session.data === null) return <LoginPage />;
  return (
    <>
      <Header user={session.data} path={path} />
      <Main path={path}>
        <RoutedPage user={session.data} path={path} />
      </Main>
    </>
  );
}

function RoutedPage({ user, path }: { user: User; path: string }) {
  const t = useT();
  const home = homeFor(user.role);
  const atRoot = (path.split('?')[0] ?? '/') === '/';
  useEffect(() => {
    if (atRoot && home !== '/') navigate(home, { replace: true });
  }, [atRoot, home]);
  if (atRoot) return home === '/' ? <p className="page-status">{t.errors.forbidden}</p> : null;

  const found = findRoute(path, matchPath);
  if (found === null) {
    return (
      <section className="page-status">
        <h1>{t.notFound.title}</h1>
        <p>{t.notFound.body}</p>
        <Link to={home}>{t.notFound.home}</Link>
      </section>
    );
  }
  if (!canOpen(found.route, user.role)) {
    return (
      <p className="page-status" role="alert">
        {t.errors.forbidden}
      </p>
    );
  }
  const Page = found.route.page;
  return <Page params={found.params} />;
}

/** The page area: the skip link's target, focused after each navigation so screen readers follow. */
function Main({ path, children }: { path: string; children: React.ReactNode }) {
  const t = useT();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const pathname = path.split('?')[0];
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <main id="main" ref={main} tabIndex={-1}>
      <Suspense fallback={<p className="page-status">{t.loading}</p>}>{children}</Suspense>
    </main>
  );
}
