import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoadApiSession } from '../../src/platform/load-api';

/**
 * The load API's answers are outside input: a real local server answers with the odd shapes APIs
 * nobody here wrote send, and the session reads only what the schemas accept (Node's real fetch).
 */
let reply: { status: number; body: string } = { status: 200, body: '{}' };
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(reply.status, { 'Content-Type': 'application/json' }).end(reply.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const bearer = () => createLoadApiSession({ authType: 'bearer_token', baseUrl, apiKey: null, bearerToken: 'BT-odd' });

describe('a token refresh answer', () => {
  it.each([
    ['{"accessToken":"T-1","expiresIn":3600}', true],
    ['{"accessToken":123}', false],
    ['{"accessToken":""}', false],
    ['{"token":"T-1"}', false],
    ['[{"accessToken":"T-1"}]', false],
    ['accessToken=T-1', false],
  ])('%s → connected: %s', async (body, connected) => {
    reply = { status: 200, body };
    const session = createLoadApiSession({ authType: 'api_key', baseUrl, apiKey: 'AK-odd-key', bearerToken: null });
    const check = await session.testConnection('Acme');
    expect(check.ok).toBe(connected);
    if (!connected) expect(check.message).toBe('Token refresh failed. Please check your API key.');
  });
});

describe('a created load answer', () => {
  it.each([
    ['{"loadNumber":"LD-9"}', 'LD-9'],
    ['{"load":{"loadNumber":7}}', '7'],
    ['{"id":42}', '42'],
    ['{"loadNumber":null,"id":"B-2"}', 'B-2'],
    ['{"loadNumber":{"value":"LD-9"}}', null],
    ['{"load":"LD-9"}', null],
    ['[]', null],
    ['created', null],
  ])('%s → load number %s', async (body, loadNumber) => {
    reply = { status: 201, body };
    expect(await bearer().postLoad('{}', 'key-1')).toEqual({ kind: 'created', status: 201, loadNumber });
  });
});

describe('a refusal answer', () => {
  it.each([
    [400, '{"message":"stop 2 has no city"}', 'Bad request: stop 2 has no city.'],
    [422, '{"errors":[{"field":"load.mode"}]}', 'Validation error: [{"field":"load.mode"}].'],
    [422, '{"detail":"weight must be positive"}', 'Validation error: weight must be positive.'],
    [400, 'plain   words\nover lines', 'Bad request: plain words over lines.'],
    [409, '{"code":7}', 'The load API answered 409: {"code":7}.'],
  ])('%i %s → %s', async (status, body, message) => {
    reply = { status, body };
    const outcome = await bearer().postLoad('{}', 'key-1');
    expect(outcome).toMatchObject({ message });
  });
});
