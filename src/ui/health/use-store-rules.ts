import { useEffect, useState } from 'react';
import { lazyModule } from '../../platform/lazy-import';
import type * as StoreRulesModule from './store-health-rules';

/** The team store's health rules: a chunk of their own, which a browser without a store never loads. */
const loadRules = lazyModule(() => import('./store-health-rules'));
type StoreRules = typeof StoreRulesModule;
let loaded: StoreRules | null = null;

/** The store's rules once loaded while a store is connected; null otherwise (health then has no store part). */
export function useStoreRules(isConnected: boolean): StoreRules | null {
  const [, setReady] = useState(false);
  useEffect(() => {
    if (!isConnected || loaded) return;
    let isCurrent = true;
    void loadRules().then((rules) => {
      if (!rules.ok) return;
      loaded = rules.value;
      if (isCurrent) setReady(true);
    });
    return () => {
      isCurrent = false;
    };
  }, [isConnected]);
  return isConnected ? loaded : null;
}
