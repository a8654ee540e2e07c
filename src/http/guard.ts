import type { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { isAllowed, type Access } from '../access/roles.js';
import { TocsinError } from '../core/errors.js';
import type { AppEnv } from './app-env.js';

/** The OpenAPI extension that carries a route's access rule, read by the route-table test. */
export const ACCESS_EXTENSION = 'x-tocsin-access';

/** Refuses anonymous callers (401) and callers without one of the route's roles (403). */
export const requireAccess =
  (access: Access): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const user = c.get('user');
    if (access.kind === 'roles' && !user) throw new TocsinError('unauthenticated', 'sign in first');
    if (!isAllowed(access, user?.role ?? null)) {
      throw new TocsinError(
        'forbidden',
        `this needs one of the roles: ${access.kind === 'roles' ? access.roles.join(', ') : ''}`,
      );
    }
    await next();
  };

type RouteConfig = Parameters<typeof createRoute>[0];

/**
 * Declares the access rule of a route: the guard runs before input validation (so an anonymous
 * caller learns nothing about the input format), and the rule is published in the OpenAPI document.
 */
export function guarded<R extends RouteConfig>(access: Access, route: R): R {
  const existing = route.middleware ? (Array.isArray(route.middleware) ? route.middleware : [route.middleware]) : [];
  return {
    ...route,
    middleware: [requireAccess(access), ...existing],
    [ACCESS_EXTENSION]: access.kind === 'public' ? { public: access.reason } : { roles: access.roles },
  };
}
