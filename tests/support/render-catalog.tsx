import { render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { MainArea } from '../../src/ui/shell/main-area';
import { DatabaseProvider } from '../../src/ui/common/database-context';
import type { DatabaseApi } from '../../src/worker/api';
import { createCatalogTestApi, type CatalogTestApi } from './catalog-test-api';

export type User = ReturnType<typeof userEvent.setup>;

/**
 * Renders the main area (navigation and views, Brokerages first) over the catalog adapter (a real in-process database
 * whose rows the
 * test may seed directly); returns the user and the database.
 */
export async function renderCatalog(existing?: CatalogTestApi): Promise<CatalogTestApi & { user: User }> {
  const testApi = existing ?? (await createCatalogTestApi());
  return { ...testApi, ...(await renderCatalogOver(testApi.api)) };
}

/** Renders the main area over any DatabaseApi, e.g. the full service from createTestApi. */
export async function renderCatalogOver(api: DatabaseApi): Promise<{ user: User }> {
  // Handing the provider its first status spares the extra reload it would otherwise trigger
  // right after mounting, which could race with a test's first clicks.
  const initialStatus = await api.getStatus();
  // No pause between keystrokes and no pointer-events walk per click (jsdom loads no CSS, so it
  // proves nothing): the forms are long and the suite runs in parallel on two cores.
  const user = userEvent.setup({ delay: null, pointerEventsCheck: PointerEventsCheckLevel.Never });
  render(
    <DatabaseProvider api={api} initialStatus={initialStatus}>
      <MainArea />
    </DatabaseProvider>,
  );
  return { user };
}

/** Opens a main-area view by its navigation link, as a user would. */
export async function showView(
  user: User,
  label: 'Brokerages' | 'Upload history' | 'Process file' | 'Backups',
): Promise<void> {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  await user.click(within(nav).getByRole('link', { name: label }));
  await waitFor(() => expect(within(nav).getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page'));
  // Views other than Brokerages load on first use (lazy chunks): wait until the view is there.
  await waitFor(() => expect(screen.queryByText('Opening…')).toBeNull());
}

/** Submits the "New brokerage" form and waits until the write finished (either way). */
export async function createBrokerageAs(user: User, name: string): Promise<void> {
  const form = screen.getByRole('form', { name: 'New brokerage' });
  const input = within(form).getByLabelText('Brokerage name');
  await user.clear(input);
  await user.paste(name);
  const button = within(form).getByRole('button', { name: 'Create brokerage' });
  await user.click(button);
  // A busy button is only aria-disabled (it keeps focus), so being enabled proves nothing: the
  // write is over once the form shows its outcome and the button is no longer busy. The new
  // brokerage is selected in the same render as that outcome, so a test's next click cannot be
  // overtaken by it.
  await waitFor(() => {
    expect(within(form).queryByRole('status') ?? within(form).queryByRole('alert')).not.toBeNull();
    expect(button).not.toHaveAttribute('aria-disabled', 'true');
  });
}

/** The section with the given heading. */
export function section(name: string | RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

/** Waits for a message and checks it is announced with the given live-region role. */
export async function findNotice(
  role: 'status' | 'alert',
  text: string,
  container: HTMLElement = document.body,
): Promise<HTMLElement> {
  const message = await within(container).findByText(text);
  const region = message.closest(`[role="${role}"]`);
  if (!(region instanceof HTMLElement)) throw new Error(`“${text}” is not inside role="${role}"`);
  return region;
}
