import type { User } from './api-schemas.js';
import { en } from './i18n/en.js';
import { useSignOut } from './session.js';

/** The app bar: name, the signed-in user with their role, and sign-out. */
export function Header({ user }: { user: User }) {
  const signOut = useSignOut();
  return (
    <header className="app-header">
      <p className="brand">
        <span className="brand-name">{en.appName}</span>
        <span className="brand-tagline">{en.appTagline}</span>
      </p>
      <div className="user">
        <span className="user-name" title={en.header.signedInAs}>
          {user.username}
        </span>
        <span className="role-badge">{en.roles[user.role]}</span>
        <button type="button" className="on-dark" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          {en.header.signOut}
        </button>
      </div>
    </header>
  );
}
