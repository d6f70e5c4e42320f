import { describe, expect, it } from 'vitest';
import { fixtureBytes, readFile, sampleTables, text, utf8, writeTables } from './backup-support';

/**
 * The six classes of hostile files issue 7 found, each closed at its root (docs/backup-format.md
 * §10): one test per class, on real files, read as the app reads them.
 */

/** Our sample file (2.1), with its first upload row edited, checksum left as it was. */
async function ourFileWith(edit: (row: Record<string, unknown>) => void): Promise<Uint8Array> {
  const file = text((await writeTables(sampleTables())).bytes);
  const lines = file.split('\n');
  const at = lines.findIndex((line) => line.startsWith('{"id":101,'));
  const row = JSON.parse((lines[at] as string).replace(/,$/, '')) as Record<string, unknown>;
  edit(row);
  lines[at] = `${JSON.stringify(row)},`;
  return utf8(lines.join('\n'));
}

function originalWith(
  edit: (file: {
    upload_history: Record<string, unknown>[];
    brokerage_configurations: Record<string, unknown>[];
  }) => void,
): Uint8Array {
  const file = JSON.parse(text(fixtureBytes('original-1.0-example.json')));
  edit(file);
  return utf8(JSON.stringify(file));
}

describe('hostile files (issue 7)', () => {
  it.each([
    ['an unpaired surrogate', 'loads \uD800.csv'],
    ['a leading byte-order mark', '\uFEFFloads.csv'],
  ])('1. our file with text holding %s is refused before the preview, located', async (_, filename) => {
    const read = await readFile(
      await ourFileWith((row) => {
        row.filename = filename;
      }),
    );
    expect(read).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-backup',
        problems: [
          {
            section: 'upload_history',
            row: 0,
            field: 'filename',
            message: expect.stringContaining('broken character'),
          },
        ],
      },
    });
  });

  it('1. an original file with such text is repaired, counted, and restores exactly what the preview showed', async () => {
    const read = await readFile(
      originalWith((file) => {
        (file.upload_history[0] as Record<string, unknown>).filename = '\uFEFF\uFEFFloads \uD800.csv';
      }),
    );
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.warnings.find((w) => w.code === 'text-repaired')?.count).toBe(1);
    expect(read.backup.tables.upload_history.map((u) => u.filename)).toContain('loads \uFFFD.csv');
  });

  it('2. a file of ours whose format name is damaged is refused, not read as an original file', async () => {
    const damaged = utf8(
      text(fixtureBytes('ours-2.0-plain.json')).replace('"format":"ff2api_backup"', '"format":"ff2api_backuq"'),
    );
    const read = await readFile(damaged);
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'invalid-backup', problems: [{ section: 'backup_info', field: 'format' }] },
    });
    const renamed = utf8(
      text(fixtureBytes('ours-2.0-plain.json')).replace('"format":"ff2api_backup"', '"formax":"ff2api_backup"'),
    );
    expect((await readFile(renamed)).ok).toBe(false);
  });

  it('2. an original file holding a section of ours is refused as a damaged header of ours', async () => {
    const read = await readFile(originalWith((file) => Object.assign(file, { configuration_changes: [] })));
    expect(read).toMatchObject({ ok: false, error: { code: 'not-a-backup' } });
  });

  it('4. a time that is year 10000 in UTC is refused where it is read, so no backup of the database can be refused later', async () => {
    const read = await readFile(
      originalWith((file) => {
        (file.upload_history[0] as Record<string, unknown>).upload_timestamp = '9999-12-31T23:59:59-01:00';
      }),
    );
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'invalid-backup', problems: [{ section: 'upload_history', field: 'upload_timestamp' }] },
    });
  });

  it('5. ids past the one id range (2^52) are refused, located', async () => {
    const read = await readFile(
      await ourFileWith((row) => {
        row.id = 2 ** 53 - 1;
      }),
    );
    expect(read).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-backup',
        problems: [
          { section: 'upload_history', field: 'id', message: expect.stringContaining('4,503,599,627,370,496') },
        ],
      },
    });
  });

  it('deeply nested values inside small fields get a located problem, not the generic refusal', async () => {
    // Written as text: JSON.stringify itself cannot write 50,000 levels.
    const deep = `${'['.repeat(50_000)}"x"${']'.repeat(50_000)}`;
    const ours = text((await writeTables(sampleTables())).bytes);
    for (const field of ['session_id', 'filename', 'file_headers']) {
      const edited = ours.replace(new RegExp(`("id":101,.*?"${field}":)("[^"]*"|\\[[^\\]]*\\]|null)`), `$1${deep}`);
      expect(edited).not.toBe(ours);
      const read = await readFile(utf8(edited));
      expect(read).toMatchObject({
        ok: false,
        error: { code: 'invalid-backup', problems: [{ section: 'upload_history', row: 0, field }] },
      });
    }
    const original = text(fixtureBytes('original-1.0-example.json')).replace(
      /"auth_type":\s*"[a-z_]+"/,
      `"auth_type": ${deep}`,
    );
    const read = await readFile(utf8(original));
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'invalid-backup', problems: [{ section: 'brokerage_configurations', field: 'auth_type' }] },
    });
  });
});
