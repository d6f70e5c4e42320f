import { logActivity } from '../../core/db/activity';
import { inTransaction } from '../../core/db/transaction';
import { ok, type Result } from '../../core/result';
import type { AppSettings } from '../../core/settings/app-settings';
import type { SettingsChange } from '../../core/settings/settings-changes';
import { readExplicitSettings, readStoredSettings, writeStoredSettings } from '../../core/settings/settings-record';
import { lazyModule } from '../../platform/lazy-import';
import type { LiveDatabase } from '../engine/live-database';
import type { Operator } from '../engine/operator';

/** Checking and describing a change (loaded on the first change: reading settings does not need it). */
const loadSettingsChanges = lazyModule(() => import('../../core/settings/settings-changes'));

/** What the settings work with: the live database (they live in it) and who is at the keyboard. */
export interface AppSettingsDeps {
  live: LiveDatabase;
  operator: Operator;
}

/**
 * The app's settings as the worker keeps them: read from the database, changed within their safe
 * bounds, every change written to the audit trail with who made it and what it was before.
 */
export class AppSettingsFeature {
  constructor(private readonly deps: AppSettingsDeps) {}

  /** The settings in effect (defaults for what was never set). */
  current(): AppSettings {
    return this.deps.live.read(readStoredSettings);
  }

  /**
   * Takes the preferences an earlier version kept in this browser's localStorage (end of day,
   * name), each only where no setting was made since: a one-time move into the database.
   */
  adoptEarlier(preferences: SettingsChange): Promise<Result<AppSettings>> {
    const explicit = this.deps.live.read(readExplicitSettings);
    const missing = Object.fromEntries(
      Object.entries(preferences).filter(([key]) => explicit[key as keyof AppSettings] === undefined),
    );
    if (Object.keys(missing).length === 0) return Promise.resolve(ok(this.current()));
    return this.update(missing, 'carried over from this browser’s earlier preferences');
  }

  /**
   * Changes some settings; refused as a whole when a value is out of bounds. `origin` says why
   * when it was not a person's choice ("carried over from this browser's earlier preferences").
   */
  async update(change: SettingsChange, origin?: string): Promise<Result<AppSettings>> {
    const { live, operator } = this.deps;
    const loaded = await loadSettingsChanges();
    if (!loaded.ok) return loaded;
    const { applySettingsChange, describeSettingChanges } = loaded.value;
    return live.write((db, now) => {
      const applied = applySettingsChange(readExplicitSettings(db), change);
      if (!applied.ok) return applied;
      const { next, changes } = applied.value;
      if (changes.length === 0) return ok(readStoredSettings(db));
      inTransaction(db, () => {
        writeStoredSettings(db, next);
        // The byline names who was at the keyboard before the change (a new name is "by" the new name).
        const by = operator.nameOrNull ?? (next.operatorName || null);
        logActivity(db, {
          at: now,
          kind: 'settings',
          summary: `Settings changed${origin ? ` (${origin})` : ''}: ${describeSettingChanges(changes)}${by ? ` (by ${by})` : ''}`,
          details: { by, changes, ...(origin ? { origin } : {}) },
        });
      });
      return ok(readStoredSettings(db));
    });
  }
}
