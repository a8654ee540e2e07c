import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { issueCredential, revokeCredential } from './credentials.repository.js';
import { verifyPassword } from './password.js';
import { ANY_ROLE, publicAccess, rolesAccess, ROLES } from './roles.js';
import { findUserForLogin } from './users.repository.js';
import { TocsinError } from '../core/errors.js';
import type { App, AppDeps } from '../http/app-env.js';
import { SESSION_COOKIE } from '../http/authenticate.js';
import { errorResponses } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';

const SESSION_TTL_SECONDS = 12 * 3600;

export const UserBody = z
  .object({ id: z.number().int(), username: z.string(), displayName: z.string().nullable(), role: z.enum(ROLES) })
  .openapi('User');
const SessionBody = z.object({ user: UserBody }).openapi('Session');
const Login = z.object({ username: z.string().min(1).max(63), password: z.string().min(1).max(1024) }).openapi('Login');

/** Sign-in, the current user, sign-out. */
export function registerSessionRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    guarded(
      publicAccess('signing in must be possible without a session'),
      createRoute({
        method: 'post',
        path: '/api/session',
        tags: ['access'],
        summary: 'Sign in with username and password; sets an HttpOnly session cookie',
        request: { body: { content: { 'application/json': { schema: Login } }, required: true } },
        responses: {
          200: { description: 'Signed in', content: { 'application/json': { schema: SessionBody } } },
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const wait = deps.throttle.retryAfter(username);
      if (wait > 0)
        throw new TocsinError(
          'forbidden',
          `too many failed sign-ins for this user: try again in ${Math.ceil(wait / 60_000)} min`,
        );
      const user = await findUserForLogin(deps.db, username);
      // Verify even for unknown users so the response time does not reveal which names exist.
      const ok = await verifyPassword(password, user?.passwordHash ?? 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
      if (!user || !ok || user.disabled) {
        deps.throttle.recordFailure(username);
        throw new TocsinError('unauthenticated', 'wrong username or password');
      }
      deps.throttle.recordSuccess(username);
      const { secret } = await issueCredential(deps.db, { userId: user.id, kind: 'session', ttlSeconds: SESSION_TTL_SECONDS });
      setCookie(c, SESSION_COOKIE, secret, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: deps.secureCookies,
        path: '/',
        maxAge: SESSION_TTL_SECONDS,
      });
      return c.json({ user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role } }, 200);
    },
  );

  app.openapi(
    guarded(
      rolesAccess(...ANY_ROLE),
      createRoute({
        method: 'get',
        path: '/api/session',
        tags: ['access'],
        summary: 'The signed-in user',
        responses: {
          200: { description: 'The current user', content: { 'application/json': { schema: SessionBody } } },
          ...errorResponses,
        },
      }),
    ),
    (c) => {
      const u = c.get('user')!;
      return c.json({ user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role } }, 200);
    },
  );

  app.openapi(
    guarded(
      rolesAccess(...ANY_ROLE),
      createRoute({
        method: 'delete',
        path: '/api/session',
        tags: ['access'],
        summary: 'Sign out: revokes the session',
        responses: { 204: { description: 'Signed out' }, ...errorResponses },
      }),
    ),
    async (c) => {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) await revokeCredential(deps.db, cookie);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
}
