import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompressDirectory } from '../src/http/precompress.js';

const outDir = fileURLToPath(new URL('../dist/web', import.meta.url));

/** After the bundle is written: brotli and gzip copies of the text assets, for `serveWeb`. */
const precompress = (): Plugin => ({
  name: 'tocsin-precompress',
  apply: 'build',
  async closeBundle() {
    const s = await precompressDirectory(outDir);
    const kb = (n: number): string => `${Math.round(n / 1024)} kB`;
    this.info(`compressed ${s.files} files: ${kb(s.bytes)} -> brotli ${kb(s.brotliBytes)}, gzip ${kb(s.gzipBytes)}`);
  },
});

/**
 * Builds the web UI from `web/` into `dist/web`, which the server serves with an SPA fallback.
 * In development (`npm run dev:web`) the API is proxied to a server on port 8080.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    // MapLibre alone is ~1.1 MB minified (~300 kB gzip); it is loaded in its own chunk after sign-in.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
