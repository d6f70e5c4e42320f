import { useId, useState, type DragEvent } from 'react';

/** The labelled drop zone `Choose a CSV or Excel file`: click to browse, or drop a file on it. */
export function FileDropZone({
  label = 'Choose a CSV or Excel file',
  disabled,
  isBusy,
  onFile,
}: {
  label?: string;
  disabled: boolean;
  isBusy: boolean;
  onFile: (file: File) => void;
}) {
  const inputId = useId();
  const [isOver, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      className={`drop-zone${isOver ? ' drop-zone-over' : ''}`}
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
        disabled={disabled || isBusy}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = '';
        }}
      />
      <p className="caption">
        {isBusy ? 'Reading the file…' : 'Drag and drop a file here, or browse. CSV or Excel (.xlsx), up to 200 MB.'}
      </p>
    </div>
  );
}
