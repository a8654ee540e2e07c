import { createRoute, z } from '@hono/zod-openapi';
import { issueCredential } from './credentials.repository.js';
import { ANY_ROLE, ROLES, rolesAccess } from './roles.js';
import { UserBody } from './session.routes.js';
import { createUser, listUsers } from './users.repository.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';

/** User administration (admins) and personal API tokens (everyone signed in). */
export function registerUserRoutes(app: App, { db }: AppDeps): void {
  app.openapi(
    guarded(
      rolesAccess('admin'),
      createRoute({
        method: 'get',
        path: '/api/users',
        tags: ['access'],
        summary: 'All users',
        responses: {
          200: jsonResponse(
            z.object({ items: z.array(UserBody.extend({ disabled: z.boolean(), email: z.string().nullable() })) }),
            'Users',
          ),
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json({ items: await listUsers(db) }, 200),
  );

  app.openapi(
    guarded(
      rolesAccess('admin'),
      createRoute({
        method: 'post',
        path: '/api/users',
        tags: ['access'],
        summary: 'Create a user with a role',
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({
                  username: z.string(),
                  password: z.string(),
                  role: z.enum(ROLES),
                  displayName: z.string().max(200).optional(),
                  email: z.string().max(254).optional(),
                }),
              },
            },
          },
        },
        responses: {
          201: jsonResponse(UserBody, 'Created'),
          409: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Name taken'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const b = c.req.valid('json');
      const u = await createUser(db, {
        username: b.username,
        password: b.password,
        role: b.role,
        displayName: b.displayName ?? null,
        email: b.email ?? null,
      });
      return c.json({ id: u.id, username: u.username, displayName: u.displayName, role: u.role }, 201);
    },
  );

  app.openapi(
    guarded(
      rolesAccess(...ANY_ROLE),
      createRoute({
        method: 'post',
        path: '/api/tokens',
        tags: ['access'],
        summary: 'Issue a bearer token for scripts, acting as the signed-in user; shown once',
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({
                  label: z.string().min(1).max(200),
                  ttlDays: z.number().int().min(1).max(365).default(90),
                }),
              },
            },
          },
        },
        responses: {
          201: jsonResponse(z.object({ token: z.string(), expiresAt: z.string().nullable() }), 'The token'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const b = c.req.valid('json');
      const { secret, expiresAt } = await issueCredential(db, {
        userId: c.get('user')!.id,
        kind: 'api-token',
        label: b.label,
        ttlSeconds: b.ttlDays * 86_400,
      });
      return c.json({ token: secret, expiresAt: expiresAt?.toISOString() ?? null }, 201);
    },
  );
}
