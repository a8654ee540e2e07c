import { createRoute, z } from '@hono/zod-openapi';
import { ANY_ROLE, rolesAccess } from '../access/roles.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { listCountries } from './countries.repository.js';

const CountryList = z
  .object({ items: z.array(z.object({ iso3: z.string(), name: z.string(), region: z.string(), subregion: z.string() })) })
  .openapi('CountryList');

/** The reference list of countries (every signed-in role needs it, monitors included, to file reports). */
export function registerCountryRoutes(app: App, { db }: AppDeps): void {
  app.openapi(
    guarded(
      rolesAccess(...ANY_ROLE),
      createRoute({
        method: 'get',
        path: '/api/countries',
        tags: ['reference'],
        summary: 'Countries with ISO alpha-3 code, name and UN region',
        responses: {
          200: { description: 'Countries', content: { 'application/json': { schema: CountryList } } },
          ...errorResponses,
        },
      }),
    ),
    async (c) => c.json({ items: await listCountries(db) }, 200),
  );
}
