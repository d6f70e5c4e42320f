import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { lazyPanel } from '../../src/ui/common/lazy-panel';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

/** A panel module that arrives when `arrive()` is called, or fails its first `failures` loads. */
function controlledLoad(failures = 0) {
  let calls = 0;
  let arrive: () => void = () => undefined;
  const load = () => {
    calls++;
    if (calls <= failures) return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    return new Promise<typeof Greeting>((resolve) => {
      arrive = () => resolve(Greeting);
    });
  };
  return { load, arrive: () => arrive(), calls: () => calls };
}

describe('a panel loaded on first use', () => {
  it('shows "Opening…" as a status while it loads, then the panel with its props; later uses show it at once', async () => {
    const module = controlledLoad();
    const Panel = lazyPanel(module.load);
    const { unmount } = render(<Panel name="Dana" />);
    expect(screen.getByRole('status')).toHaveTextContent('Opening…');
    module.arrive();
    expect(await screen.findByText('Hello Dana')).toBeInTheDocument();
    expect(screen.queryByRole('status')).toBeNull();
    unmount();
    render(<Panel name="Sam" />);
    expect(screen.getByText('Hello Sam')).toBeInTheDocument();
    expect(module.calls()).toBe(1);
  });

  it('a load that fails says so in plain words, and Try again loads it', async () => {
    const module = controlledLoad(1);
    const Panel = lazyPanel(module.load);
    render(<Panel name="Dana" />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/could not be loaded.*Nothing was changed/);
    expect(screen.queryByText('Hello Dana')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('status')).toHaveTextContent('Opening…');
    module.arrive();
    expect(await screen.findByText('Hello Dana')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(module.calls()).toBe(2);
  });
});
