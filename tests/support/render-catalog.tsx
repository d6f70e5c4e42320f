import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CatalogPage } from '../../src/ui/catalog/catalog-page';
import { DatabaseProvider } from '../../src/ui/database-context';
import { createCatalogTestApi, type CatalogTestApi } from './catalog-test-api';

export type User = ReturnType<typeof userEvent.setup>;

/** Renders the catalog page over a real in-process database; returns the user and the database. */
export async function renderCatalog(existing?: CatalogTestApi): Promise<CatalogTestApi & { user: User }> {
  const testApi = existing ?? (await createCatalogTestApi());
  // No pause between keystrokes: the forms are long and the suite runs in parallel.
  const user = userEvent.setup({ delay: null });
  render(
    <DatabaseProvider api={testApi.api}>
      <CatalogPage />
    </DatabaseProvider>,
  );
  return { ...testApi, user };
}

/** Creates a brokerage through the "New brokerage" form and waits for its confirmation. */
export async function createBrokerageAs(user: User, name: string): Promise<void> {
  const form = screen.getByRole('form', { name: 'New brokerage' });
  const input = within(form).getByLabelText('Brokerage name');
  await user.clear(input);
  await user.type(input, name);
  await user.click(within(form).getByRole('button', { name: 'Create brokerage' }));
}

/** The section with the given heading. */
export function section(name: string | RegExp): HTMLElement {
  return screen.getByRole('region', { name });
}

/** Waits for a message and checks it is announced with the given live-region role. */
export async function findNotice(role: 'status' | 'alert', text: string, container: HTMLElement = document.body): Promise<HTMLElement> {
  const message = await within(container).findByText(text);
  const region = message.closest(`[role="${role}"]`);
  if (!(region instanceof HTMLElement)) throw new Error(`“${text}” is not inside role="${role}"`);
  return region;
}
