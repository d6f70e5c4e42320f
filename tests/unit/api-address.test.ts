import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkApiAddress, checkCredentialUrl, isSameOrigin } from '../../src/core/api-address';
import { pickSecret } from '../../src/core/secret-binding';

describe('checkApiAddress: where the app sends credentials', () => {
  it.each([
    ['https://api.prod.goaugment.com', 'https://api.prod.goaugment.com'],
    ['  https://api.acme.example/v1/  ', 'https://api.acme.example'],
    ['https://api.acme.example:8443', 'https://api.acme.example:8443'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://api.localhost', 'http://api.localhost'],
    ['http://[::1]:9000', 'http://[::1]:9000'],
    ['http://127.1.2.3', 'http://127.1.2.3'],
    // Every IPv4 spelling of loopback is loopback once parsed.
    ['http://2130706433:8787', 'http://127.0.0.1:8787'],
  ])('accepts %s (origin %s)', (text, origin) => {
    expect(checkApiAddress(text)).toEqual({ ok: true, value: { baseUrl: text.trim(), origin } });
  });

  it.each([
    ['', 'no-base-url', 'Please provide an API base URL.'],
    ['   ', 'no-base-url', 'Please provide an API base URL.'],
    ['api.prod.goaugment.com', 'bad-base-url', 'is not a web address'],
    ['ftp://files.example', 'bad-base-url', 'uses “ftp:”'],
    ['javascript:alert(1)', 'bad-base-url', 'is not a web address'],
    ['https://someone@api.example.com', 'base-url-credentials', 'must not contain a user name or password'],
    ['https://someone:pw@api.example.com', 'base-url-credentials', 'must not contain a user name or password'],
    ['http://someone@127.0.0.1:8787', 'base-url-credentials', 'must not contain a user name or password'],
    ['https://:pw@api.example.com', 'base-url-credentials', 'must not contain a user name or password'],
    ['http://api.example.com', 'base-url-not-https', 'http://api.example.com is not encrypted'],
    ['http://128.0.0.1', 'base-url-not-https', 'is not encrypted'],
    ['http://localhost.evil.example', 'base-url-not-https', 'is not encrypted'],
    ['http://127.0.0.1.nip.io', 'base-url-not-https', 'is not encrypted'],
    ['https://api.example.com/?token=1', 'base-url-query', 'must not contain “?” or “#”'],
    ['https://api.example.com/#x', 'base-url-query', 'must not contain “?” or “#”'],
    ['https://api.example.com?', 'base-url-query', 'must not contain “?” or “#”'],
  ])('refuses %j (%s) and says what to change', (text, code, words) => {
    const checked = checkApiAddress(text);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.error.code).toBe(code);
      expect(checked.error.message).toContain(words);
    }
  });

  it('request URLs may carry a query, but the same rules for scheme, host and user name', () => {
    expect(checkCredentialUrl('https://api.example.com/token?brokerageKey=acme').ok).toBe(true);
    expect(checkCredentialUrl('https://u@api.example.com/token?x=1').ok).toBe(false);
    expect(checkCredentialUrl('http://api.example.com/v2/loads').ok).toBe(false);
  });

  it('law: an accepted address never carries a user name and is https or loopback', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), (url, user) => {
        const text = user === '' ? url : url.replace('://', `://${encodeURIComponent(user)}@`);
        const checked = checkApiAddress(text);
        if (!checked.ok) return;
        const parsed = new URL(checked.value.baseUrl);
        expect(parsed.username + parsed.password).toBe('');
        expect(parsed.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname)).toBe(
          true,
        );
      }),
    );
  });
});

describe('pickSecret: a stored secret stays with the origin it was saved with', () => {
  const stored = { secret: 'ak-stored', baseUrl: 'https://api.acme.example/v1' };

  it.each([
    ['the same address', 'https://api.acme.example/v1', 'ak-stored'],
    ['another path on the same origin', 'https://API.acme.example/v2/', 'ak-stored'],
    ['the default port spelled out', 'https://api.acme.example:443/v1', 'ak-stored'],
  ])('keeps it for %s', (_case, baseUrl, expected) => {
    expect(pickSecret('api_key', '', stored, baseUrl, 'Nothing was sent.')).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['another host', 'https://attacker.example'],
    ['a subdomain', 'https://evil.api.acme.example'],
    ['another port', 'https://api.acme.example:8443'],
    ['plain http', 'http://api.acme.example'],
    ['an unfinished address', 'https://api.acme.exam'],
  ])('asks for it again for %s', (_case, baseUrl) => {
    const picked = pickSecret('api_key', '  ', stored, baseUrl, 'Nothing was sent.');
    expect(picked).toMatchObject({ ok: false, error: { code: 'secret-for-other-address' } });
    if (!picked.ok) {
      expect(picked.error.message).toContain('The stored API key belongs to https://api.acme.example');
      expect(picked.error.message).toContain('Nothing was sent.');
      expect(picked.error.message).not.toContain('ak-stored');
    }
  });

  it('a typed secret goes anywhere it was typed for; none stored is null', () => {
    expect(pickSecret('bearer_token', ' bt-new ', stored, 'https://other.example', 'x')).toEqual({
      ok: true,
      value: 'bt-new',
    });
    expect(pickSecret('bearer_token', '', { secret: null, baseUrl: null }, 'https://other.example', 'x')).toEqual({
      ok: true,
      value: null,
    });
  });

  it('law: a stored secret is handed out only for its own origin', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.webUrl(), (savedWith, requested) => {
        const picked = pickSecret('api_key', '', { secret: 'ak', baseUrl: savedWith }, requested, '');
        if (picked.ok && picked.value === 'ak') expect(isSameOrigin(savedWith, requested)).toBe(true);
      }),
    );
  });
});
