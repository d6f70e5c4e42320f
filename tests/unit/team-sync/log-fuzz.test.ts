import { describe, expect, it } from 'vitest';
import { createBrokerage, deleteBrokerage, renameBrokerage } from '../../../src/core/db/brokerages';
import { saveConfiguration } from '../../../src/core/db/configuration-save';
import { applyChanges } from '../../../src/core/team-sync/apply';
import { LOG_FORMAT, type Change, type LogBody } from '../../../src/core/team-sync/changes';
import { encodeLogBody, parseLogBody } from '../../../src/core/team-sync/log-format';
import { applyLocalEdit } from './team-actions';
import { configurationInput, NOW, Peer, seedAcme } from './peers';

/**
 * A seeded fuzz test of the log reader (log objects are outside input: any teammate's browser,
 * or anyone holding the team key, wrote them). Mutated bodies of real captured changes must
 * never make the reader throw; it accepts or refuses with its own code; and whatever it accepts
 * applies to a team database without an error.
 */

const MUTATIONS = 1500;
const SEED = 0x7ea5;
const PLACE = { team: 'e'.repeat(32), device: '1'.repeat(32), sequence: 3 };

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '"',
  '\\',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  'null',
  '-1',
  '1e308',
  '9007199254740993',
  '"\\ud800"',
  '"__proto__":1,',
  '[[[[[[[[',
  '\u0000',
];
const VALUES: unknown[] = [
  null,
  -1,
  0,
  1.5,
  2 ** 52,
  2 ** 53 + 2,
  1e308,
  '',
  'x',
  '\ud800',
  '\ufeffA',
  [],
  {},
  true,
  'api_key',
  '~exists',
  [[1, 'x']],
  { __proto__: 1 },
];

/** Real changes of every kind, captured from a team browser, as log bodies. */
async function baseBodies(): Promise<LogBody[]> {
  const [peer] = (await Peer.team(1, seedAcme)) as [Peer];
  const batches: Change[][] = [];
  const db = peer.db;
  createBrokerage(db, 'Beta', NOW);
  saveConfiguration(
    db,
    configurationInput('Beta', 'Main', { 'load.loadNumber': 'Load', 'load.weight': 'Weight' }),
    NOW,
  );
  batches.push(peer.capture());
  applyLocalEdit(db, { kind: 'start-run', pick: 0, file: 'a.csv' }, NOW);
  applyLocalEdit(db, { kind: 'finish-run', pick: 0 }, NOW);
  renameBrokerage(db, 1, 'Acme Freight', NOW);
  batches.push(peer.capture());
  deleteBrokerage(db, 1, NOW);
  db.run('DELETE FROM upload_history');
  batches.push(peer.capture());
  const restore: Change = {
    k: 'restore',
    e: '',
    h: [1_800_000_000_000, 0],
    r: {
      id: 'd'.repeat(32),
      source: 'file',
      fileName: 'ff2api_backup_20261207_090000.json',
      undoOf: null,
      snapshot: { device: PLACE.device, objectId: 'c'.repeat(32) },
      checksum: '0'.repeat(64),
      counts: {
        brokerages: 1,
        brokerage_configurations: 0,
        upload_history: 0,
        processing_errors: 0,
        configuration_changes: 0,
      },
      seen: {},
      person: 'Ann',
      browser: 'Desk',
    },
  };
  batches.push([restore]);
  return batches.map((changes) => ({
    format: LOG_FORMAT,
    version: 1,
    ...PLACE,
    person: 'Ann',
    browser: 'Desk',
    changes,
  }));
}

function mutate(body: LogBody, next: () => number): Uint8Array {
  const bytes = encodeLogBody(body);
  const text = new TextDecoder().decode(bytes);
  const at = Math.floor(next() * text.length);
  switch (Math.floor(next() * 7)) {
    case 0: {
      const copy = bytes.slice();
      copy[Math.floor(next() * copy.length)] = Math.floor(next() * 256);
      return copy;
    }
    case 1:
      return utf8(text.slice(0, at) + (TOKENS[Math.floor(next() * TOKENS.length)] ?? '') + text.slice(at));
    case 2:
      return bytes.slice(0, at);
    case 3:
      return utf8(text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 30)));
    default:
      return utf8(JSON.stringify(mutateTree(JSON.parse(text) as unknown, next)));
  }
}

/** Replaces, deletes or repeats one node somewhere in the parsed body. */
function mutateTree(root: unknown, next: () => number): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      nodes.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
      walk(child);
    }
  };
  walk(root);
  const target = nodes[Math.floor(next() * nodes.length)];
  if (!target) return root;
  const parent = target.parent as Record<string | number, unknown>;
  const choice = next();
  if (choice < 0.6) parent[target.key] = VALUES[Math.floor(next() * VALUES.length)];
  else if (choice < 0.8) {
    if (Array.isArray(target.parent)) target.parent.splice(Number(target.key), 1);
    else delete parent[target.key];
  } else if (Array.isArray(target.parent)) target.parent.push(structuredClone(target.parent[Number(target.key)]));
  else parent[`${String(target.key)}x`] = parent[target.key];
  return root;
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('reading log objects under seeded mutation (fuzz)', () => {
  it(`reads ${MUTATIONS} mutated log bodies without throwing; whatever it accepts applies cleanly`, async () => {
    const bases = await baseBodies();
    const [target] = (await Peer.team(1, seedAcme)) as [Peer];
    const next = random(SEED);
    const outcomes = { accepted: 0, refused: 0 };
    for (let i = 0; i < MUTATIONS; i++) {
      const bytes = mutate(bases[i % bases.length] as LogBody, next);
      const parsed = parseLogBody(bytes, PLACE);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('team-log-refused');
        outcomes.refused++;
        continue;
      }
      outcomes.accepted++;
      target.db.exec('BEGIN');
      try {
        const changes = parsed.value.changes.filter((c) => c.k !== 'restore');
        applyChanges(
          target.db,
          changes.map((change) => ({ change, device: PLACE.device, person: 'Ann' })),
        );
      } finally {
        target.db.exec('ROLLBACK');
      }
    }
    expect(outcomes.refused).toBeGreaterThan(MUTATIONS / 3);
    expect(outcomes.accepted).toBeGreaterThan(MUTATIONS / 20);
  });

  it('refuses a body that claims another team, device or place', async () => {
    const [body] = await baseBodies();
    for (const place of [
      { ...PLACE, team: 'f'.repeat(32) },
      { ...PLACE, device: '2'.repeat(32) },
      { ...PLACE, sequence: 4 },
    ]) {
      const parsed = parseLogBody(encodeLogBody(body as LogBody), place);
      expect(parsed.ok).toBe(false);
    }
    expect(parseLogBody(encodeLogBody(body as LogBody), PLACE).ok).toBe(true);
  });
});
