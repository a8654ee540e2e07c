import type { OpenAPIHono } from '@hono/zod-openapi';
import type { LoginThrottle } from '../access/login-throttle.js';
import type { User } from '../access/users.repository.js';
import type { Db } from '../db/database.js';

/** What every route handler can reach: the store and the signed-in user (null when anonymous). */
export interface AppEnv {
  Variables: {
    user: User | null;
    /** How the caller authenticated: a browser session cookie or a bearer token. */
    via: 'session' | 'api-token' | null;
  };
}

export interface AppDeps {
  db: Db;
  throttle: LoginThrottle;
  /** Mark the session cookie `Secure` (serve behind HTTPS). */
  secureCookies: boolean;
  version: string;
  /**
   * The instance's directory for files beside the database (`--data-dir`, also with PostgreSQL):
   * key files under `keys/`, evidence originals under `evidence/`. Routes that need it refuse
   * (unavailable) when it is absent.
   */
  dataDir?: string | undefined;
}

export type App = OpenAPIHono<AppEnv>;
