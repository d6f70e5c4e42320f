import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_BYTES, MAX_TEXT_LENGTH } from '../../src/core/backup/format/limits';
import { readBackupFile } from './backup-support';
import { fixtureBytes, text, utf8 } from './backup-support';
import { SCHEMA_VERSION } from '../../src/core/db/schema';

const CHOOSE = 'Nothing was changed. Choose an ff2api_backup_….json file.';
const INVALID = (n: number) =>
  `This backup cannot be restored: it has ${n === 1 ? '1 problem' : `${n} problems`} (listed below). Nothing was changed. Choose another backup, or correct the file where shown.`;

type Expected = {
  code: string;
  message: string;
  problems?: { section: string; row?: number; field?: string; message?: string }[];
  moreProblems?: number;
};

const cases: [file: string, expected: Expected][] = [
  ['bad-empty.json', { code: 'empty-file', message: `This file is empty, so it is not a backup. ${CHOOSE}` }],
  ['bad-whitespace.json', { code: 'empty-file', message: `This file is empty, so it is not a backup. ${CHOOSE}` }],
  [
    'bad-binary.json',
    {
      code: 'not-text',
      message: `This file is not a backup: it is not text (it looks like a picture, spreadsheet or other binary file). ${CHOOSE}`,
    },
  ],
  [
    'bad-latin1.json',
    {
      code: 'not-text',
      message: `This file is not a backup: it is not text (it looks like a picture, spreadsheet or other binary file). ${CHOOSE}`,
    },
  ],
  [
    'bad-zip.json',
    {
      code: 'zip-file',
      message:
        'This is a zip archive, not a backup file. Nothing was changed. Unzip it first, then choose the .json file inside.',
    },
  ],
  [
    'bad-not-json.json',
    {
      code: 'not-json',
      message: `This file is not a backup: it is not valid JSON (it has something unexpected in it). ${CHOOSE}`,
    },
  ],
  [
    'bad-truncated.json',
    {
      code: 'truncated-json',
      message: `This file is not a backup: it is not valid JSON (it ends too early — was the download interrupted?). ${CHOOSE}`,
    },
  ],
  [
    'bad-top-array.json',
    {
      code: 'not-a-backup',
      message: `This file is not a backup: it holds a list instead of a backup's sections. ${CHOOSE}`,
    },
  ],
  [
    'bad-top-string.json',
    {
      code: 'not-a-backup',
      message: `This file is not a backup: it holds a single piece of text instead of a backup's sections. ${CHOOSE}`,
    },
  ],
  [
    'bad-top-null.json',
    {
      code: 'not-a-backup',
      message: `This file is not a backup: it holds just null instead of a backup's sections. ${CHOOSE}`,
    },
  ],
  [
    'bad-top-number.json',
    {
      code: 'not-a-backup',
      message: `This file is not a backup: it holds a single number instead of a backup's sections. ${CHOOSE}`,
    },
  ],
  [
    'bad-unknown-shape.json',
    {
      code: 'not-a-backup',
      message: `This file is not an FF2API backup: it has none of the sections a backup has (backup_info, brokerage_configurations, upload_history). ${CHOOSE}`,
    },
  ],
  [
    'bad-missing-sections.json',
    {
      code: 'invalid-backup',
      message: INVALID(2),
      problems: [
        { section: 'brokerage_configurations', message: 'is missing' },
        { section: 'upload_history', message: 'is missing' },
      ],
    },
  ],
  [
    'bad-section-types.json',
    {
      code: 'invalid-backup',
      message: INVALID(2),
      problems: [
        { section: 'brokerage_configurations', message: 'should be a list of rows, but is an object' },
        { section: 'upload_history', message: 'should be a list of rows, but is text' },
      ],
    },
  ],
  [
    'bad-row-types.json',
    {
      code: 'invalid-backup',
      message: INVALID(5),
      problems: [
        {
          section: 'brokerage_configurations',
          row: 0,
          field: 'field_mappings',
          message: 'should be an object, but is a list',
        },
        {
          section: 'brokerage_configurations',
          row: 1,
          field: 'auth_type',
          message: 'should be "api_key" or "bearer_token", but is "oauth"',
        },
        {
          section: 'upload_history',
          row: 0,
          field: 'total_records',
          message: 'should be a whole number from 0 to 1,000,000,000,000, but is text',
        },
        { section: 'upload_history', row: 1, field: 'brokerage_name', message: 'should be text, but is the number 5' },
        { section: 'upload_history', row: 2, message: 'should be an object, but is text' },
      ],
    },
  ],
  [
    'bad-counts.json',
    {
      code: 'invalid-backup',
      message: INVALID(4),
      problems: [
        {
          section: 'upload_history',
          row: 0,
          field: 'total_records',
          message: 'should be a whole number from 0 to 1,000,000,000,000, but is the number -1',
        },
        {
          section: 'upload_history',
          row: 1,
          field: 'total_records',
          message: 'should be a whole number from 0 to 1,000,000,000,000, but is the number 2.5',
        },
        {
          section: 'upload_history',
          row: 2,
          field: 'total_records',
          message: 'should be a whole number from 0 to 1,000,000,000,000, but is the number 10000000000000',
        },
        { section: 'upload_history', row: 3, field: 'total_records' },
      ],
    },
  ],
  [
    'bad-timestamps.json',
    {
      code: 'invalid-backup',
      message: INVALID(3),
      problems: [
        { section: 'brokerage_configurations', row: 0, field: 'created_at', message: 'is not a time: "yesterday"' },
        {
          section: 'brokerage_configurations',
          row: 1,
          field: 'updated_at',
          message: 'is not a time: "2025-02-30 10:00:00"',
        },
        {
          section: 'upload_history',
          row: 0,
          field: 'upload_timestamp',
          message: 'is neither a time, a session id nor an error log: "not a time"',
        },
      ],
    },
  ],
  [
    'bad-long-name.json',
    {
      code: 'invalid-backup',
      message: INVALID(1),
      problems: [
        {
          section: 'brokerage_configurations',
          row: 0,
          field: 'brokerage_name',
          message: 'is longer than 100 characters',
        },
      ],
    },
  ],
  [
    'bad-deep-nesting.json',
    {
      code: 'invalid-backup',
      message: INVALID(1),
      problems: [
        {
          section: 'brokerage_configurations',
          row: 0,
          field: 'field_mappings',
          message: 'maps "load.mode" to a list; every mapping should be text',
        },
      ],
    },
  ],
  [
    'bad-proto-mappings.json',
    {
      code: 'invalid-backup',
      message: INVALID(1),
      problems: [
        {
          section: 'brokerage_configurations',
          row: 0,
          field: 'field_mappings',
          message: 'uses the reserved key "__proto__", which no API field has',
        },
      ],
    },
  ],
  [
    'bad-proto-row.json',
    {
      code: 'invalid-backup',
      message: INVALID(1),
      problems: [
        {
          section: 'upload_history',
          row: 0,
          field: '__proto__',
          message: 'uses the reserved key "__proto__", which no backup row has',
        },
      ],
    },
  ],
  [
    'bad-constructor-top.json',
    {
      code: 'invalid-backup',
      message: INVALID(1),
      problems: [
        {
          section: 'constructor',
          message: 'is a reserved key that no backup has; the file may be crafted to attack the app',
        },
      ],
    },
  ],
  [
    'bad-duplicate-configs.json',
    {
      code: 'invalid-backup',
      message: INVALID(1),
      problems: [
        {
          section: 'brokerage_configurations',
          row: 2,
          field: 'configuration_name',
          message:
            'repeats the configuration "Main" of brokerage "Acme Inc" (row 1); a brokerage can have only one configuration of each name',
        },
      ],
    },
  ],
  [
    'bad-many-problems.json',
    {
      code: 'invalid-backup',
      message: INVALID(30),
      moreProblems: 10,
      problems: Array.from({ length: 20 }, (_, i) => ({
        section: 'upload_history',
        row: i,
        field: 'total_records',
        message: `should be a whole number from 0 to 1,000,000,000,000, but is the number -${i + 1}`,
      })),
    },
  ],
  [
    'bad-newer-version.json',
    {
      code: 'newer-version',
      message:
        'This backup was made by a newer version of FF2API Web (file format 3.0), which this version cannot read safely. Nothing was changed. Reload the page to update FF2API Web, then try again.',
    },
  ],
  [
    'bad-2.0-newer-schema.json',
    {
      code: 'newer-version',
      message: `This backup was made by a newer version of FF2API Web (database schema 99; this version knows ${SCHEMA_VERSION}), which this version cannot read safely. Nothing was changed. Reload the page to update FF2API Web, then try again.`,
    },
  ],
  [
    'bad-2.0-counts.json',
    {
      code: 'counts-mismatch',
      message:
        'This backup does not hold the rows it says it holds (its counts disagree with its contents), so it is incomplete or was changed. Nothing was changed. Choose an untouched copy of the backup.',
      problems: [
        {
          section: 'backup_info',
          field: 'counts.upload_history',
          message: 'says 3 rows, but the upload_history section holds 2',
        },
      ],
    },
  ],
  [
    'bad-2.0-dangling.json',
    {
      code: 'invalid-backup',
      message: INVALID(2),
      problems: [
        {
          section: 'processing_errors',
          row: 0,
          field: 'upload_history_id',
          message: 'refers to upload 999, which is not in the file',
        },
        {
          section: 'configuration_changes',
          row: 0,
          field: 'configuration_id',
          message: 'refers to configuration 998, which is not in the file',
        },
      ],
    },
  ],
  [
    'bad-2.0-row-types.json',
    {
      code: 'invalid-backup',
      message: INVALID(4),
      problems: [
        { section: 'brokerages', row: 1, field: 'is_active', message: 'should be 0 or 1, but is the number 2' },
        {
          section: 'upload_history',
          row: 0,
          field: 'id',
          message: 'should be a whole number from 1 to 4,503,599,627,370,496, but is the number -1',
        },
        {
          section: 'upload_history',
          row: 1,
          field: 'upload_timestamp',
          message: 'should be an ISO 8601 UTC time such as 2026-11-22T17:00:03.120Z, but is "2026-04-03 00:00:00"',
        },
        { section: 'processing_errors', row: 1, field: 'created_at', message: 'is missing' },
      ],
    },
  ],
  [
    'bad-2.0-missing-section.json',
    {
      code: 'invalid-backup',
      message: INVALID(1),
      problems: [{ section: 'configuration_changes', message: 'is missing' }],
    },
  ],
];

describe('refusing bad files', () => {
  it.each(cases)('%s', async (file, expected) => {
    const read = await readBackupFile(fixtureBytes(file));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.error.code).toBe(expected.code);
    expect(read.error.message).toBe(expected.message);
    if (expected.problems) expect(read.error.problems).toMatchObject(expected.problems);
    if (expected.problems) expect(read.error.problems).toHaveLength(expected.problems.length);
    expect(read.error.moreProblems ?? 0).toBe(expected.moreProblems ?? 0);
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(MAX_BACKUP_BYTES).toBe(4 * 1024 * 1024 * 1024);
    const huge = { size: MAX_BACKUP_BYTES + 1, slice: () => new Blob(['{"backup_info":{}}']) } as unknown as Blob;
    const read = await readBackupFile(huge);
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'too-big', message: expect.stringContaining('Nothing was changed.') },
    });
  });

  it('refuses text fields longer than the stated limit', async () => {
    const file = JSON.parse(text(fixtureBytes('original-1.0-example.json')));
    file.upload_history[0].filename = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    const read = await readBackupFile(utf8(JSON.stringify(file)));
    expect(read).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-backup',
        problems: [
          { section: 'upload_history', row: 0, field: 'filename', message: 'is longer than 1,000,000 characters' },
        ],
      },
    });
  });

  it.each(['bad-proto-mappings.json', 'bad-proto-row.json', 'bad-constructor-top.json'])(
    'leaves Object.prototype untouched after %s',
    async (file) => {
      await readBackupFile(fixtureBytes(file));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
        Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
      );
    },
  );

  it('parses 100,000 levels of nesting without overflowing and refuses it as a wrong type', async () => {
    const file = JSON.parse(text(fixtureBytes('original-1.0-example.json')));
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const bytes = utf8(JSON.stringify(file).replace('"load_number"', deep));
    const read = await readBackupFile(bytes);
    expect(read).toMatchObject({
      ok: false,
      error: { problems: [{ section: 'brokerage_configurations', row: 0, field: 'field_mappings' }] },
    });
  });

  it('never throws and always refuses, whatever byte the file is cut at', async () => {
    const whole = fixtureBytes('original-1.0-example.json');
    for (let cut = 0; cut < whole.length - 2; cut++) {
      const read = await readBackupFile(whole.subarray(0, cut));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(['empty-file', 'truncated-json', 'not-json', 'not-text']).toContain(read.error.code);
    }
  });

  it('never throws on random bytes', async () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256));
      const read = await readBackupFile(bytes);
      expect(read.ok).toBe(false);
    }
  });
});
