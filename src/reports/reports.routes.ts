import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { publicAccess, rolesAccess } from '../access/roles.js';
import { keysDirOf, openKeyring, type Keyring } from '../confidential/index.js';
import { TocsinError } from '../core/errors.js';
import type { App, AppDeps } from '../http/app-env.js';
import { errorResponses, jsonResponse } from '../http/error-schema.js';
import { guarded } from '../http/guard.js';
import { countryCode } from '../groups/protected-group.js';
import { burnIntakeToken, checkIntakeToken, createIntakeToken, MAX_INTAKE_DAYS } from './intake-tokens.repository.js';
import { newReportSchema, REPORT_STATUSES } from './report.js';
import { getReport, listReports, reportLog } from './reports.repository.js';
import { IntakeLinkBody, ReceiptBody, ReportSummaryBody, ReportWithLogBody, ReviewOutcomeBody } from './reports.schemas.js';
import { revealReport } from './reveal-report.js';
import { reviewReport } from './review-report.js';
import { reviewRequestSchema } from './review.js';
import { submitReport } from './submit-report.js';

const Problem = (description: string) =>
  jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), description);
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const json = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
/** A report is text: a megabyte is far more than any honest one, and caps what an anonymous caller can send. */
const MAX_BODY_BYTES = 1 << 20;
const limited = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new TocsinError('invalid_input', `the report is larger than ${MAX_BODY_BYTES} bytes`, { field: 'body' });
  },
});

/** The instance's keyring, opened on demand (refused when the server has no data directory for its keys). */
export const keyringOf =
  (deps: AppDeps): (() => Promise<Keyring>) =>
  () => {
    if (!deps.dataDir)
      throw new TocsinError('unavailable', 'this server has no data directory for its keys: start it with --data-dir');
    return openKeyring(deps.db, { keysDir: keysDirOf(deps.dataDir) });
  };

/** Field reports: submission (signed in, or anonymous through a one-time link), verification, reading. */
export function registerReportRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  const keyring = keyringOf(deps);
  const reviewers = rolesAccess('admin', 'analyst');
  const readers = rolesAccess('admin', 'analyst', 'investigator');
  const submitters = rolesAccess('admin', 'analyst', 'monitor');

  app.openapi(
    guarded(
      submitters,
      createRoute({
        method: 'post',
        path: '/api/reports',
        tags: ['reports'],
        summary: 'Submit a field report (identities go in `confidential` and sources[].identity, sealed at rest)',
        middleware: [limited],
        request: json(newReportSchema),
        responses: { 201: jsonResponse(ReceiptBody, 'The report reference'), ...errorResponses },
      }),
    ),
    async (c) => {
      const r = await submitReport(db, keyring, c.req.valid('json'), { userId: c.get('user')!.id, anonymous: false });
      return c.json({ reference: r.reference, status: 'submitted' as const }, 201);
    },
  );

  app.openapi(
    guarded(
      publicAccess('anonymous submission through a one-time link an analyst handed out; no submitter or address is stored'),
      createRoute({
        method: 'post',
        path: '/api/intake/{token}',
        tags: ['reports'],
        summary: 'Submit one report anonymously with a one-time intake token (the token is spent)',
        middleware: [limited],
        request: { params: z.object({ token: z.string().max(100) }), ...json(newReportSchema) },
        responses: {
          201: jsonResponse(ReceiptBody, 'The report reference'),
          404: Problem('Unknown link'),
          409: Problem('Link already used or expired'),
          400: errorResponses[400],
        },
      }),
    ),
    async (c) => {
      const { token } = c.req.valid('param');
      await checkIntakeToken(db, token);
      const r = await submitReport(db, keyring, c.req.valid('json'), {
        userId: null,
        anonymous: true,
        before: (tx) => burnIntakeToken(tx, token),
      });
      return c.json({ reference: r.reference, status: 'submitted' as const }, 201);
    },
  );

  app.openapi(
    guarded(
      reviewers,
      createRoute({
        method: 'post',
        path: '/api/reports/intake-links',
        tags: ['reports'],
        summary: 'Make a one-time link for one anonymous report (the token is shown once)',
        request: json(
          z.strictObject({
            label: z.string().trim().max(200).optional(),
            days: z.number().positive().max(MAX_INTAKE_DAYS).default(7),
          }),
        ),
        responses: { 201: jsonResponse(IntakeLinkBody, 'The link'), ...errorResponses },
      }),
    ),
    async (c) => {
      const b = c.req.valid('json');
      const t = await createIntakeToken(db, { label: b.label ?? null, days: b.days, userId: c.get('user')!.id });
      return c.json({ ...t, path: `/api/intake/${t.token}` }, 201);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/reports',
        tags: ['reports'],
        summary: 'Reports, newest first',
        request: {
          query: z.object({
            status: z.enum(REPORT_STATUSES).optional(),
            country: countryCode.optional(),
            limit: z.coerce.number().int().min(1).max(1000).default(100),
          }),
        },
        responses: { 200: jsonResponse(ReportSummaryBody, 'The reports'), ...errorResponses },
      }),
    ),
    async (c) => {
      const { limit, ...f } = c.req.valid('query');
      return c.json(await listReports(db, f, limit), 200);
    },
  );

  app.openapi(
    guarded(
      submitters,
      createRoute({
        method: 'get',
        path: '/api/reports/mine',
        tags: ['reports'],
        summary: 'The reports the caller submitted, newest first: reference and where each stands (nothing sealed)',
        request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
        responses: { 200: jsonResponse(ReportSummaryBody, 'The caller’s own reports'), ...errorResponses },
      }),
    ),
    async (c) => {
      const { limit } = c.req.valid('query');
      return c.json(await listReports(db, { submittedBy: c.get('user')!.id }, limit), 200);
    },
  );

  app.openapi(
    guarded(
      readers,
      createRoute({
        method: 'get',
        path: '/api/reports/{id}',
        tags: ['reports'],
        summary: 'One report with its log; ?reveal=true&purpose=... opens identities for cleared roles (logged)',
        request: {
          params: IdParam,
          query: z.object({ reveal: z.enum(['true', 'false']).default('false'), purpose: z.string().max(500).optional() }),
        },
        responses: { 200: jsonResponse(ReportWithLogBody, 'The report'), 404: Problem('No such report'), ...errorResponses },
      }),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const user = c.get('user')!;
      const report =
        q.reveal === 'true'
          ? await revealReport(db, keyring, id, { user: { id: user.id, role: user.role }, purpose: q.purpose })
          : await getReport(db, id);
      return c.json({ ...report, log: await reportLog(db, id) }, 200);
    },
  );

  app.openapi(
    guarded(
      reviewers,
      createRoute({
        method: 'post',
        path: '/api/reports/{id}/review',
        tags: ['reports'],
        summary: 'A verification step: triage, verify (the report becomes an event), mark-unverified, reject, mark-duplicate',
        request: { params: IdParam, ...json(reviewRequestSchema) },
        responses: {
          200: jsonResponse(ReviewOutcomeBody, 'The report after the step'),
          404: Problem('No such report'),
          409: Problem('The step is not open from the report’s status'),
          ...errorResponses,
        },
      }),
    ),
    async (c) => {
      const step = c.req.valid('json');
      const out = await reviewReport(db, c.req.valid('param').id, { ...step, userId: c.get('user')!.id });
      return c.json({ report: out.report, surveillance: out.surveillance ? { ...out.surveillance } : null }, 200);
    },
  );
}
