import { useState, type FormEvent } from 'react';
import { ApiError } from './api.js';
import { en } from './i18n/en.js';
import { useSignIn } from './session.js';

const errorText = (error: Error): string => {
  if (error instanceof ApiError && error.status === 401) return en.login.wrongCredentials;
  if (error instanceof ApiError && error.code === 'network') return en.errors.network;
  return en.errors.generic;
};

/** Username and password form; a wrong pair shows a message and keeps the username. */
export function LoginPage() {
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
          <span className="brand-name">{en.appName}</span>
          <span className="brand-tagline">{en.appTagline}</span>
        </p>
        <h1 id="login-title">{en.login.title}</h1>
        <p className="muted">{en.login.intro}</p>
        <label htmlFor="login-username">{en.login.username}</label>
        <input
          id="login-username"
          name="username"
          autoComplete="username"
          required
          autoFocus
          value={username}
          onChange={(e) => setUsername(e.target.value)}
        />
        <label htmlFor="login-password">{en.login.password}</label>
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
            {errorText(signIn.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? en.login.submitting : en.login.submit}
        </button>
      </form>
    </main>
  );
}
