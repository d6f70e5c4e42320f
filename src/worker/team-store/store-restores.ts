import { logActivity } from '../../core/db/activity';
import { fail, ok, type Result } from '../../core/result';
import type { BackupSource } from '../backup-files/backup-file-types';
import type { LiveDatabase } from '../engine/live-database';
import type { RestorePreview } from '../restore/restore-types';
import type { StoreAccess } from './store-access';
import { updateHealth, withAnswer, withFailure, type StoreRecords } from './store-records';
import type { StoreBackupList, StoreBackupRow } from './team-store-types';

/** The restore feature's inspect: the usual preview of a backup file. */
export type InspectBackup = (file: BackupSource, options?: { passphrase?: string }) => Promise<Result<RestorePreview>>;

/** A store backup previewed for a restore: the preview, and how the success message names it. */
export interface StorePreview {
  preview: RestorePreview;
  name: string;
  key: string;
}

const MESSAGES = {
  empty: 'The team store holds no backup of this team yet. Nothing was changed.',
};

/**
 * The team's backups in the store, and restoring one: the object is downloaded and opened (every
 * chunk authenticated), and the backup file inside goes to the restore feature's usual preview —
 * then `applyRestore`, the typed RESTORE and the undo work as for any file. A refused object is
 * reported (health, the activity log) and nothing of it is used.
 */
export class StoreRestores {
  constructor(
    private readonly deps: {
      live: LiveDatabase;
      access: StoreAccess;
      records: StoreRecords;
      inspect: InspectBackup;
      now: () => string;
    },
  ) {}

  async list(): Promise<Result<StoreBackupList>> {
    const access = await this.deps.access.session();
    if (!access.ok) return access;
    const { session, headers, ops } = access.value;
    const verified = new Set([
      ...((await this.deps.records.ownCopies.read()) ?? []).map((copy) => copy.key),
      ...((await this.deps.records.checkedKeys.read()) ?? []),
    ]);
    const listed = await ops.listStoreBackups(session, headers, verified);
    await this.noteAnswer(listed.ok ? null : listed.error);
    return listed.ok ? ok(listed.value) : { ok: false, error: listed.error };
  }

  async inspect(key: string, options: { passphrase?: string } = {}): Promise<Result<StorePreview>> {
    const access = await this.deps.access.session();
    if (!access.ok) return access;
    const opened = await access.value.ops.downloadBackup(access.value.session, key);
    if (!opened.ok) {
      if (opened.error.code === 'object-tampered') await this.reportRefused(key, opened.error.message);
      else await this.noteAnswer({ code: opened.error.code, message: opened.error.message });
      return opened;
    }
    await this.noteAnswer(null);
    const { fileName } = opened.value.details;
    const preview = await this.deps.inspect({ name: fileName, contents: opened.value.bytes }, options);
    if (!preview.ok) return preview;
    if (!preview.value.needsPassphrase) await this.noteChecked(key);
    return ok({ preview: preview.value, name: `${fileName} from the team store`, key });
  }

  /** `Restore latest from team store`: the newest backup of any browser of the team. */
  async inspectLatest(options: { passphrase?: string } = {}): Promise<Result<StorePreview>> {
    const listed = await this.list();
    if (!listed.ok) return listed;
    const [newest]: StoreBackupRow[] = listed.value.backups;
    if (!newest) return fail('store-empty', MESSAGES.empty);
    return this.inspect(newest.key, options);
  }

  private async noteChecked(key: string): Promise<void> {
    const keys = (await this.deps.records.checkedKeys.read()) ?? [];
    if (!keys.includes(key)) await this.deps.records.checkedKeys.write([...keys, key].slice(-500));
  }

  /** Health follows every answer: a failure is kept (the start of an outage when unreachable), an answer ends it. */
  private async noteAnswer(error: { code: string; message: string } | null): Promise<void> {
    const at = this.deps.now();
    await updateHealth(this.deps.records, (health) =>
      error === null
        ? withAnswer(health, at)
        : withFailure(health, { at, message: error.message }, error.code === 'unreachable'),
    );
  }

  private async reportRefused(key: string, message: string): Promise<void> {
    await this.noteAnswer({ code: 'object-tampered', message });
    await this.deps.live.write((db, nowIso) => {
      logActivity(db, {
        at: nowIso,
        kind: 'team-store',
        summary: `Refused an object in the team store that failed its integrity check; nothing of it was used`,
        details: { key },
      });
      return ok(undefined);
    });
  }
}
