import { createRoute, z } from '@hono/zod-openapi';
import { READERS, rolesAccess } from '../../access/roles.js';
import type { Iso3 } from '../../core/brand.js';
import type { App, AppDeps } from '../../http/app-env.js';
import { errorResponses, jsonResponse } from '../../http/error-schema.js';
import { guarded } from '../../http/guard.js';
import { getCountryForecast, getForecastModel, listCountryForecasts, listForecastModels } from './forecast-models.repository.js';
import type { ForecastModelSummary } from './forecast-model.js';
import {
  CountryForecastBody,
  ForecastListBody,
  ForecastModelBody,
  ForecastModelListBody,
  type ForecastModelSummaryBody,
} from './forecasts.schemas.js';
import { describeContribution } from './predictor-labels.js';

const NotFound = jsonResponse(
  z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
  'No such model, year or country',
);
const ForecastQuery = z.object({
  model: z.coerce.number().int().positive().optional().openapi({ description: 'model id (default: the newest)' }),
  year: z.coerce
    .number()
    .int()
    .min(1800)
    .max(2200)
    .optional()
    .openapi({ description: "predictor year (default: the model's latest)" }),
});

const summaryBody = (m: ForecastModelSummary): z.infer<typeof ForecastModelSummaryBody> => ({
  ...m,
  settings: { ...m.settings },
  backtest: m.backtest && { ...m.backtest },
  years: [...m.years],
});
const query = (q: z.infer<typeof ForecastQuery>) => ({
  ...(q.model === undefined ? {} : { modelId: q.model }),
  ...(q.year === undefined ? {} : { year: q.year }),
});

const responses = <T extends ReturnType<typeof jsonResponse>>(ok: T) => ({ 200: ok, 404: NotFound, ...errorResponses });
const IsoParam = z.object({ iso3: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as MMR') });

/** Stored forecast models and their country forecasts, with explanations; readers only. */
export function registerForecastRoutes(app: App, { db }: AppDeps): void {
  const readers = rolesAccess(...READERS);

  // Registered before /api/forecasts/{iso3}, which would otherwise also match "models".
  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/forecasts/models',
        tags: ['forecast'],
        summary: 'Stored forecast models, newest first',
        responses: responses(jsonResponse(ForecastModelListBody, 'The models')),
      }),
    ),
    async (c) => c.json({ items: (await listForecastModels(db)).map(summaryBody) }, 200),
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/forecasts/models/{id}',
        tags: ['forecast'],
        summary: 'One model with its data hash, settings, code version, back-test, coefficients and training means',
        request: { params: z.object({ id: z.coerce.number().int().positive() }) },
        responses: responses(jsonResponse(ForecastModelBody, 'The model')),
      }),
    ),
    async (c) => {
      const m = await getForecastModel(db, c.req.valid('param').id);
      return c.json(
        {
          ...summaryBody(m),
          coefficients: { intercept: m.coefficients.intercept, coefficients: [...m.coefficients.coefficients] },
          predictorMeans: [...m.predictorMeans],
        },
        200,
      );
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/forecasts',
        tags: ['forecast'],
        summary: "A model's forecasts from one predictor year, highest risk first",
        request: { query: ForecastQuery },
        responses: responses(jsonResponse(ForecastListBody, 'The ranked forecasts')),
      }),
    ),
    async (c) => {
      const list = await listCountryForecasts(db, query(c.req.valid('query')));
      return c.json({ ...list, forecasts: [...list.forecasts] }, 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/forecasts/{iso3}',
        tags: ['forecast'],
        summary: "One country's forecast with each predictor's contribution to the log-odds against the average country",
        request: { params: IsoParam, query: ForecastQuery },
        responses: responses(jsonResponse(CountryForecastBody, 'The forecast and its explanation')),
      }),
    ),
    async (c) => {
      const d = await getCountryForecast(db, {
        iso3: c.req.valid('param').iso3.toUpperCase() as Iso3,
        ...query(c.req.valid('query')),
      });
      return c.json({ ...d, contributions: d.contributions.map((x) => ({ ...x, phrase: describeContribution(x) })) }, 200);
    },
  );
}
