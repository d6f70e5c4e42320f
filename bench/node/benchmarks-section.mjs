// One generated section of BENCHMARKS.md between its two markers: replaced in place, or added at
// the end under its heading the first time, so each bench part rewrites only its own figures.
import { readFile, writeFile } from 'node:fs/promises';
import { REPO } from './servers.mjs';

export async function writeBenchmarksSection({ name, heading, markdown }) {
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const path = `${REPO}BENCHMARKS.md`;
  const text = await readFile(path, 'utf8');
  const section = `${start}\n${markdown}\n${end}`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next =
    from >= 0 && to > from
      ? `${text.slice(0, from)}${section}${text.slice(to + end.length)}`
      : `${text.trimEnd()}\n\n## ${heading}\n\n${section}\n`;
  await writeFile(path, next);
}
