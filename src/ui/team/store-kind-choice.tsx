import type { StoreKind } from '../../core/db/team-store-settings';

/** `S3 bucket` or `Shared folder`: where the team keeps its store (the form below follows the choice). */
export function StoreKindChoice({ kind, onChange }: { kind: StoreKind; onChange: (kind: StoreKind) => void }) {
  return (
    <fieldset className="store-kind">
      <legend>Kind of team store</legend>
      <label className="radio">
        <input type="radio" name="store-kind" checked={kind === 's3'} onChange={() => onChange('s3')} />
        S3 bucket
      </label>
      <label className="radio">
        <input type="radio" name="store-kind" checked={kind === 'folder'} onChange={() => onChange('folder')} />
        Shared folder (OneDrive, Dropbox, Google Drive or a network share)
      </label>
    </fieldset>
  );
}
