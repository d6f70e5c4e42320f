// A local stand-in for the load API (reference/ff2api-original.md §4.8), for trying the app out
// and for the browser tests: a real HTTP server on 127.0.0.1 that speaks token refresh, the bearer
// check and POST /v2/loads, with CORS, and keeps its own record of every load it created — so a
// test can check what the server really received. It honours Idempotency-Key: a repeated key gets
// the first answer again and creates nothing.
//
// Faults for tests and demos (POST /__demo/config): `faults` is a queue of answers given to the
// next POSTs to /v2/loads instead of processing them — {status: 429, retryAfter: 1, count: 20},
// {status: 503, count: 5}, or {status: 500, afterCreate: true} (the load is created, the answer
// is lost); `slowMs` delays every answer; `rejectLoadNumbers` get a 422; `expireTokens` makes
// every access token issued so far invalid (the next POST gets a 401); `redirect`
// ({status: 307, to: 'http://other-host', paths: ['/token/refresh']}) answers those paths with a
// redirect to the same path on another host, as an API that moved (or an open redirect) would —
// `redirect: null` ends it.
//
// `strictCors` (an option of startDemoApi, or POST /__demo/config) answers CORS preflights the
// way many APIs do: only `Authorization` and `Content-Type` may be sent from a browser, so a
// browser refuses any POST carrying `Idempotency-Key` before it leaves. A browser caches a
// preflight's answer (Access-Control-Max-Age), so tests start a separate server for each mode.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';

export const DEMO_API_KEY = 'demo-api-key';
export const DEMO_BEARER_TOKEN = 'demo-bearer-token';

const MODES = ['FTL', 'LTL', 'DRAYAGE'];
const MAX_BODY_BYTES = 1024 * 1024;

/** Starts the server; resolves with its base URL, its record and a close function. */
export async function startDemoApi({
  port = 0,
  host = '127.0.0.1',
  apiKeys = [DEMO_API_KEY],
  bearerTokens = [DEMO_BEARER_TOKEN],
  quiet = true,
  strictCors = false,
} = {}) {
  const state = freshState();
  state.strictCors = strictCors;
  const log = (line) => {
    if (!quiet) console.log(line);
  };
  const server = createServer((req, res) => {
    handle(req, res, state, { apiKeys, bearerTokens, log }).catch((error) => {
      send(res, 500, { message: `demo API error: ${error.message}` });
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const baseUrl = `http://${host}:${address.port}`;
  return {
    baseUrl,
    port: address.port,
    /** Every load created, in order. */
    get loads() {
      return state.loads;
    },
    /** Every access token handed out by /token/refresh (tests check none of them leaks). */
    get issuedTokens() {
      return [...state.issued];
    },
    /** Every POST to /v2/loads received (including refused and replayed ones). */
    get attempts() {
      return state.attempts;
    },
    /** Preflights answered so far, and how many of them asked for a header the server does not allow. */
    get preflights() {
      return { ...state.preflights };
    },
    configure: (config) => applyConfig(state, config),
    reset: () => Object.assign(state, freshState(), { strictCors: state.strictCors }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function freshState() {
  return {
    loads: [],
    attempts: 0,
    issued: [],
    tokens: new Map(),
    replies: new Map(),
    faults: [],
    slowMs: 0,
    rejectLoadNumbers: new Set(),
    redirect: null,
    strictCors: false,
    preflights: { total: 0, refused: 0 },
  };
}

const ALLOWED_HEADERS = {
  lenient: 'Content-Type, Authorization, Idempotency-Key',
  strict: 'Authorization, Content-Type',
};

/** Counts a preflight, and whether it asked for a header this mode does not allow. */
function notePreflight(req, state) {
  state.preflights.total += 1;
  const allowed = (state.strictCors ? ALLOWED_HEADERS.strict : ALLOWED_HEADERS.lenient).toLowerCase().split(/\s*,\s*/);
  const asked = String(req.headers['access-control-request-headers'] ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .filter(Boolean);
  if (asked.some((header) => !allowed.includes(header))) state.preflights.refused += 1;
}

function applyConfig(state, config = {}) {
  if (Array.isArray(config.faults)) {
    state.faults = config.faults.flatMap((fault) =>
      Array.from({ length: Math.max(1, Number(fault.count ?? 1)) }, () => ({ ...fault })),
    );
  }
  if (config.slowMs !== undefined) state.slowMs = Math.max(0, Number(config.slowMs) || 0);
  if (Array.isArray(config.rejectLoadNumbers)) state.rejectLoadNumbers = new Set(config.rejectLoadNumbers.map(String));
  if (config.expireTokens) state.tokens.clear();
  if (config.redirect !== undefined) state.redirect = readRedirect(config.redirect);
  if (config.strictCors !== undefined) state.strictCors = Boolean(config.strictCors);
  return { faultsQueued: state.faults.length, slowMs: state.slowMs, strictCors: state.strictCors };
}

async function handle(req, res, state, options) {
  const url = new URL(req.url ?? '/', 'http://demo.local');
  res.setHeader('Access-Control-Allow-Headers', state.strictCors ? ALLOWED_HEADERS.strict : ALLOWED_HEADERS.lenient);
  if (req.method === 'OPTIONS') {
    notePreflight(req, state);
    return send(res, 204);
  }
  const body = req.method === 'POST' ? await readBody(req) : null;
  if (body === undefined) return send(res, 413, { message: 'body larger than 1 MB' });
  if (state.redirect?.paths.includes(url.pathname)) {
    const { status, to } = state.redirect;
    return send(res, status, { message: `moved to ${to}` }, { Location: `${to}${url.pathname}${url.search}` });
  }
  const route = `${req.method} ${url.pathname}`;
  if (route === 'POST /token/refresh') return refreshToken(res, state, options, body);
  if (route === 'GET /token') {
    if (!isAuthorized(req, state, options)) return send(res, 401, { message: 'invalid bearer token' });
    return send(res, 200, { ok: true, brokerageKey: url.searchParams.get('brokerageKey') });
  }
  if (route === 'POST /v2/loads') return createLoad(req, res, state, options, body);
  if (route === 'GET /__demo/loads') return send(res, 200, { loads: state.loads, attempts: state.attempts });
  if (route === 'POST /__demo/config') return send(res, 200, applyConfig(state, parseJson(body) ?? {}));
  if (route === 'POST /__demo/reset') {
    Object.assign(state, freshState(), { strictCors: state.strictCors });
    return send(res, 200, { ok: true });
  }
  return send(res, 404, { message: `no route ${route}` });
}

/** A redirect switch from /__demo/config: 301, 302, 303, 307 or 308 to an http(s) origin, or null. */
function readRedirect(value) {
  if (value === null || typeof value !== 'object') return null;
  const status = Number(value.status);
  if (![301, 302, 303, 307, 308].includes(status) || !/^https?:\/\/[^/]+$/u.test(String(value.to))) return null;
  const paths = Array.isArray(value.paths) ? value.paths.map(String) : ['/token/refresh', '/token', '/v2/loads'];
  return { status, to: String(value.to), paths };
}

function refreshToken(res, state, options, body) {
  const json = parseJson(body);
  if (!json || typeof json.refreshToken !== 'string' || !options.apiKeys.includes(json.refreshToken)) {
    return send(res, 401, { message: 'invalid refresh token' });
  }
  const token = `at-${randomUUID()}`;
  state.tokens.set(token, Date.now());
  state.issued.push(token);
  return send(res, 200, { accessToken: token, expiresIn: 3600 });
}

async function createLoad(req, res, state, options, body) {
  state.attempts += 1;
  if (state.slowMs > 0) await new Promise((resolve) => setTimeout(resolve, state.slowMs));
  if (!isAuthorized(req, state, options)) return send(res, 401, { message: 'missing or expired access token' });
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && state.replies.has(key)) {
    const reply = state.replies.get(key);
    return send(res, reply.status, reply.body, { 'Idempotent-Replayed': 'true' });
  }
  const fault = state.faults.shift();
  if (fault && !fault.afterCreate) {
    const headers = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
    return send(res, fault.status, { message: `demo fault ${fault.status}` }, headers);
  }
  const load = parseJson(body);
  const problem = checkLoad(load, state);
  const reply = problem ? { status: 422, body: { message: problem } } : { status: 201, body: record(state, load, key) };
  if (typeof key === 'string') state.replies.set(key, reply);
  options.log(`${reply.status} ${load?.load?.loadNumber ?? '(no load number)'}`);
  if (fault?.afterCreate)
    return send(res, fault.status, { message: `demo fault ${fault.status} (the load was created)` });
  return send(res, reply.status, reply.body);
}

function record(state, load, key) {
  const id = `L-${state.loads.length + 1}`;
  state.loads.push({
    id,
    loadNumber: String(load.load.loadNumber),
    idempotencyKey: key ?? null,
    body: load,
    at: new Date().toISOString(),
  });
  return { id, loadNumber: String(load.load.loadNumber) };
}

/** What makes a load invalid for this demo API (a 422), or null. */
function checkLoad(load, state) {
  if (!load || typeof load !== 'object' || !load.load || typeof load.load !== 'object')
    return 'body must be a JSON object with a load';
  const number = load.load.loadNumber;
  if (typeof number !== 'string' || number.trim() === '') return 'load.loadNumber is required';
  if (state.rejectLoadNumbers.has(number)) return `load ${number} is refused by this demo server`;
  if (!MODES.includes(load.load.mode)) return `load.mode must be one of ${MODES.join(', ')}`;
  const route = load.load.route;
  if (!Array.isArray(route) || route.length < 2) return 'load.route needs at least two stops';
  for (const [i, stop] of route.entries()) {
    if (!stop?.address?.city) return `load.route.${i}.address.city is required`;
  }
  if (!load.customer?.name) return 'customer.name is required';
  return null;
}

function isAuthorized(req, state, options) {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  return state.tokens.has(token) || options.bearerTokens.includes(token);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text) {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return null;
  }
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Expose-Headers': 'Retry-After, Idempotent-Replayed',
    'Access-Control-Max-Age': '600',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...headers,
  });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}
