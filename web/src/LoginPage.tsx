import { useState, type FormEvent } from 'react';
import { ApiError } from './api.js';
import { useT } from './i18n/LocaleProvider.js';
import { useSignIn } from './session.js';

const errorText = (t: ReturnType<typeof useT>, error: Error): string => {
  if (error instanceof ApiError && error.status === 401) return t.login.wrongCredentials;
  if (error instanceof ApiError && error.code === 'network') return t.errors.network;
  return t.errors.generic;
};

/** Username and password form; a wrong pair shows a message and keeps the username. */
export function LoginPage() {
  const t = useT();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };

  return (
    <main className="login">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <p className="brand">
          <span className="brand-name">{t.appName}</span>
          <span className="brand-tagline">{t.appTagline}</span>
        </p>
        <h1 id="login-title">{t.login.title}</h1>
        <p className="muted">{t.login.intro}</p>
        <label htmlFor="login-username">{t.login.username}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          required
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">{t.login.password}</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {signIn.isError && (
          <p className="form-error" role="alert">
            {errorText(t, signIn.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? t.login.submitting : t.login.submit}
        </button>
      </form>
    </main>
  );
}
