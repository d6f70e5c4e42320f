/**
 * "Required fields N/M" for the mapping step: which required fields (the always-required ones
 * plus those of the conditional groups in use) are mapped to a column of this file or a manual
 * value, which have a documented default, and which are still missing — and, for each group in
 * use, the mapped fields that put it in use (so the step can say how to leave it out).
 */
import { groupsInUse, requiredFieldsFor, findApiField, type ConditionalGroup } from '../api-fields';
import { describeSource, isMetadataKey } from '../field-mappings';
import { defaultRulesFor } from './defaults';

export type RequiredState = 'mapped' | 'default' | 'missing';

export interface RequiredField {
  path: string;
  state: RequiredState;
  /** Set for a field required only because its group is in use. */
  group?: ConditionalGroup;
}

export interface MappingProgress {
  required: RequiredField[];
  done: number;
  total: number;
  isComplete: boolean;
  /** For each group in use, the fields whose mapping put it in use. */
  groupTriggers: Partial<Record<ConditionalGroup, string[]>>;
}

/** The progress of `mappings` against a file's normalised headers. */
export function measureMappingProgress(
  mappings: Readonly<Record<string, string>>,
  headers: readonly string[],
): MappingProgress {
  const columns = new Set(headers);
  const isMapped = (path: string): boolean => {
    const source = mappings[path];
    if (source === undefined || isMetadataKey(path) || source.trim() === '') return false;
    const { kind, text } = describeSource(source);
    return kind === 'manual' ? text.trim() !== '' : columns.has(text.trim());
  };
  const mappedPaths = Object.keys(mappings).filter(isMapped);
  const defaulted = new Set(defaultRulesFor(mappedPaths).map((rule) => rule.path));
  const required = requiredFieldsFor(mappings).map((path): RequiredField => {
    const state: RequiredState = isMapped(path) ? 'mapped' : defaulted.has(path) ? 'default' : 'missing';
    const group = findApiField(path)?.group;
    return group ? { path, state, group } : { path, state };
  });
  const groupTriggers: MappingProgress['groupTriggers'] = {};
  for (const group of groupsInUse(mappings)) {
    groupTriggers[group] = Object.keys(mappings).filter(
      (path) => findApiField(path)?.group === group && (mappings[path] ?? '').trim() !== '',
    );
  }
  const done = required.filter((field) => field.state !== 'missing').length;
  return { required, done, total: required.length, isComplete: done === required.length, groupTriggers };
}
