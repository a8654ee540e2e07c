import { createRoute } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../access/roles.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { readWatchlist } from './watchlist.repository.js';
import { WatchlistBody } from './watchlist.schemas.js';

/** The start page's data in one request: forecast, level, open warnings and trend for every country; readers only. */
export function registerWatchlistRoutes(app: App, { db }: AppDeps): void {
  app.openapi(
    guarded(
      rolesAccess(...READERS),
      createRoute({
        method: 'get',
        path: '/api/watchlist',
        tags: ['watchlist'],
        summary:
          'Every country with its forecast, published level, open warnings and 52-week trend of violence against civilians',
        responses: { 200: jsonResponse(WatchlistBody, 'The watchlist, highest forecast first'), ...errorResponses },
      }),
    ),
    async (c) => c.json(await readWatchlist(db), 200),
  );
}
