import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the test server saw it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/api/gedevents/25.1?pagesize=3&page=0`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the test server answers; the body may be text or bytes (a zip). */
export interface TestReply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export type TestRoute = (req: RecordedRequest) => TestReply | Promise<TestReply>;

export interface TestServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** Every request received, in order. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * For tests only: a local HTTP server on 127.0.0.1 (port 0) that records each request and answers
 * through `route`, so the connectors are exercised over real sockets against recorded formats.
 */
export async function startTestServer(route: TestRoute): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve()
        .then(() => route(recorded))
        .then((reply) => {
          res.writeHead(reply.status ?? 200, reply.headers ?? {});
          res.end(reply.body ?? '');
        })
        .catch((err: unknown) => {
          res.writeHead(599, { 'content-type': 'text/plain' });
          res.end(`test route failed: ${String(err)}`);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** JSON reply helper for routes. */
export const json = (value: unknown, status = 200): TestReply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});
