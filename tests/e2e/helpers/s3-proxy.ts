import { createServer, request as httpRequest, type Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * A small HTTP proxy on loopback in front of the real S3 server, which a test switches: `pass`
 * forwards everything (CORS preflights included, the Host header untouched, so signatures still
 * match); `down` drops every connection; `cut` lets an upload start and drops it once its first
 * bytes arrive (anything else is dropped at once), as a store gone mid-upload does; `skew` answers every
 * signed request as AWS does when this computer's clock is off — 403 RequestTimeTooSkewed, with
 * the CORS headers that let the page read it; `refuse-logs` answers 403 AccessDenied to writes of
 * team log objects only (a store whose policy or quota stops them) and passes everything else.
 */
export type ProxyMode = 'pass' | 'down' | 'cut' | 'skew' | 'refuse-logs';

export interface S3Proxy {
  url: string;
  mode: ProxyMode;
  /** Requests seen, by method and path (for "nothing was sent while down"). */
  readonly seen: string[];
  close(): Promise<void>;
}

export async function startS3Proxy(target: string): Promise<S3Proxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  const proxy: S3Proxy = { url: '', mode: 'pass', seen: [], close: () => Promise.resolve() };
  const server: Server = createServer((request, response) => {
    proxy.seen.push(`${request.method} ${request.url}`);
    if (proxy.mode === 'down' || (proxy.mode === 'cut' && request.method !== 'PUT' && request.method !== 'POST')) {
      request.socket.destroy();
      return;
    }
    if (proxy.mode === 'cut') {
      request.once('data', () => request.socket.destroy());
      return;
    }
    if (proxy.mode === 'refuse-logs' && request.method === 'PUT' && (request.url ?? '').includes('/log/')) {
      response.writeHead(403, {
        'Content-Type': 'application/xml',
        'Access-Control-Allow-Origin': request.headers.origin ?? '*',
        'Access-Control-Expose-Headers': 'ETag',
      });
      response.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      );
      return;
    }
    if (proxy.mode === 'skew' && request.method !== 'OPTIONS') {
      response.writeHead(403, {
        'Content-Type': 'application/xml',
        'Access-Control-Allow-Origin': request.headers.origin ?? '*',
        'Access-Control-Expose-Headers': 'ETag',
      });
      response.end(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code>' +
          '<Message>The difference between the request time and the current time is too large.</Message></Error>',
      );
      return;
    }
    const forwarded = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => request.socket.destroy());
    request.pipe(forwarded);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  proxy.close = () =>
    new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
