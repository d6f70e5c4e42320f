import { useId, useState, type Ref } from 'react';
import { formatBytes } from '../common/format';

export interface RestoreDropZoneProps {
  maxBytes: number;
  disabled: boolean;
  inputRef: Ref<HTMLInputElement>;
  onFiles: (files: FileList | null) => void;
}

/**
 * The `Restore from backup` file input as Streamlit's uploader: a drop zone with Browse and the
 * size limit under it. The real input covers the zone, so a file dropped anywhere on it (and
 * Enter or Space on the focused input) goes through the browser's own file input.
 */
export function RestoreDropZone({ maxBytes, disabled, inputRef, onFiles }: RestoreDropZoneProps) {
  const inputId = useId();
  const hintId = useId();
  const [isDragging, setDragging] = useState(false);
  return (
    <div className="field">
      <label htmlFor={inputId}>Restore from backup</label>
      <div
        className={`drop-zone${isDragging ? ' is-dragging' : ''}`}
        onDragEnter={() => setDragging(true)}
        onDragLeave={() => setDragging(false)}
        onDrop={() => setDragging(false)}
      >
        <span className="drop-zone-text" aria-hidden="true">
          Drag and drop a backup file here
        </span>
        <span className="drop-zone-browse button-look" aria-hidden="true">
          Browse files
        </span>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          accept=".json,.gz,application/json,application/gzip"
          disabled={disabled}
          aria-describedby={hintId}
          onChange={(event) => onFiles(event.target.files)}
        />
      </div>
      <span className="caption" id={hintId}>
        Limit {formatBytes(maxBytes)} per file · an ff2api_backup_….json (or .json.gz) from this app or the original
        FF2API. It is read in pieces: any file restores whose database fits in this browser’s memory.
      </span>
    </div>
  );
}
