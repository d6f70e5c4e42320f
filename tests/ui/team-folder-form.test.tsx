import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FolderFields } from '../../src/ui/team/folder-fields';
import { connectRequestOf, initialStoreForm } from '../../src/ui/team/store-form';

/**
 * The Team store form's shared-folder choice: where the browser cannot write into a folder it says
 * so instead of offering a button, and a folder's connect request carries no S3 address or key
 * even when some were typed before switching.
 */

describe('the Team store form, shared folder', () => {
  it('without the File System Access API, says why and offers no folder button', () => {
    expect('showDirectoryPicker' in window).toBe(false);
    const form = { ...initialStoreForm({ browserName: 'Desk 1', person: 'Dana' }), kind: 'folder' as const };
    render(<FolderFields form={form} onChange={() => undefined} />);
    expect(screen.getByText(/cannot write into a folder on this computer/)).toBeInTheDocument();
    expect(screen.getByText(/Use an S3 bucket, or open the app in Chrome or Edge/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Choose shared folder/ })).toBeNull();
  });

  it('a folder request names the folder and carries no endpoint or key typed earlier', () => {
    const typed = {
      ...initialStoreForm({ browserName: 'Desk 1', person: 'Dana' }),
      accessKeyId: 'AKIATYPED',
      secretAccessKey: 'typed-secret',
      kind: 'folder' as const,
      folderName: 'Team Dropbox',
      passphrase: 'river lantern copper meadow',
    };
    const request = connectRequestOf(typed, false);
    expect(request).toMatchObject({ kind: 'folder', bucket: 'Team Dropbox', prefix: 'ff2api/', endpoint: '' });
    expect(JSON.stringify(request)).not.toContain('typed-secret');
    expect(JSON.stringify(request)).not.toContain('AKIATYPED');
  });
});
