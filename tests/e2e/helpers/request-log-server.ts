import { createServer, type IncomingMessage } from 'node:http';

/** One request as the "other host" saw it: everything a credential could travel in. */
export interface LoggedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A host nobody chose, on loopback: it answers every request and remembers each one in full. */
export interface RequestLogServer {
  /** `http://127.0.0.1:<port>` — another origin than the app's and the demo API's. */
  url: string;
  readonly requests: readonly LoggedRequest[];
  close(): Promise<void>;
}

/**
 * Starts the "other host" of the credential tests on a free port. It behaves like a host that
 * wants what it is sent: it allows any page to call it (CORS, preflights included) and answers
 * 200 to everything, so if the browser sent anything here — a preflight, a redirected POST with a
 * key in its body — the log shows it.
 */
export async function startRequestLogServer(): Promise<RequestLogServer> {
  const requests: LoggedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(200, {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Content-Type, Authorization, Idempotency-Key',
        'Content-Type': 'application/json',
      });
      // What a token endpoint would say, so a client that followed the redirect would "connect".
      response.end(JSON.stringify({ accessToken: 'at-from-the-other-host', ok: true, id: 'L-other' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
