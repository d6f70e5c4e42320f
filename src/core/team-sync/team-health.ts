import type { TeamBrowser } from './team-views';

/**
 * Team health, as every browser shows it (Team view and sidebar): a teammate silent for a day
 * while holding changes it has not shared (their work is only in that browser), and a teammate
 * whose log cannot be read on here (a gap in the store no snapshot covers) — each with who,
 * since when, and what to do.
 */

export type TeamHealthWarning =
  | { kind: 'silent'; device: string; person: string; browserName: string; since: string; pending: number }
  | {
      kind: 'stalled';
      device: string;
      person: string;
      browserName: string;
      since: string;
      missingFrom: number;
      nextThere: number;
    };

export interface StalledLogInput {
  device: string;
  since: string;
  missingFrom: number;
  nextThere: number;
}

export function teamHealth(browsers: readonly TeamBrowser[], stalled: readonly StalledLogInput[]): TeamHealthWarning[] {
  const byDevice = new Map(browsers.map((b) => [b.device, b]));
  return [
    ...browsers
      .filter((b) => b.isSilentWithChanges)
      .map((b) => ({
        kind: 'silent' as const,
        device: b.device,
        person: b.person,
        browserName: b.browserName,
        since: b.lastSeen,
        pending: b.pending,
      })),
    ...stalled.map((s) => ({
      kind: 'stalled' as const,
      ...s,
      person: byDevice.get(s.device)?.person ?? 'A teammate',
      browserName: byDevice.get(s.device)?.browserName ?? `a browser (${s.device.slice(0, 8)})`,
    })),
  ];
}
