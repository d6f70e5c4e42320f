import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importsOf as importsWithTargets, sourceFiles as sourceFilesOf } from '../support/import-graph';

/**
 * The boundaries of docs/architecture.md, checked on the source itself: the core imports no React,
 * no browser-only library and nothing of the worker, platform or UI; the backup stages import one
 * way; nothing in src/ imports in a circle; worker and UI features keep to themselves.
 */

const ROOT = resolve(__dirname, '../..');
const CORE = join(ROOT, 'src/core');

/** Every .ts file under a folder. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The module specifiers a file imports (static and dynamic). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

const FORBIDDEN_IN_CORE = ['react', 'react-dom', 'idb', 'file-saver', 'comlink'];

describe('layers', () => {
  it('the core imports no React, browser library, worker, platform or UI module', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(CORE)) {
      for (const spec of importsOf(file)) {
        const target = spec.startsWith('.') ? resolve(dirname(file), spec) : spec;
        const outsideCore = spec.startsWith('.') && !target.startsWith(CORE);
        if (FORBIDDEN_IN_CORE.includes(spec) || spec.startsWith('react/') || outsideCore) {
          offenders.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the backup stages import one way: format ← checksum, seal, scan ← read ← scratch ← load (scratch hashes rows as bound); restore and write on top', () => {
    const allowed: Record<string, string[]> = {
      format: [],
      checksum: ['format'],
      seal: ['format'],
      scan: ['format'],
      read: ['format', 'checksum', 'seal', 'scan'],
      scratch: ['format', 'checksum', 'read'],
      load: ['format', 'checksum', 'read', 'scan', 'scratch'],
      restore: ['format', 'checksum'],
      write: ['format', 'checksum', 'seal', 'read'],
    };
    const backup = join(CORE, 'backup');
    const offenders: string[] = [];
    for (const stage of readdirSync(backup).filter((name) => statSync(join(backup, name)).isDirectory())) {
      expect(Object.keys(allowed)).toContain(stage);
      for (const file of sourceFiles(join(backup, stage))) {
        for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
          const target = relative(backup, resolve(dirname(file), spec)).split('/')[0] ?? '';
          if (target === stage || !(target in allowed)) continue;
          if (!allowed[stage]?.includes(target)) offenders.push(`${relative(ROOT, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('no module of src/ imports itself back through others (type-only imports count too)', () => {
    expect(importCycles(sourceFilesOf('src'))).toEqual([]);
  });

  it('a worker feature runs only its own code, the engine, the file checks and the core; other features only as types', () => {
    const SHARED = ['src/worker/engine/', 'src/worker/file-checks/', 'src/worker/feature-calls.ts'];
    const offenders: string[] = [];
    for (const file of sourceFilesOf('src/worker')) {
      const feature = featureOf(file, 'src/worker/');
      if (feature === null) continue;
      for (const imported of importsWithTargets(file)) {
        const target = imported.target;
        if (imported.isTypeOnly || target === null || !target.startsWith('src/worker/')) continue;
        if (featureOf(target, 'src/worker/') === feature || SHARED.some((shared) => target.startsWith(shared)))
          continue;
        offenders.push(`${file} imports ${imported.specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('only the worker entry composes the features: no feature imports the composition', () => {
    const offenders = sourceFilesOf('src').flatMap((file) =>
      importsWithTargets(file)
        .filter((i) => i.target === 'src/worker/app-calls.ts' && !i.isTypeOnly && file !== 'src/worker/db.worker.ts')
        .map((i) => `${file} imports ${i.specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('a UI feature uses its own folder and ui/common; only the shell composes features', () => {
    const offenders: string[] = [];
    for (const file of sourceFilesOf('src/ui')) {
      const feature = featureOf(file, 'src/ui/');
      if (feature === null || feature === 'shell') continue;
      for (const imported of importsWithTargets(file)) {
        const target = imported.target;
        if (target === null || !target.startsWith('src/ui/')) continue;
        const targetFeature = featureOf(target, 'src/ui/');
        if (targetFeature === feature || targetFeature === 'common') continue;
        offenders.push(`${file} imports ${imported.specifier}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** The feature folder a file is in (the first folder under `root`), or null for a file at the top. */
function featureOf(file: string, root: string): string | null {
  const rest = file.slice(root.length).split('/');
  return rest.length > 1 ? (rest[0] ?? null) : null;
}
