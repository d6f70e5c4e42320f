import { useState } from 'react';
import { isFolderApiAvailable } from '../../platform/backup-folder';
import { pickTeamFolder } from '../../platform/team-store/folder/team-folder-choice';
import type { StoreForm } from './store-form';
import { TextField } from './text-field';

/**
 * The team's shared folder as the store: `Choose shared folder` (the browser's folder picker) and
 * the folder inside it the team's files go in. Where the browser cannot write into a folder it
 * says so, and why, instead of offering the button.
 */
export function FolderFields({ form, onChange }: { form: StoreForm; onChange: (next: StoreForm) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  if (!isFolderApiAvailable()) {
    return (
      <fieldset className="store-fields">
        <legend>Where the store is</legend>
        <p className="notice notice-info">{NO_FOLDER_API}</p>
      </fieldset>
    );
  }
  const choose = async () => {
    setProblem(null);
    const picked = await pickTeamFolder();
    if (!picked.ok) return setProblem(picked.message);
    if (picked.name !== null) onChange({ ...form, folderName: picked.name });
  };
  return (
    <fieldset className="store-fields">
      <legend>Where the store is</legend>
      <p>
        {form.folderName ? (
          <>
            Shared folder: <strong>{form.folderName}</strong>
          </>
        ) : (
          'No shared folder chosen yet. Every teammate chooses the same synced folder on their own computer.'
        )}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => void choose()}>
          {form.folderName ? 'Choose another shared folder' : 'Choose shared folder'}
        </button>
      </div>
      {problem ? <p role="alert">{problem}</p> : null}
      <TextField
        label="Folder inside it"
        value={form.prefix}
        onChange={(prefix) => onChange({ ...form, prefix })}
        hint="The team's files go in this folder inside the shared folder, like ff2api/ (the same for everyone)."
      />
    </fieldset>
  );
}

const NO_FOLDER_API =
  'This browser cannot write into a folder on this computer: that needs the File System Access API, which ' +
  'Chrome and Edge on a computer have. Use an S3 bucket, or open the app in Chrome or Edge to use a shared folder.';
