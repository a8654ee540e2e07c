import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../access/roles.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { GroupBody, GroupListBody } from './groups.schemas.js';
import { createGroup, deleteGroup, groupsOfEvent, listGroups, setEventGroups, updateGroup } from './groups.repository.js';
import { countryCode, eventGroupsSchema, groupPatchSchema, newGroupSchema } from './protected-group.js';

const Problem = (description: string) =>
  jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), description);
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

/** Protected groups per country, and the groups each event concerns. */
export function registerGroupRoutes(app: App, { db }: AppDeps): void {
  const readers = rolesAccess(...READERS);
  const editors = rolesAccess('admin', 'analyst');

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/groups',
        tags: ['groups'],
        summary: 'Protected groups, of one country or of all, by name',
        request: { query: z.object({ country: countryCode.optional() }) },
        responses: { 200: jsonResponse(GroupListBody, 'The groups'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await listGroups(db, { country: c.req.valid('query').country }), 200),
  );

  app.openapi(
    guarded(
      editors,
      createRoute({
        method: 'post',
        path: '/api/groups',
        tags: ['groups'],
        summary: 'Record a group at risk in a country (name unique within the country)',
        request: json(newGroupSchema),
        responses: {
          201: jsonResponse(GroupBody, 'The group'),
          409: Problem('Name already used in that country'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json(await createGroup(db, c.req.valid('json'), c.get('user')!.id), 201),
  );

  app.openapi(
    guarded(
      editors,
      createRoute({
        method: 'patch',
        path: '/api/groups/{id}',
        tags: ['groups'],
        summary: "Change a group's name, kind, areas or notes",
        request: { params: IdParam, ...json(groupPatchSchema) },
        responses: {
          200: jsonResponse(GroupBody, 'The group'),
          404: Problem('No such group'),
          409: Problem('Name already used in that country'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json(await updateGroup(db, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    guarded(
      editors,
      createRoute({
        method: 'delete',
        path: '/api/groups/{id}',
        tags: ['groups'],
        summary: 'Delete a group that no event, assessment or warning names',
        request: { params: IdParam },
        responses: {
          200: jsonResponse(z.object({ deleted: z.number().int() }), 'Deleted'),
          404: Problem('No such group'),
          409: Problem('Still named by events, assessments or warnings'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      await deleteGroup(db, id);
      return c.json({ deleted: id }, 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/events/{id}/groups',
        tags: ['groups'],
        summary: 'The protected groups an event concerns',
        request: { params: IdParam },
        responses: { 200: jsonResponse(GroupListBody, 'The groups'), 404: Problem('No such event'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await groupsOfEvent(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    guarded(
      editors,
      createRoute({
        method: 'put',
        path: '/api/events/{id}/groups',
        tags: ['groups'],
        summary: "Replace the groups an event concerns (groups of the event's country; [] clears them)",
        request: { params: IdParam, ...json(eventGroupsSchema) },
        responses: {
          200: jsonResponse(GroupListBody, 'The groups now tagged'),
          404: Problem('No such event'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json(await setEventGroups(db, c.req.valid('param').id, c.req.valid('json').groupIds, c.get('user')!.id), 200),
  );
}
