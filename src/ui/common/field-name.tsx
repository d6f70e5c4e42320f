import { findApiField } from '../../core/api-fields';

/**
 * An API field as a dispatcher reads it: its label first ("Pickup arrival window start"), the API
 * path under it as secondary detail for whoever checks the load API. A path outside the catalog
 * is shown as it is.
 */
export function FieldName({ path }: { path: string }) {
  const field = findApiField(path);
  if (!field) return <code className="field-path-only">{path}</code>;
  return (
    <span className="field-name">
      <span className="field-label">{field.label}</span> <code className="field-path">{path}</code>
    </span>
  );
}

/** "Jan 15, 2026, 08:00 UTC" for a time the load API is sent (always UTC). */
export function describeSentTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${day}, ${time} UTC`;
}
