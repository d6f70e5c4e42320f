import { useId, useState, type DragEvent } from 'react';

/**
 * The labelled drop zone `Choose a CSV or Excel file`: click to browse, or drop a file on it.
 * Until a file can be used (no configuration chosen yet) it looks and says it is not ready.
 */
export function FileDropZone({
  label = 'Choose a CSV or Excel file',
  disabledReason,
  isBusy,
  onFile,
}: {
  label?: string;
  /** Why no file can be chosen yet; null when one can. */
  disabledReason: string | null;
  isBusy: boolean;
  onFile: (file: File) => void;
}) {
  const inputId = useId();
  const noteId = useId();
  const [isOver, setOver] = useState(false);
  const isDisabled = disabledReason !== null;
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !isDisabled) onFile(file);
  };
  return (
    <div
      className={`drop-zone${isOver && !isDisabled ? ' drop-zone-over' : ''}${isDisabled ? ' drop-zone-disabled' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="file"
        accept=".csv,.xlsx,.xls,text/csv"
        disabled={isDisabled || isBusy}
        aria-describedby={noteId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = '';
        }}
      />
      <p className="caption" id={noteId}>
        {isBusy
          ? 'Reading the file…'
          : (disabledReason ?? 'Drag and drop a file here, or browse. CSV or Excel (.xlsx), up to 200 MB.')}
      </p>
    </div>
  );
}
