import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { resolveCredential } from '../access/credentials.repository.js';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import type { AppEnv } from './app-env.js';

export const SESSION_COOKIE = 'tocsin_session';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller from `Authorization: Bearer <token>` (scripts) or the session cookie (the
 * web UI). A bad bearer token is an error; a stale cookie is just anonymous. Cookie-authenticated
 * writes must come from this origin (with SameSite=Strict, a second line against CSRF).
 */
export const authenticate =
  (db: Db): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set('user', null);
    c.set('via', null);
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const user = m ? await resolveCredential(db, m[1]!, 'api-token') : undefined;
      if (!user) throw new TocsinError('unauthenticated', 'the bearer token is not valid (expired, revoked or mistyped)');
      c.set('user', user);
      c.set('via', 'api-token');
      return next();
    }
    const cookie = getCookie(c, SESSION_COOKIE);
    if (cookie) {
      const user = await resolveCredential(db, cookie, 'session');
      if (user) {
        if (UNSAFE.has(c.req.method)) {
          const origin = c.req.header('origin');
          const host = c.req.header('host');
          if (origin && host && new URL(origin).host !== host) {
            throw new TocsinError('forbidden', 'cross-origin request refused');
          }
        }
        c.set('user', user);
        c.set('via', 'session');
      }
    }
    return next();
  };
