#!/usr/bin/env node
// npm run demo-api [-- --port=8787] [--slow-ms=200] [--storm-429=20] [--burst-5xx=5] [--strict-cors]
// Starts the local demo load API on 127.0.0.1 (see scripts/demo-api-server.mjs) and says how to
// point a configuration at it. Stops with Ctrl+C.
import { DEMO_API_KEY, DEMO_BEARER_TOKEN, startDemoApi } from './demo-api-server.mjs';

const option = (name, fallback) => {
  const found = process.argv.slice(2).find((arg) => arg.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
};

const strictCors = process.argv.includes('--strict-cors');
const api = await startDemoApi({
  port: Number(option('port', process.env.DEMO_API_PORT ?? '8787')),
  quiet: false,
  strictCors,
});
const faults = [];
if (Number(option('storm-429', '0')) > 0)
  faults.push({ status: 429, retryAfter: 1, count: Number(option('storm-429', '0')) });
if (Number(option('burst-5xx', '0')) > 0) faults.push({ status: 503, count: Number(option('burst-5xx', '0')) });
api.configure({ faults, slowMs: Number(option('slow-ms', '0')) });

const strictNote = strictCors ? ' (strict CORS: browsers may send only Authorization and Content-Type)' : '';
console.log(`Demo load API listening on ${api.baseUrl}${strictNote}

Point a configuration at it:
  API base URL   ${api.baseUrl}
  API key        ${DEMO_API_KEY}   (authentication: API key)
  Bearer token   ${DEMO_BEARER_TOKEN}   (authentication: bearer token)

Loads created so far: GET ${api.baseUrl}/__demo/loads   ·   Faults: POST ${api.baseUrl}/__demo/config
Press Ctrl+C to stop.`);

const stop = async () => {
  await api.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
