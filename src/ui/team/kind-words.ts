import type { StoreBackupKind } from '../../core/team-store/store-retention';

/** How the Team view names each kind of backup in the store. */
export const KIND_WORDS: Record<StoreBackupKind, string> = {
  daily: 'End of day',
  manual: 'Backup',
  emergency: 'Emergency',
  'before-risky': 'Before a risky step',
};
