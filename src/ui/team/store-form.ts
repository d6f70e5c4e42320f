import type { StoreAddress, StoreKind } from '../../core/db/team-store-settings';
import { presetById, presetEndpoint, type PresetId } from '../../core/team-store/presets';
import type { DataMarker } from '../../platform/eviction-marker';
import type { ConnectRequest } from '../../worker/team-store/team-store-types';

/** What the `Team store` form holds while someone fills it in. */
export interface StoreForm extends StoreAddress {
  /** An S3 bucket, or the team's shared folder (picked on the page; its handle kept in IndexedDB). */
  kind: StoreKind;
  /** The shared folder's name as picked ('' until one is). */
  folderName: string;
  preset: PresetId;
  browserName: string;
  person: string;
  passphrase: string;
  confirmPassphrase: string;
  useRecoveryKey: boolean;
  recoveryKey: string;
}

/** R2's endpoint names the account; the form shows where it goes until it is typed. */
const R2_ACCOUNT_PLACEHOLDER = 'ACCOUNT_ID';

/** The form's first values: AWS S3's preset and this browser's names as known. */
export function initialStoreForm(known: { browserName: string | null; person: string | null }): StoreForm {
  return withPreset(blankForm(known), 'aws');
}

/**
 * After the browser deleted the app's data, the store it was connected to (its address only: the
 * key and the passphrase are typed again) — unless someone already started typing another one.
 */
export function withRemembered(form: StoreForm, marker: DataMarker | null): StoreForm {
  const remembered = marker?.teamStore;
  if (!remembered || form.bucket !== '') return form;
  return { ...withPreset(form, 'minio'), ...remembered, addressing: 'path' };
}

/** The form with a provider's endpoint pattern, region and addressing style filled in. */
export function withPreset(form: StoreForm, id: PresetId): StoreForm {
  const preset = presetById(id);
  const endpoint =
    id === 'minio' ? form.endpoint : presetEndpoint(preset, preset.defaultRegion, R2_ACCOUNT_PLACEHOLDER);
  return { ...form, preset: id, endpoint, region: preset.defaultRegion, addressing: preset.addressing };
}

/** A new region also moves an endpoint that is still the preset's own pattern (AWS, B2, Wasabi). */
export function withRegion(form: StoreForm, region: string): StoreForm {
  const preset = presetById(form.preset);
  const wasPattern = form.endpoint === presetEndpoint(preset, form.region, R2_ACCOUNT_PLACEHOLDER);
  const followsRegion = preset.endpointPattern.includes('{region}') && wasPattern && region.trim() !== '';
  return {
    ...form,
    region,
    endpoint: followsRegion ? presetEndpoint(preset, region, R2_ACCOUNT_PLACEHOLDER) : form.endpoint,
  };
}

/** The request the worker's `connectTeamStore` takes. */
export function connectRequestOf(form: StoreForm, confirming: boolean): ConnectRequest {
  const where =
    form.kind === 'folder'
      ? {
          kind: 'folder' as const,
          endpoint: '',
          region: '',
          bucket: form.folderName,
          accessKeyId: '',
          secretAccessKey: '',
        }
      : {};
  return {
    endpoint: form.endpoint,
    region: form.region,
    bucket: form.bucket,
    prefix: form.prefix,
    addressing: form.addressing,
    accessKeyId: form.accessKeyId,
    secretAccessKey: form.secretAccessKey,
    passphrase: form.useRecoveryKey ? '' : form.passphrase,
    ...(confirming && !form.useRecoveryKey ? { confirmPassphrase: form.confirmPassphrase } : {}),
    ...(form.useRecoveryKey ? { recoveryKey: form.recoveryKey } : {}),
    browserName: form.browserName,
    person: form.person,
    origin: window.location.origin,
    ...where,
  };
}

function blankForm(known: { browserName: string | null; person: string | null }): StoreForm {
  return {
    kind: 's3',
    folderName: '',
    preset: 'aws',
    endpoint: '',
    region: '',
    bucket: '',
    prefix: 'ff2api/',
    addressing: 'path',
    accessKeyId: '',
    secretAccessKey: '',
    browserName: known.browserName ?? guessBrowserName(),
    person: known.person ?? '',
    passphrase: '',
    confirmPassphrase: '',
    useRecoveryKey: false,
    recoveryKey: '',
  };
}

/** "Chrome on Windows": a starting point for `This browser's name`, which teammates see. */
function guessBrowserName(): string {
  const agent = navigator.userAgent;
  const browser = /Edg\//.test(agent)
    ? 'Edge'
    : /Firefox\//.test(agent)
      ? 'Firefox'
      : /Chrom/.test(agent)
        ? 'Chrome'
        : 'Browser';
  const system = /Windows/.test(agent)
    ? 'Windows'
    : /Mac OS/.test(agent)
      ? 'Mac'
      : /Linux/.test(agent)
        ? 'Linux'
        : 'this computer';
  return `${browser} on ${system}`;
}
