/**
 * Whether a file fits the chosen configuration: the share of the configuration's known columns
 * (its saved headers and the columns its mapping reads) that the file has. A file sharing few of
 * them probably belongs to another configuration — the one thing to say before anything else,
 * since `Update configuration` would overwrite this one's columns with an unrelated file's —
 * together with the configurations whose columns fit better.
 */

/** A configuration's known columns (normalised names). */
export interface ConfigurationColumns {
  id: number;
  brokerageName: string;
  configurationName: string;
  columns: readonly string[];
}

export interface BetterFit {
  id: number;
  brokerageName: string;
  configurationName: string;
  shared: number;
  known: number;
}

export interface ConfigurationFit {
  /** Known columns of the chosen configuration the file has, and how many it knows. */
  shared: number;
  known: number;
  /** Fewer than half of them: the file may belong to another configuration. */
  isLikelyWrong: boolean;
  /** Configurations that fit the file better (at least half their columns), best first, at most 3. */
  better: BetterFit[];
}

/** The share below which a file is said to fit its configuration badly. */
export const FEW_SHARED = 0.5;
const BETTER_SHOWN = 3;

/** How a file's headers fit the chosen configuration, or null when the configuration knows no columns yet. */
export function assessConfigurationFit(
  headers: readonly string[],
  chosen: ConfigurationColumns,
  others: readonly ConfigurationColumns[],
): ConfigurationFit | null {
  const fileColumns = new Set(headers);
  const ownFit = fitOf(chosen, fileColumns);
  if (!ownFit) return null;
  const better = others
    .filter((other) => other.id !== chosen.id)
    .map((other) => ({ other, fit: fitOf(other, fileColumns) }))
    .filter(
      (entry): entry is { other: ConfigurationColumns; fit: { shared: number; known: number } } =>
        entry.fit !== null && shareOf(entry.fit) >= FEW_SHARED && shareOf(entry.fit) > shareOf(ownFit),
    )
    .sort((a, b) => shareOf(b.fit) - shareOf(a.fit) || b.fit.shared - a.fit.shared)
    .slice(0, BETTER_SHOWN)
    .map(({ other, fit }) => ({
      id: other.id,
      brokerageName: other.brokerageName,
      configurationName: other.configurationName,
      ...fit,
    }));
  return { ...ownFit, isLikelyWrong: shareOf(ownFit) < FEW_SHARED, better };
}

/** Shared and known column counts, or null for a configuration that knows no columns. */
function fitOf(
  configuration: ConfigurationColumns,
  fileColumns: ReadonlySet<string>,
): { shared: number; known: number } | null {
  const known = new Set(configuration.columns);
  if (known.size === 0) return null;
  let shared = 0;
  for (const column of known) if (fileColumns.has(column)) shared++;
  return { shared, known: known.size };
}

/** The share of known columns shared. */
function shareOf(fit: { shared: number; known: number }): number {
  return fit.shared / fit.known;
}
