import '@testing-library/jest-dom/vitest';
import 'fake-indexeddb/auto';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// findBy… and waitFor wait for what a user would see; on two loaded cores a write that takes a
// snapshot first (a brokerage delete, a restore) can take more than the default second.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has <dialog> but not its modal methods; real Chromium runs the real ones in tests/e2e.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
    // A modal dialog turns Escape into a cancelable "cancel" event, as browsers do.
    this.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.dispatchEvent(new Event('cancel', { cancelable: true }))) this.close();
    });
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
}

afterEach(() => {
  cleanup();
  // The main area's view lives in the location hash: each test starts on the default view.
  window.history.replaceState(null, '', window.location.pathname);
  // Preferences (backup secrets mode, operator name, chosen brokerage) must not leak between tests.
  localStorage.clear();
});
