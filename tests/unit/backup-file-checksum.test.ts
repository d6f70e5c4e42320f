import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../src/core/db/rows';
import { fixtureBytes, readFile, sampleTables, text, utf8, writeTables } from './backup-support';

/**
 * The file checksum of format 2.2 (docs/backup-format.md §2): the header — when the file was
 * made, above all, which decides the "would lose N changes" warning — and the activity log are
 * certified like the rows, so an edit to them is refused before any preview; older files still
 * read, with the weaker guarantee said in the preview.
 */

const ACTIVITY: ActivityRow[] = [
  {
    id: 1,
    at: '2026-11-20T09:00:00.000Z',
    kind: 'restore',
    summary: 'Replaced the database with ff2api_backup_20261119.json (by Dana)',
    details: '{"mode":"replace"}',
  },
  {
    id: 2,
    at: '2026-11-22T16:00:00.000Z',
    kind: 'backup',
    summary: 'Backup downloaded: ff2api_backup_20261122_170000.json (by Dana)',
    details: null,
  },
];

type FileJson = { backup_info: Record<string, unknown>; activity_log?: Record<string, unknown>[] } & Record<
  string,
  unknown
>;

async function ourFile(): Promise<string> {
  return text((await writeTables(sampleTables(), { activity: ACTIVITY })).bytes);
}

/**
 * Our file with one edit made through its JSON (then written in our layout again: one row per line is not needed to
 * read).
 */
async function editedFile(edit: (file: FileJson) => void): Promise<Uint8Array> {
  const file = JSON.parse(await ourFile()) as FileJson;
  edit(file);
  return utf8(JSON.stringify(file, null, 1));
}

describe('the file checksum (format 2.2)', () => {
  it('certifies the file as written, whatever its layout: pretty-printed, header keys reordered', async () => {
    const file = JSON.parse(await ourFile()) as FileJson;
    const reordered = Object.fromEntries(Object.entries(file.backup_info).reverse());
    const read = await readFile(utf8(JSON.stringify({ ...file, backup_info: reordered }, null, 2)));
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.warnings).toEqual([]);
    expect(read.backup.activity.map((e) => [e.at, e.kind, e.summary, e.details])).toEqual(
      ACTIVITY.map((e) => [e.at, e.kind, e.summary, e.details]),
    );
  });

  it.each<[string, (file: FileJson) => void]>([
    [
      'the date it was made moved later (so a replace would not warn what it loses)',
      (f) => {
        f.backup_info.created_at = '2026-11-23T09:00:00.000Z';
      },
    ],
    [
      'its trigger changed',
      (f) => {
        f.backup_info.trigger = 'emergency';
      },
    ],
    [
      'its app version changed',
      (f) => {
        f.backup_info.app_version = 'FF2API Web 9.9.9';
      },
    ],
    [
      'a key added to its header',
      (f) => {
        f.backup_info.note = 'hello';
      },
    ],
    [
      'an activity entry reworded',
      (f) => {
        ((f.activity_log ?? [])[0] as Record<string, unknown>).summary = 'Replaced the database (by Sam)';
      },
    ],
    [
      'an activity entry’s time changed',
      (f) => {
        ((f.activity_log ?? [])[1] as Record<string, unknown>).at = '2026-11-22T16:00:00.001Z';
      },
    ],
    [
      'an activity entry’s details removed',
      (f) => {
        ((f.activity_log ?? [])[0] as Record<string, unknown>).details = null;
      },
    ],
    [
      'an activity entry added',
      (f) => {
        f.activity_log?.push({
          id: 3,
          at: '2026-11-22T16:30:00.000Z',
          kind: 'verify',
          summary: 'Verified',
          details: null,
        });
      },
    ],
    [
      'an activity entry removed',
      (f) => {
        f.activity_log?.pop();
      },
    ],
    [
      'the activity entries swapped',
      (f) => {
        f.activity_log?.reverse();
      },
    ],
    [
      'the activity log removed',
      (f) => {
        delete f.activity_log;
      },
    ],
  ])('refuses a file with %s, before any preview', async (_, edit) => {
    const read = await readFile(await editedFile(edit));
    expect(read).toMatchObject({
      ok: false,
      error: {
        code: 'checksum-mismatch',
        message: expect.stringContaining('its header (such as when it was made) or its activity log'),
      },
    });
    if (!read.ok) expect(read.error.message).toContain('Nothing was changed');
  });

  it('refuses a 2.2 file whose file checksum was removed, located (it is not read as an older file)', async () => {
    const read = await readFile(
      await editedFile((f) => {
        delete f.backup_info.file_checksum;
      }),
    );
    expect(read).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-backup',
        problems: [{ section: 'backup_info', field: 'file_checksum', message: expect.stringContaining('is missing') }],
      },
    });
  });

  it('refuses a 2.2 file holding an activity entry it cannot read, located, instead of leaving the entry out', async () => {
    const read = await readFile(
      await editedFile((f) => {
        f.activity_log?.push({ id: 3, at: 'yesterday', kind: 'backup', summary: 'x', details: null });
      }),
    );
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'invalid-backup', problems: [{ section: 'activity_log', row: 2 }] },
    });
  });

  it('an encrypted file carries it too, bound to its passphrase with the rest of the header', async () => {
    const written = await writeTables(sampleTables(), {
      activity: ACTIVITY,
      secrets: 'encrypted',
      passphrase: 'pass phrase',
      kdfIterationsForTests: 100_000,
    });
    const file = JSON.parse(text(written.bytes)) as FileJson;
    expect(file.backup_info.file_checksum).toMatchObject({ algorithm: 'SHA-256' });
    const read = await readFile(written.bytes, { passphrase: 'pass phrase' });
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.warnings).toEqual([]);
    expect(read.backup.activity).toHaveLength(2);
  });
});

describe('older files still read, with the weaker guarantee said in the preview', () => {
  it.each(['ours-2.1-plain.json', 'ours-2.0-plain.json', 'ours-2.0-omitted.json'])(
    '%s: read, with the warning that its date and activity log are not certified',
    async (name) => {
      const read = await readFile(fixtureBytes(name));
      if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
      expect(read.backup.tables.upload_history).toEqual(sampleTables().upload_history);
      expect(read.backup.warnings).toEqual([
        {
          code: 'header-not-certified',
          count: null,
          message: expect.stringContaining('its date and its activity log are not'),
        },
      ]);
    },
  );

  it('an older file whose date was edited still reads (nothing certifies it), and says so', async () => {
    const edited = text(fixtureBytes('ours-2.1-plain.json')).replace(
      '"created_at":"2026-11-22T17:00:03.120Z"',
      '"created_at":"2026-11-23T09:00:00.000Z"',
    );
    const read = await readFile(utf8(edited));
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.createdAt).toBe('2026-11-23T09:00:00.000Z');
    expect(read.backup.warnings.map((w) => w.code)).toEqual(['header-not-certified']);
  });

  it('an encrypted 2.0 file needs no such warning: AES-GCM authenticates its header and its activity log', async () => {
    const read = await readFile(fixtureBytes('ours-2.0-encrypted.json'), {
      passphrase: 'correct horse battery staple',
    });
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.warnings).toEqual([]);
  });
});
