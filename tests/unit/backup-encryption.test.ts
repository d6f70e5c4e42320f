import { describe, expect, it } from 'vitest';
import { readBackupFile } from './backup-support';
import { KDF_ITERATIONS } from '../../src/core/backup/seal/seal';
import { buildBackupFile } from './backup-support';
import { SCHEMA_VERSION } from '../../src/core/db/schema';
import { fixtureBytes, sampleTables, text, utf8 } from './backup-support';

const PASSPHRASE = 'correct horse battery staple';
const WRONG = {
  ok: false,
  error: {
    code: 'wrong-passphrase',
    message: 'The passphrase is wrong or the file was changed after it was written. Nothing was changed.',
  },
};

/** An encrypted backup of the sample tables (100,000 iterations: the least readers accept). */
async function encryptedBackup(iterations = 100_000) {
  return buildBackupFile({
    tables: sampleTables(),
    activity: [],
    createdAt: '2026-11-22T17:00:03.120Z',
    trigger: 'emergency',
    appVersion: 'FF2API Web 0.1.0',
    schemaVersion: SCHEMA_VERSION,
    secrets: 'encrypted',
    passphrase: PASSPHRASE,
    kdfIterationsForTests: iterations,
  });
}

/** The file as an object, changed by `edit`, as bytes again. */
function edited(
  bytes: Uint8Array,
  edit: (file: { backup_info: Record<string, any>; encrypted: Record<string, any>; sealed_chunks: string[] }) => void,
): Uint8Array {
  const file = JSON.parse(text(bytes));
  edit(file);
  return utf8(JSON.stringify(file));
}

describe('encrypted backups', () => {
  it('round-trip with the passphrase', async () => {
    const built = await encryptedBackup();
    const read = await readBackupFile(built.bytes, { passphrase: PASSPHRASE });
    if (!read.ok || !('backup' in read)) throw new Error(JSON.stringify(read));
    expect(read.backup.tables).toEqual(sampleTables());
    expect(read.backup.secrets).toBe('encrypted');
    expect(read.backup.checksum).toBe(built.checksum);
  });

  it('keep no data in clear text: only backup_info, the parameters and the sealed chunks', async () => {
    const built = await encryptedBackup();
    const content = text(built.bytes);
    for (const secret of ['K-1', 'tok-123', 'Acme', 'loads 2026-04.csv']) expect(content).not.toContain(secret);
    const file = JSON.parse(content);
    expect(Object.keys(file)).toEqual(['backup_info', 'encrypted', 'sealed_chunks']);
    expect(file.sealed_chunks.length).toBeGreaterThan(0);
    expect(file.encrypted.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 100_000 });
    expect(file.encrypted.cipher.name).toBe('AES-GCM');
    expect(atob(file.encrypted.kdf.salt)).toHaveLength(16);
    expect(atob(file.encrypted.cipher.iv)).toHaveLength(12);
    expect(file.backup_info.secrets).toBe('encrypted');
  });

  it('use 600,000 PBKDF2 iterations unless a test asks otherwise', async () => {
    expect(KDF_ITERATIONS).toBe(600_000);
    const built = await buildBackupFile({
      tables: sampleTables(),
      activity: [],
      createdAt: '2026-11-22T17:00:03.120Z',
      trigger: 'manual',
      appVersion: 'x',
      schemaVersion: SCHEMA_VERSION,
      secrets: 'encrypted',
      passphrase: PASSPHRASE,
    });
    expect(JSON.parse(text(built.bytes)).encrypted.kdf.iterations).toBe(600_000);
    const read = await readBackupFile(built.bytes, { passphrase: PASSPHRASE });
    expect(read.ok && 'backup' in read).toBe(true);
  });

  it('read as locked without a passphrase, showing the clear counts and date', async () => {
    const read = await readBackupFile((await encryptedBackup()).bytes);
    expect(read).toEqual({
      ok: true,
      locked: {
        shape: 'ff2api-web-2',
        shapeLabel: 'FF2API Web backup 2.2',
        createdAt: '2026-11-22T17:00:03.120Z',
        secrets: 'encrypted',
        counts: {
          brokerages: 3,
          brokerage_configurations: 2,
          upload_history: 2,
          processing_errors: 2,
          configuration_changes: 2,
        },
      },
    });
  });

  it('opens the committed encrypted sample', async () => {
    const read = await readBackupFile(fixtureBytes('ours-2.0-encrypted.json'), { passphrase: PASSPHRASE });
    expect(read.ok && 'backup' in read && read.backup.tables).toEqual(sampleTables());
  });

  it.each<
    [
      string,
      (file: { backup_info: Record<string, any>; encrypted: Record<string, any>; sealed_chunks: string[] }) => void,
    ]
  >([
    [
      'one character of the sealed data changed',
      (file) => {
        const data = file.sealed_chunks[0] as string;
        const i = Math.floor(data.length / 2);
        file.sealed_chunks[0] = data.slice(0, i) + (data[i] === 'A' ? 'B' : 'A') + data.slice(i + 1);
      },
    ],
    [
      'a sealed chunk was dropped',
      (file) => {
        file.sealed_chunks = file.sealed_chunks.slice(0, -1);
      },
    ],
    [
      'a sealed chunk was repeated',
      (file) => {
        file.sealed_chunks = [...file.sealed_chunks, ...file.sealed_chunks];
      },
    ],
    [
      'the clear counts changed',
      (file) => {
        file.backup_info.counts.upload_history = 3;
      },
    ],
    [
      'the clear date changed',
      (file) => {
        file.backup_info.created_at = '2026-11-23T17:00:03.120Z';
      },
    ],
    [
      'the clear checksum changed',
      (file) => {
        file.backup_info.checksum.value = '0'.repeat(64);
      },
    ],
    [
      'the IV changed',
      (file) => {
        file.encrypted.cipher.iv = btoa('123456789012');
      },
    ],
    [
      'the salt changed',
      (file) => {
        file.encrypted.kdf.salt = btoa('1234567890123456');
      },
    ],
  ])('refuse with the passphrase message when %s', async (_, edit) => {
    const tampered = edited((await encryptedBackup()).bytes, edit);
    expect(await readBackupFile(tampered, { passphrase: PASSPHRASE })).toEqual(WRONG);
  });

  it('refuse a wrong passphrase with the same message', async () => {
    expect(
      await readBackupFile((await encryptedBackup()).bytes, { passphrase: 'Correct horse battery staple' }),
    ).toEqual(WRONG);
  });

  it.each([
    [
      'iterations below 100,000',
      (f: any) => {
        f.encrypted.kdf.iterations = 99_999;
      },
      'kdf.iterations',
    ],
    [
      'iterations above 1,000,000 (at most ≈ 0.2 s of key derivation before any answer)',
      (f: any) => {
        f.encrypted.kdf.iterations = 1_000_001;
      },
      'kdf.iterations',
    ],
    [
      'an unknown cipher',
      (f: any) => {
        f.encrypted.cipher.name = 'AES-CBC';
      },
      'cipher.name',
    ],
    [
      'a short IV',
      (f: any) => {
        f.encrypted.cipher.iv = btoa('short');
      },
      'cipher.iv',
    ],
  ])('refuse %s before deriving any key, located', async (_, edit, field) => {
    const read = await readBackupFile(edited((await encryptedBackup()).bytes, edit), { passphrase: PASSPHRASE });
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'invalid-backup', problems: [{ section: 'encrypted', field }] },
    });
  });

  it.each([
    [
      'iterations of 10,000,000',
      (f: any) => {
        f.encrypted.kdf.iterations = 10_000_000;
      },
      'kdf.iterations',
    ],
    [
      'data that is not base64',
      (f: any) => {
        f.encrypted.data = 'not base64!';
      },
      'data',
    ],
  ])('refuse a 2.0 file with %s before deriving any key, located', async (_, edit, field) => {
    const read = await readBackupFile(edited(fixtureBytes('ours-2.0-encrypted.json'), edit), {
      passphrase: PASSPHRASE,
    });
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'invalid-backup', problems: [{ section: 'encrypted', field }] },
    });
  });

  it('refuse an encrypted file that also holds data in clear', async () => {
    const read = await readBackupFile(
      edited((await encryptedBackup()).bytes, (f: any) => {
        f.upload_history = [];
      }),
      { passphrase: PASSPHRASE },
    );
    expect(read).toMatchObject({
      ok: false,
      error: { code: 'invalid-backup', problems: [{ section: 'upload_history' }] },
    });
  });
});
