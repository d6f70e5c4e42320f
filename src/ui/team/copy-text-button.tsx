import { useState } from 'react';

/** Copies a text to the clipboard and says whether it worked (a browser may refuse: then select it by hand). */
export function CopyTextButton({ text, label }: { text: string; label: string }) {
  const [result, setResult] = useState<string | null>(null);
  return (
    <span className="copy-text">
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard
            .writeText(text)
            .then(() => setResult('Copied.'))
            .catch(() => setResult('The browser did not allow copying: select the text and copy it.'))
        }
      >
        {label}
      </button>
      {result ? (
        <span role="status" className="caption">
          {' '}
          {result}
        </span>
      ) : null}
    </span>
  );
}
