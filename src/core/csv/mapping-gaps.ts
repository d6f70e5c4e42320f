/**
 * Why the mapping step cannot continue yet, in words: which fields are missing and the way out —
 * for a conditional group, which mapped field put it in use and that setting it to None leaves
 * the whole group out ("set Bid: target cost (USD) to None to skip bid details"). Shown next to
 * the disabled Continue, so it is never greyed without a reason.
 */
import { labelOf, type ConditionalGroup } from '../api-fields';
import type { MappingProgress } from './mapping-progress';

/** What each group is called in a sentence. */
const GROUP_NAMES: Record<ConditionalGroup, string> = {
  bidCriteria: 'bid details',
  carrier: 'carrier details',
  items: 'item details',
  equipment: 'equipment details',
  referenceNumbers: 'the reference number',
  trackingEvents: 'the tracking event',
  brokerageContacts: 'the brokerage contact role',
};

/** One sentence per reason the mapping is incomplete, always-required fields first; [] when complete. */
export function explainMappingGaps(progress: MappingProgress): string[] {
  const missing = progress.required.filter((field) => field.state === 'missing');
  const sentences: string[] = [];
  const core = missing.filter((field) => field.group === undefined).map((field) => labelOf(field.path));
  if (core.length > 0) {
    const itOrEach = core.length === 1 ? 'it' : 'each';
    sentences.push(`Every load needs ${listOf(core)}: map ${itOrEach} to a column or give ${itOrEach} a manual value.`);
  }
  const groups = [...new Set(missing.flatMap((field) => (field.group === undefined ? [] : [field.group])))];
  for (const group of groups) {
    const needed = missing.filter((field) => field.group === group).map((field) => labelOf(field.path));
    const triggers = (progress.groupTriggers[group] ?? []).map(labelOf);
    const because =
      triggers.length > 0 ? ` because ${listOf(triggers)} ${triggers.length === 1 ? 'is' : 'are'} mapped` : '';
    const wayOut =
      triggers.length > 0 ? `, or set ${listOf(triggers, 'and')} to None to skip ${GROUP_NAMES[group]}` : '';
    const [isOrAre, itOrThem] = needed.length === 1 ? ['is', 'it'] : ['are', 'them'];
    sentences.push(`${capitalise(listOf(needed))} ${isOrAre} needed${because}: map ${itOrThem}${wayOut}.`);
  }
  return sentences;
}

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1] ?? ''}`;
}

/** The sentence's first letter in capitals. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
