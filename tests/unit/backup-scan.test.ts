import { it, expect } from 'vitest';
import { scanTopLevel, parseJsonValue } from '../../src/core/backup/scan/json-scanner';
async function* chunks(text: string, size: number) {
  const b = new TextEncoder().encode(text);
  for (let i = 0; i < b.length; i += size) yield b.slice(i, i + size);
}
async function collect(text: string, size = 3) {
  const out: unknown[] = [];
  for await (const e of scanTopLevel(chunks(text, size))) {
    if (e.kind === 'elements') for (const item of e.items) out.push(['element', e.key, parseJsonValue(item.bytes)]);
    else out.push(e.kind === 'value' ? [e.kind, e.key, parseJsonValue(e.bytes)] : [e.kind, e.key]);
  }
  return out;
}
it('scans', async () => {
  const obj = { a: { x: [1, '}"\\'] }, rows: [{ q: 'a\\"]' }, 2, 'x', null, [[]]], e: [], n: 12.5, t: true };
  for (const text of [JSON.stringify(obj), JSON.stringify(obj, null, 2), '\uFEFF' + JSON.stringify(obj)])
    for (const size of [1, 2, 3, 7, 1000]) {
      const r = await collect(text, size);
      expect(r).toEqual([
        ['value', 'a', obj.a],
        ['array-start', 'rows'],
        ['element', 'rows', obj.rows[0]],
        ['element', 'rows', 2],
        ['element', 'rows', 'x'],
        ['element', 'rows', null],
        ['element', 'rows', [[]]],
        ['array-end', 'rows'],
        ['array-start', 'e'],
        ['array-end', 'e'],
        ['value', 'n', 12.5],
        ['value', 't', true],
      ]);
    }
  await expect(collect('{"a":[1,2')).rejects.toThrow();
  await expect(collect('{"a":1} x')).rejects.toThrow();
  await expect(collect('[1]')).rejects.toThrow();
  expect(await collect('{}')).toEqual([]);
  // Many small chunks past the first buffer (as Blob.stream() gives them in Chromium).
  const rows = Array.from({ length: 3000 }, (_, i) => ({ i, text: 'x'.repeat(i % 300) }));
  const big = await collect(JSON.stringify({ rows }).replace(/\},/g, '},\n'), 997);
  // Rows come in batches of what the buffer holds; every row's bytes must still be its own when
  // handed out, across refills of the buffer.
  expect(big.filter((e) => (e as unknown[])[0] === 'element').map((e) => (e as unknown[])[2])).toEqual(rows);
  for (const size of [1, 64, 65_536, 1 << 20]) {
    let batches = 0;
    const seen: unknown[] = [];
    for await (const e of scanTopLevel(chunks(JSON.stringify({ rows }).replace(/\},/g, '},\n'), size))) {
      if (e.kind !== 'elements') continue;
      batches++;
      for (const item of e.items) seen.push(JSON.parse(new TextDecoder().decode(item.bytes)));
    }
    expect(seen).toEqual(rows);
    // Chunks as large as Blob.stream()'s hold many rows: one batch each, not one per row.
    if (size >= 65_536) expect(batches).toBeLessThan(rows.length / 10);
  }
});
it('names the line where the structure breaks, in a file of rows on lines and in a pretty-printed one', async () => {
  const lineOf = async (text: string, size: number) => {
    try {
      await collect(text, size);
    } catch (error) {
      return (error as { line?: number }).line;
    }
    return undefined;
  };
  const rows = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: i + 1, note: 'x'.repeat(i % 90) }));
  const missingComma = `{"rows":[\n${rows.slice(0, 300).join(',\n')}\n${rows.slice(300).join(',\n')}\n]}`;
  const pretty = `{\n  "info": {\n    "a": [\n      1,\n      2\n    ]\n  },\n  "b" 5\n}`;
  for (const size of [1, 7, 64, 100_000]) {
    expect(await lineOf(missingComma, size)).toBe(302);
    expect(await lineOf(pretty, size)).toBe(8);
  }
});
it('stops its source when the scan ends early, so a file’s stream is not left open', async () => {
  let stopped = false;
  async function* source(texts: string[]) {
    try {
      for (const text of texts) yield new TextEncoder().encode(text);
    } finally {
      stopped = true;
    }
  }
  for await (const event of scanTopLevel(source(['{"backup_info":{"a":1},"rows":[\n', '{"id":1},\n{"id":2}\n]}']))) {
    if (event.kind === 'value') break;
  }
  expect(stopped).toBe(true);
  // A refusal thrown inside the scan stops it too.
  stopped = false;
  await expect(
    (async () => {
      for await (const _ of scanTopLevel(source(['{"a":1 "b":2}', ' ']))) void _;
    })(),
  ).rejects.toThrow();
  expect(stopped).toBe(true);
});
