/** Types of million-file.mjs (a plain-JS writer of docs/backup-format.md used by the 1M bench). */
export function writeMillionFile(
  path: string,
  options: { uploads: number; errors: number; createdAt?: string },
): Promise<{ bytes: number; checksum: string; counts: Record<string, number>; bodyBytes: number }>;
