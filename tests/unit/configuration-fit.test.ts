import { describe, expect, it } from 'vitest';
import { assessConfigurationFit, type ConfigurationColumns } from '../../src/core/csv/configuration-fit';
import { readSample } from '../support/original-samples';

const LOADS = [
  'load_number',
  'mode',
  'rate_type',
  'status',
  'pickup_city',
  'pickup_date',
  'delivery_city',
  'delivery_date',
  'customer_name',
  'notes',
];

function configuration(id: number, name: string, columns: readonly string[]): ConfigurationColumns {
  return { id, brokerageName: 'Acme, Inc.', configurationName: name, columns };
}

describe('does a file fit the chosen configuration?', () => {
  const freight = readSample('freight_sample').headers;
  const workflow = readSample('test_workflow').headers;
  const daily = configuration(1, 'Daily loads', LOADS);
  const freightConfig = configuration(2, 'Freight', freight);
  const workflowConfig = configuration(3, 'Workflow', workflow);

  it('the configuration’s own kind of file fits (extra columns do not matter)', () => {
    expect(assessConfigurationFit([...LOADS, 'rate', 'miles'], daily, [daily, freightConfig])).toEqual({
      shared: 10,
      known: 10,
      isLikelyWrong: false,
      better: [],
    });
  });

  it('the original’s freight sample against a loads configuration: likely wrong, the freight one first', () => {
    const fit = assessConfigurationFit(freight, daily, [daily, freightConfig, workflowConfig]);
    expect(fit).toMatchObject({ shared: 2, known: 10, isLikelyWrong: true });
    expect(fit?.better).toEqual([
      { id: 2, brokerageName: 'Acme, Inc.', configurationName: 'Freight', shared: 16, known: 16 },
    ]);
  });

  it('says nothing for a configuration that knows no columns yet', () => {
    expect(assessConfigurationFit(freight, configuration(4, 'New', []), [freightConfig])).toBeNull();
  });

  it('exactly half shared is not “few”; a better fit must reach half of its own columns', () => {
    const half = assessConfigurationFit(LOADS.slice(0, 5), daily, [
      daily,
      configuration(5, 'Four of ten', ['load_number', 'x', 'y', 'z', 'w', 'v', 'u', 't', 's', 'r']),
    ]);
    expect(half).toMatchObject({ shared: 5, known: 10, isLikelyWrong: false, better: [] });
  });

  it('lists at most three better configurations, best first', () => {
    const others = [1, 2, 3, 4].map((n) => configuration(10 + n, `Freight ${n}`, freight.slice(0, 16 - n)));
    const fit = assessConfigurationFit(freight, daily, [daily, ...others]);
    expect(fit?.better.map((better) => better.configurationName)).toEqual(['Freight 1', 'Freight 2', 'Freight 3']);
  });
});
