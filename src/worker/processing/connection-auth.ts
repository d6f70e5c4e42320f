/**
 * Which address and credentials a call to the load API may use. Test connection pairs what the
 * form holds with what is stored — a blank secret field means the stored secret, but only for the
 * origin it was saved with (core/secret-binding.ts). A run uses the stored configuration as it is,
 * once its address passes the same check as the form's. Either way a refusal says why and nothing
 * is sent.
 */
import { checkApiAddress } from '../../core/api-address';
import type { ConfigurationSecrets } from '../../core/db/configuration-secrets';
import { fail, ok, type Result } from '../../core/result';
import { pickSecret } from '../../core/secret-binding';
import type { LoadApiAuth } from '../../platform/load-api';
import type { ConnectionRequest } from './processing-types';

const MESSAGES = {
  notSent: 'Nothing was sent.',
  noSecret: (secret: string) => `Type the ${secret} to test the connection: none is stored for this configuration.`,
  runAddress: (problem: string) =>
    `This configuration’s API address cannot be used: ${problem} Nothing was sent. ` +
    'Edit the configuration under Brokerages, then process the file again.',
} as const;

/** The credentials Test connection may use for what the form holds (`stored`: the saved configuration, if any). */
export function authForTest(request: ConnectionRequest, stored: ConfigurationSecrets | null): Result<LoadApiAuth> {
  const address = checkApiAddress(request.baseUrl.trim() || stored?.baseUrl || '');
  if (!address.ok) return address;
  const baseUrl = address.value.baseUrl;
  const isApiKey = request.authType === 'api_key';
  const kept = { secret: (isApiKey ? stored?.apiKey : stored?.bearerToken) ?? null, baseUrl: stored?.baseUrl ?? null };
  const typed = isApiKey ? request.apiKey : request.bearerToken;
  const secret = pickSecret(request.authType, typed, kept, baseUrl, MESSAGES.notSent);
  if (!secret.ok) return secret;
  if (secret.value === null) return fail('no-secret', MESSAGES.noSecret(isApiKey ? 'API key' : 'bearer token'));
  return ok({
    authType: request.authType,
    baseUrl,
    apiKey: isApiKey ? secret.value : null,
    bearerToken: isApiKey ? null : secret.value,
  });
}

/** The credentials a run sends with: the stored configuration's, when its address may carry them. */
export function authForRun(config: ConfigurationSecrets): Result<LoadApiAuth> {
  const address = checkApiAddress(config.baseUrl);
  if (!address.ok) return fail(address.error.code, MESSAGES.runAddress(address.error.message));
  return ok({
    authType: config.authType,
    baseUrl: address.value.baseUrl,
    apiKey: config.apiKey,
    bearerToken: config.bearerToken,
  });
}
