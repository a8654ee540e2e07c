import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response. The CSP allows only this origin; MapLibre needs blob: workers,
 * inline styles and data: images.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header(
    'Content-Security-Policy',
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  );
  if (c.req.path.startsWith('/api')) c.header('Cache-Control', 'no-store');
};
