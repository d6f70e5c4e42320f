import { labelOf } from '../../core/api-fields';
import type { MappingSuggestion } from '../../core/csv/suggestions';

/**
 * Suggestions for fields that are not always required, offered and not applied: mapping one of
 * them may put a whole group in use (a `Rate` column as bid target cost brings in eight more bid
 * fields) or send data nobody chose, so only a deliberate `Use` maps it.
 */
export function SuggestionOffers({
  offers,
  onUse,
}: {
  offers: readonly MappingSuggestion[];
  onUse: (offer: MappingSuggestion) => void;
}) {
  if (offers.length === 0) return null;
  return (
    <section className="suggestion-offers" aria-label="Suggested columns, not applied">
      <p className="caption">
        These columns may fit fields that are not always required. They are not mapped unless you choose to: some bring
        in more required fields.
      </p>
      <ul>
        {offers.map((offer) => (
          <li key={offer.path}>
            <span>
              <strong>{offer.column}</strong> → {labelOf(offer.path)} ({Math.round(offer.confidence * 100)} % sure)
            </span>{' '}
            <button
              type="button"
              aria-label={`Use ${offer.column} for ${labelOf(offer.path)}`}
              onClick={() => onUse(offer)}
            >
              Use
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
