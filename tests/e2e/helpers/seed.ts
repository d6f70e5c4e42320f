import type { Catalog, ConfigurationSpec } from '../pages/catalog';

/** The team's data used across specs: a brokerage with punctuation (the original lost those). */
export const ACME = 'Acme, Inc.';
export const BLUE_LINE = 'Blue Line Freight';

export const CONFIGURATIONS = [
  {
    brokerage: ACME,
    name: 'Daily loads',
    description: 'Morning CSV from the Acme TMS',
    authType: 'api_key',
    baseUrl: 'https://api.acme.example/v1',
    apiKey: 'ak-acme-1111',
  },
  {
    brokerage: ACME,
    name: 'Weekly (bulk) loads',
    authType: 'bearer_token',
    baseUrl: 'https://api.acme.example/v1',
    bearerToken: 'bt-acme-2222',
  },
  {
    brokerage: BLUE_LINE,
    name: 'Standard',
    authType: 'api_key',
    apiKey: 'ak-blue-3333',
  },
] as const satisfies readonly ConfigurationSpec[];

/** Creates two brokerages and three configurations (both auth types) through the UI. */
export async function seedCatalog(catalog: Catalog): Promise<void> {
  await catalog.createBrokerage(ACME);
  await catalog.createBrokerage(BLUE_LINE);
  for (const configuration of CONFIGURATIONS) await catalog.createConfiguration(configuration);
}
