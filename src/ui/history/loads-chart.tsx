import { useApiRead } from '../common/use-api-read';
import { formatCount } from '../common/format';
import { useNow } from '../common/use-now';

const DAYS = 90;
const WIDTH = 720;
const HEIGHT = 120;

/**
 * Loads per day over the last 90 days, succeeded (green) stacked under failed (red), as a small
 * hand-written SVG (no chart library: the JS budget), with its axes: the busiest day's count and
 * zero up the side, the first and last day along the bottom. Its text summary is the accessible
 * name; the axis labels repeat what it says, for sighted readers.
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
      <div className="loads-chart-plot">
        <div className="loads-chart-y" aria-hidden="true">
          <span>{formatCount(highest)}</span>
          <span>0</span>
        </div>
        <svg
          role="img"
          aria-label={summary}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          height={HEIGHT}
          preserveAspectRatio="none"
        >
          <line x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} stroke="#8a8d99" strokeWidth={1} />
          <line x1={0} y1={0.5} x2={WIDTH} y2={0.5} stroke="#d5d7de" strokeWidth={1} strokeDasharray="4 4" />
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
      </div>
      <div className="loads-chart-x" aria-hidden="true">
        <span>{formatDay(days[0] ?? '')}</span>
        <span>loads per day</span>
        <span>{formatDay(days[days.length - 1] ?? '')} (today)</span>
      </div>
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

/** "Sep 8" for a `YYYY-MM-DD` day. */
function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return new Date(year, month - 1, date).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
}
