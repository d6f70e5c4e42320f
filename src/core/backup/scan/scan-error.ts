/** Why the text is not one JSON object; `offset` counts bytes from the start. */
export class ScanError extends Error {
  constructor(
    readonly code: 'truncated-json' | 'not-json' | 'not-object' | 'empty-file' | 'value-too-big',
    readonly offset: number,
    readonly line: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'ScanError';
  }
}
