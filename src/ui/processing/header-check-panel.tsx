import type { HeaderCheck } from '../../core/csv/header-check';

/**
 * The header check against the configuration's saved headers: identical, new, or changed (with
 * the missing, added and common columns, and `Update configuration` / `Continue with current
 * headers`). For a file that likely belongs to another configuration, updating is never the
 * primary action: it would replace this configuration's columns with an unrelated file's.
 */
export function HeaderCheckPanel({
  check,
  isDecided,
  isBusy,
  isLikelyWrong,
  onUpdate,
  onContinue,
}: {
  check: HeaderCheck;
  isDecided: boolean;
  isBusy: boolean;
  isLikelyWrong: boolean;
  onUpdate: () => void;
  onContinue: () => void;
}) {
  if (check.kind === 'identical')
    return <p className="caption">The columns are the same as this configuration’s last file.</p>;
  if (check.kind === 'new') {
    return isLikelyWrong ? (
      <p className="caption">
        This configuration has no saved columns yet; this file’s are not saved with it while it may belong elsewhere.
      </p>
    ) : (
      <p className="caption">First file for this configuration: its columns will be saved with it when you continue.</p>
    );
  }
  return (
    <section className="card notice-warning" aria-label="Header check">
      <p>The columns differ from this configuration’s last file.</p>
      <HeaderList title="Missing (in the saved headers, not in this file)" names={check.missing} />
      <HeaderList title="Added (new in this file)" names={check.added} />
      <HeaderList title="Common" names={check.common} />
      {isLikelyWrong && !isDecided ? (
        <p className="caption">
          Update configuration would replace this configuration’s saved columns with this file’s.
        </p>
      ) : null}
      {isDecided ? null : (
        <div className="button-row">
          <button type="button" className={isLikelyWrong ? undefined : 'primary'} disabled={isBusy} onClick={onUpdate}>
            Update configuration
          </button>
          <button type="button" disabled={isBusy} onClick={onContinue}>
            Continue with current headers
          </button>
        </div>
      )}
    </section>
  );
}

/** One titled list of column names (nothing when empty). */
function HeaderList({ title, names }: { title: string; names: string[] }) {
  if (names.length === 0) return null;
  return (
    <p className="caption">
      {title} ({names.length}): {names.join(', ')}
    </p>
  );
}
