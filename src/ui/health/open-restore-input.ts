/**
 * Opens the file chooser of the sidebar's `Restore from backup` input (one restore flow, not two):
 * what the eviction alert's button and a health finding's "Restore from backup" do.
 */
export function openRestoreInput(): void {
  const label = Array.from(document.querySelectorAll('label')).find(
    (l) => l.textContent?.trim() === 'Restore from backup',
  );
  const input = label?.control;
  if (input instanceof HTMLInputElement) {
    input.scrollIntoView({ block: 'center' });
    input.click();
  }
}
