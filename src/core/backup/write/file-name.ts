/** Prefixes of the file names the team knows from the original app. */
const FILE_PREFIX = { manual: 'ff2api_backup', emergency: 'ff2api_emergency_backup' } as const;

/** `ff2api_backup_YYYYMMDD_HHMMSS.json` (or the emergency name), in the user's local time. */
export function backupFileName(trigger: keyof typeof FILE_PREFIX, at: Date): string {
  // A fixed numeric pattern: padding by hand keeps date-fns's formatter and locale out of the worker.
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  const time = `${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
  return `${FILE_PREFIX[trigger]}_${date}_${time}.json`;
}
