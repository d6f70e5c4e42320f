import { useApiRead } from '../shared/use-api-read';
import { formatCount } from '../shared/format';
import { useNow } from '../shared/use-now';

const DAYS = 90;
const WIDTH = 720;
const HEIGHT = 120;

/**
 * Loads per day over the last 90 days, succeeded (green) stacked under failed (red), as a small
 * hand-written SVG (no chart library: the JS budget). Its text summary is the accessible name.
 */
export function LoadsChart() {
  const now = useNow();
  // Read again at most once an hour as time passes (and after every change).
  const sinceIso = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - DAYS * 86_400_000).toISOString();
  const { data } = useApiRead((api) => api.countLoadsPerDay(sinceIso, -now.getTimezoneOffset()), [sinceIso]);
  if (!data || data.length === 0) return null;
  const days = lastDays(now, DAYS);
  const byDay = new Map(data.map((day) => [day.day, day]));
  const highest = Math.max(1, ...data.map((day) => day.succeeded + day.failed));
  const totals = data.reduce(
    (sum, day) => ({ succeeded: sum.succeeded + day.succeeded, failed: sum.failed + day.failed }),
    { succeeded: 0, failed: 0 },
  );
  const barWidth = WIDTH / DAYS;
  const summary = `Loads per day, last ${DAYS} days: ${formatCount(totals.succeeded)} succeeded, ${formatCount(totals.failed)} failed.`;
  return (
    <figure className="loads-chart">
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        height={HEIGHT}
        preserveAspectRatio="none"
      >
        {days.map((day, i) => {
          const counts = byDay.get(day) ?? { day, succeeded: 0, failed: 0 };
          const okHeight = (counts.succeeded / highest) * HEIGHT;
          const failedHeight = (counts.failed / highest) * HEIGHT;
          return counts.succeeded + counts.failed === 0 ? null : (
            <g key={day}>
              <title>{`${day}: ${counts.succeeded} succeeded, ${counts.failed} failed`}</title>
              <rect x={i * barWidth} y={HEIGHT - okHeight} width={barWidth * 0.8} height={okHeight} fill="#21c354" />
              <rect
                x={i * barWidth}
                y={HEIGHT - okHeight - failedHeight}
                width={barWidth * 0.8}
                height={failedHeight}
                fill="#d32f2f"
              />
            </g>
          );
        })}
      </svg>
      <figcaption className="caption">{summary}</figcaption>
    </figure>
  );
}

/** The last `count` local days as `YYYY-MM-DD`, oldest first. */
function lastDays(now: Date, count: number): string[] {
  const two = (n: number) => String(n).padStart(2, '0');
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (count - 1 - i));
    return `${day.getFullYear()}-${two(day.getMonth() + 1)}-${two(day.getDate())}`;
  });
}
