import { useId } from 'react';
import { presetById, STORE_PRESETS, type PresetId } from '../../core/team-store/presets';
import { PassphraseField } from '../common/passphrase-field';
import { withPreset, withRegion, type StoreForm } from './store-form';
import { TextField } from './text-field';

/**
 * Where the store is and the key to it: a provider preset (fills the endpoint pattern, region and
 * addressing), then `Endpoint`, `Region`, `Bucket`, `Prefix`, the addressing style, `Access key ID`
 * and `Secret access key` (docs/design.md's names).
 */
export function StoreFields({ form, onChange }: { form: StoreForm; onChange: (next: StoreForm) => void }) {
  const presetId = useId();
  const addressingId = useId();
  const set = (change: Partial<StoreForm>) => onChange({ ...form, ...change });
  return (
    <fieldset className="store-fields">
      <legend>Where the store is</legend>
      <div className="field">
        <label htmlFor={presetId}>Provider</label>
        <select
          id={presetId}
          value={form.preset}
          onChange={(event) => onChange(withPreset(form, event.target.value as PresetId))}
        >
          {STORE_PRESETS.map((preset) => (
            <option key={preset.id} value={preset.id}>
              {preset.label}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Endpoint"
        value={form.endpoint}
        inputMode="url"
        onChange={(endpoint) => set({ endpoint })}
        hint={presetById(form.preset).hint}
      />
      <TextField label="Region" value={form.region} onChange={(region) => onChange(withRegion(form, region))} />
      <TextField label="Bucket" value={form.bucket} onChange={(bucket) => set({ bucket })} />
      <TextField
        label="Prefix"
        value={form.prefix}
        onChange={(prefix) => set({ prefix })}
        hint="The folder in the bucket for this team, e.g. ff2api/. Every browser of the team uses the same one."
      />
      <div className="field">
        <label htmlFor={addressingId}>Addressing</label>
        <select
          id={addressingId}
          value={form.addressing}
          onChange={(event) => set({ addressing: event.target.value === 'virtual-host' ? 'virtual-host' : 'path' })}
        >
          <option value="path">Path-style (the bucket in the path)</option>
          <option value="virtual-host">Virtual-hosted (the bucket in the host name)</option>
        </select>
      </div>
      <TextField
        label="Access key ID"
        value={form.accessKeyId}
        autoComplete="off"
        onChange={(accessKeyId) => set({ accessKeyId })}
      />
      <PassphraseField
        label="Secret access key"
        value={form.secretAccessKey}
        autoComplete="off"
        onChange={(secretAccessKey) => set({ secretAccessKey })}
        hint="Kept only in this browser's database (locked with the app lock when it is on), never in a backup file."
      />
    </fieldset>
  );
}
