import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../access/roles.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { frameworkEditSchema } from './framework-edit.js';
import { FrameworkBody, FrameworkVersionsBody } from './framework.schemas.js';
import { editFramework, listFrameworkVersions, readFramework } from './framework.repository.js';

const Problem = (description: string) =>
  jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), description);

/** The Framework of Analysis: read any version; admins change its wording, one new version per edit. */
export function registerFrameworkRoutes(app: App, { db }: AppDeps): void {
  app.openapi(
    guarded(
      rolesAccess(...READERS),
      createRoute({
        method: 'get',
        path: '/api/framework',
        tags: ['framework'],
        summary: 'The risk factors and indicators of one framework version (default: the newest)',
        request: {
          query: z.object({
            version: z.coerce.number().int().positive().optional().openapi({ description: 'default: the newest' }),
          }),
        },
        responses: { 200: jsonResponse(FrameworkBody, 'The framework'), 404: Problem('No such version'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await readFramework(db, c.req.valid('query').version), 200),
  );

  app.openapi(
    guarded(
      rolesAccess(...READERS),
      createRoute({
        method: 'get',
        path: '/api/framework/versions',
        tags: ['framework'],
        summary: 'Every framework version with its note, author and date, newest first',
        responses: { 200: jsonResponse(FrameworkVersionsBody, 'The versions'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await listFrameworkVersions(db), 200),
  );

  app.openapi(
    guarded(
      rolesAccess('admin'),
      createRoute({
        method: 'post',
        path: '/api/framework/edits',
        tags: ['framework'],
        summary: 'Change the wording (edit an indicator or a factor, add an indicator): saved as a new version with the note',
        request: { body: { required: true, content: { 'application/json': { schema: frameworkEditSchema } } } },
        responses: {
          201: jsonResponse(FrameworkBody, 'The new version'),
          404: Problem('No such factor or indicator'),
          409: Problem('Same wording already there, or another edit saved at the same time'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json(await editFramework(db, c.req.valid('json'), c.get('user')!.id), 201),
  );
}
