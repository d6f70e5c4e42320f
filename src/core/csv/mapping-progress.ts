/**
 * "Required fields N/M" for the mapping step: which required fields (the always-required ones
 * plus those of the conditional groups in use) are mapped to a column of this file or a manual
 * value, which have a documented default, and which are still missing.
 */
import { requiredFieldsFor } from '../api-fields';
import { describeSource, isMetadataKey } from '../field-mappings';
import { ALWAYS_DEFAULTED } from './defaults';

export type RequiredState = 'mapped' | 'default' | 'missing';

export interface MappingProgress {
  required: { path: string; state: RequiredState }[];
  done: number;
  total: number;
  isComplete: boolean;
}

/** The progress of `mappings` against a file's normalised headers. */
export function measureMappingProgress(mappings: Readonly<Record<string, string>>, headers: readonly string[]): MappingProgress {
  const columns = new Set(headers);
  const isMapped = (path: string): boolean => {
    const source = mappings[path];
    if (source === undefined || isMetadataKey(path) || source.trim() === '') return false;
    const { kind, text } = describeSource(source);
    return kind === 'manual' ? text.trim() !== '' : columns.has(text.trim());
  };
  const required = requiredFieldsFor(mappings).map((path) => ({
    path,
    state: (isMapped(path) ? 'mapped' : ALWAYS_DEFAULTED.has(path) ? 'default' : 'missing') satisfies RequiredState as RequiredState,
  }));
  const done = required.filter((field) => field.state !== 'missing').length;
  return { required, done, total: required.length, isComplete: done === required.length };
}
