/**
 * What the restore preview says when a file is certified less than a file written today: a
 * warning about the file as a whole (no row count). Our files from 2.2 on certify everything
 * with their two checksums, and encrypted files are authenticated whole by AES-GCM; these say
 * what older or foreign files leave open.
 */
export const GUARANTEES = {
  headerNotCertified: {
    code: 'header-not-certified',
    message:
      'This backup was written by an older version of FF2API Web (format 2.0 or 2.1): its rows are checked against its checksum, but its date and its activity log are not, so a change to them would go unnoticed. Trust the date shown and the activity entries it brings only as far as you trust where the file came from.',
  },
  noChecksum: {
    code: 'no-checksum',
    message:
      'Files of the original FF2API carry no checksum, so damage or edits to this file cannot be detected. Check the preview against what you expect before restoring.',
  },
} as const satisfies Record<string, { code: string; message: string }>;
