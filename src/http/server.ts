import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { LoginThrottle } from '../access/login-throttle.js';
import type { Db } from '../db/database.js';
import { createApp } from './app.js';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the HTTP server (API + web UI) on `host:port` (port 0 picks a free one). */
export async function startServer(opts: {
  db: Db;
  host: string;
  port: number;
  webRoot?: string;
  secureCookies?: boolean;
  version: string;
  dataDir?: string;
}): Promise<RunningServer> {
  const app = createApp(
    {
      db: opts.db,
      throttle: new LoginThrottle(),
      secureCookies: opts.secureCookies ?? false,
      version: opts.version,
      dataDir: opts.dataDir,
    },
    opts.webRoot,
  );
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
