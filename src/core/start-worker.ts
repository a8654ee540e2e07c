import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker script `name` (without extension) that lies beside the module `callerUrl`
 * (its `import.meta.url`). Built (`dist/`), that is `name.js`. Run from the TypeScript sources
 * (tests, `npm run bench`, `tsx`), the worker first registers tsx's loader (loader hooks are per
 * thread), then imports `name.ts`.
 */
export function startWorker(callerUrl: string, name: string, workerData?: unknown): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { workerData });
  // tsx's ESM API (`tsx/esm/api`, import condition); require.resolve would pick its CommonJS twin.
  const tsxDir = dirname(createRequire(callerUrl).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const script = new URL(`./${name}.ts`, callerUrl).href;
  const bootstrap = `const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(script)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}
