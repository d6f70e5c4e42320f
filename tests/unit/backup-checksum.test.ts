import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeChecksum } from '../../src/core/backup/checksum/canonical';
import { JSON_COLUMNS } from '../../src/core/backup/format/format';
import { readBackupFile } from './backup-support';
import { buildBackupFile } from './backup-support';
import { TABLE_COLUMNS, type DataTables } from '../../src/core/db/rows';
import { DATA_TABLES } from '../../src/core/db/schema';
import { fixtureBytes, sampleTables, text, utf8 } from './backup-support';

/** The definition in docs/backup-format.md, computed independently with node:crypto. */
function documentedChecksum(tables: DataTables): string {
  const sections: Record<string, unknown[]> = {};
  for (const table of DATA_TABLES) {
    const jsonColumns: readonly string[] = JSON_COLUMNS[table];
    sections[table] = tables[table].map((row) => {
      const ordered: Record<string, unknown> = {};
      for (const column of TABLE_COLUMNS[table]) {
        const value = (row as unknown as Record<string, unknown>)[column];
        ordered[column] = jsonColumns.includes(column) && typeof value === 'string' ? JSON.parse(value) : value;
      }
      return ordered;
    });
  }
  return createHash('sha256').update(JSON.stringify(sections), 'utf8').digest('hex');
}

/** Changes one character of a value (inside a JSON value for JSON columns), or 1 of a number. */
function changeOneCharacter(value: unknown, isJson: boolean): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value !== 'string') throw new Error('unexpected value');
  if (!isJson) return value.slice(0, -1) + (value.endsWith('x') ? 'y' : 'x');
  const parsed = JSON.parse(value) as unknown;
  if (Array.isArray(parsed)) return JSON.stringify([...parsed.slice(0, -1), `${String(parsed.at(-1))}x`]);
  const entries = Object.entries(parsed as Record<string, string>);
  if (entries.length === 0) return '{"x":""}';
  const [key, last] = entries.at(-1) as [string, string];
  return JSON.stringify({ ...(parsed as object), [key]: `${last.slice(0, -1)}${last.endsWith('x') ? 'y' : 'x'}` });
}

const cells = DATA_TABLES.flatMap((table) =>
  sampleTables()[table].flatMap((row, index) =>
    TABLE_COLUMNS[table]
      .filter((column) => (row as unknown as Record<string, unknown>)[column] !== null)
      .map((column) => ({ table, index, column })),
  ),
);

describe('checksum', () => {
  it('is SHA-256 of the documented canonical serialization', async () => {
    const tables = sampleTables();
    expect(await computeChecksum(tables)).toBe(documentedChecksum(tables));
    expect(await computeChecksum(tables)).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each(cells)(
    'changes when one character of $table row $index $column changes',
    async ({ table, index, column }) => {
      const tables = sampleTables();
      const before = await computeChecksum(tables);
      const row = tables[table][index] as unknown as Record<string, unknown>;
      row[column] = changeOneCharacter(row[column], (JSON_COLUMNS[table] as readonly string[]).includes(column));
      expect(await computeChecksum(tables)).not.toBe(before);
    },
  );

  it('does not depend on the order of keys in a row', async () => {
    const tables = sampleTables();
    const shuffled = structuredClone(tables);
    for (const table of DATA_TABLES) {
      (shuffled[table] as unknown[]) = tables[table].map((row) => Object.fromEntries(Object.entries(row).reverse()));
    }
    expect(await computeChecksum(shuffled)).toBe(await computeChecksum(tables));
  });

  it('accepts a file whose keys are in another order and spaced differently', async () => {
    const [plain, reordered] = await Promise.all([
      readBackupFile(fixtureBytes('ours-2.0-plain.json')),
      readBackupFile(fixtureBytes('ours-2.0-reordered-keys.json')),
    ]);
    if (!plain.ok || !('backup' in plain) || !reordered.ok || !('backup' in reordered))
      throw new Error('both should read');
    expect(reordered.backup.tables).toEqual(plain.backup.tables);
    expect(reordered.backup.checksum).toBe(plain.backup.checksum);
    expect(plain.backup.tables).toEqual(sampleTables());
  });

  it.each([
    ['bad-2.0-checksum.json', 'the checksum is off by one character'],
    ['bad-2.0-edited-row.json', 'one file name was edited'],
  ])('refuses %s (%s)', async (name) => {
    const read = await readBackupFile(fixtureBytes(name));
    expect(read).toMatchObject({
      ok: false,
      error: {
        code: 'checksum-mismatch',
        message:
          'This backup was changed after it was written: its contents do not match its checksum. Nothing was changed. Choose an untouched copy of the backup.',
      },
    });
  });
});

describe('the checksum certifies exactly the rows that were read (issue 7, class 3)', () => {
  const write = () =>
    buildBackupFile({
      tables: sampleTables(),
      activity: [],
      createdAt: '2026-11-22T17:00:03.120Z',
      trigger: 'manual',
      appVersion: 'x',
      schemaVersion: 1,
      secrets: 'plain',
    });

  it('agrees with the checksum computed from the rows', async () => {
    const built = await write();
    expect(await computeChecksum(sampleTables())).toBe(built.checksum);
  });

  /** The file with its data lines rewritten and a checksum that matches the rewritten bytes. */
  async function withRewrittenLines(file: string, rewrite: (line: string) => string): Promise<string> {
    const lines = file.split('\n').map((line) => (line.startsWith('{"id"') ? rewrite(line) : line));
    const data = lines.filter((line) => line.startsWith('{"id"')).join('');
    const forged = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(data))))
      .map((b) => b.toString(16).padStart(2, '0'))
      .join('');
    return lines
      .join('\n')
      .replace(
        /"checksum":\{"algorithm":"SHA-256","value":"[0-9a-f]{64}"\}/,
        `"checksum":{"algorithm":"SHA-256","value":"${forged}"}`,
      );
  }

  it.each<[string, (line: string) => string]>([
    [
      'reordered keys',
      (line) =>
        JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(line.replace(/,$/, '')) as object).reverse())) +
        (line.endsWith(',') ? ',' : ''),
    ],
    ['an extra key', (line) => line.replace(/^\{/, '{"extra":1,')],
    ['a duplicate key that changes a value', (line) => line.replace(/\}(,?)$/, ',"id":999999}$1')],
  ])('refuses data lines rewritten with %s plus their own SHA-256', async (_, rewrite) => {
    const built = await write();
    const forged = await withRewrittenLines(text(built.bytes), rewrite);
    const read = await readBackupFile(utf8(forged));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(['checksum-mismatch', 'invalid-backup']).toContain(read.error.code);
  });

  it('refuses a file with a section repeated after the activity log', async () => {
    const built = await write();
    const injected = text(built.bytes).replace(/\}\n$/, ',"upload_history":[]}\n');
    expect(await readBackupFile(utf8(injected))).toMatchObject({ ok: false, error: { code: 'invalid-backup' } });
  });
});
