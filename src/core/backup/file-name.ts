import { format } from 'date-fns';

/** Prefixes of the file names the team knows from the original app. */
const FILE_PREFIX = { manual: 'ff2api_backup', emergency: 'ff2api_emergency_backup' } as const;

/** `ff2api_backup_YYYYMMDD_HHMMSS.json` (or the emergency name), in the user's local time. */
export function backupFileName(trigger: keyof typeof FILE_PREFIX, at: Date): string {
  return `${FILE_PREFIX[trigger]}_${format(at, 'yyyyMMdd_HHmmss')}.json`;
}
