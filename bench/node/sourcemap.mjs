// Just enough of source maps (v3) to name a minified position: decodes the VLQ mappings of a
// `.map` file and finds the original file, line and name at a generated line/column (0-based).
import { existsSync, readFileSync } from 'node:fs';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One segment string ("AAgBC") → its numbers. */
function decodeSegment(text) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = DIGIT.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** Parses a map into per-line segment lists: [generatedColumn, source, line, column, name?]. */
function parseMap(map) {
  const lines = [];
  let source = 0,
    line = 0,
    column = 0,
    name = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments = [];
    let generated = 0;
    if (lineText) {
      for (const segmentText of lineText.split(',')) {
        const v = decodeSegment(segmentText);
        generated += v[0];
        if (v.length >= 4) {
          source += v[1];
          line += v[2];
          column += v[3];
          if (v.length >= 5) name += v[4];
          segments.push([generated, source, line, column, v.length >= 5 ? name : -1]);
        }
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** A resolver for the assets of a build: (file, line, column) → "src/x.ts:12 name" or null. */
export function sourceResolver(assetsDir) {
  const cache = new Map();
  const load = (file) => {
    if (!cache.has(file)) {
      const path = `${assetsDir}/${file}.map`;
      let parsed = null;
      if (existsSync(path)) {
        const map = JSON.parse(readFileSync(path, 'utf8'));
        parsed = { map, lines: parseMap(map) };
      }
      cache.set(file, parsed);
    }
    return cache.get(file);
  };
  return (file, line, column) => {
    const loaded = load(file);
    const segments = loaded?.lines[line];
    if (!segments?.length) return null;
    let found = null;
    for (const segment of segments) {
      if (segment[0] <= column) found = segment;
      else break;
    }
    if (!found) return null;
    const source = String(loaded.map.sources[found[1]] ?? '?').replace(/^(\.\.\/)+/, '');
    const name = found[4] >= 0 ? loaded.map.names[found[4]] : null;
    return `${source}:${found[2] + 1}${name ? ` ${name}` : ''}`;
  };
}

/**
 * Bytes of a minified file attributed to its sources (each mapped segment owns the text up to
 * the next one), grouped as `node_modules/<package>` or the source's folder.
 */
export function bytesBySource(jsPath) {
  const mapPath = `${jsPath}.map`;
  if (!existsSync(mapPath)) return null;
  const map = JSON.parse(readFileSync(mapPath, 'utf8'));
  const lines = parseMap(map);
  const code = readFileSync(jsPath, 'utf8').split('\n');
  const totals = new Map();
  lines.forEach((segments, lineIndex) => {
    const length = code[lineIndex]?.length ?? 0;
    segments.forEach((segment, i) => {
      const end = i + 1 < segments.length ? segments[i + 1][0] : length;
      const source = String(map.sources[segment[1]] ?? '?').replace(/^(\.\.\/)+/, '');
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
      const group = pkg ? `node_modules/${pkg[1]}` : source.replace(/\/[^/]+$/, '/');
      totals.set(group, (totals.get(group) ?? 0) + Math.max(0, end - segment[0]));
    });
  });
  return totals;
}
