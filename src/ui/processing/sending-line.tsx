import { formatCount, plural } from '../common/format';
import { useSending } from './sending-context';

/**
 * One line, above every view, while this tab sends loads: which file, how far, and a link to the
 * progress (with Cancel) in Process file. Not a live region: it changes several times a second.
 */
export function SendingLine({ isProcessView }: { isProcessView: boolean }) {
  const { sending } = useSending();
  if (!sending) return null;
  const { progress } = sending;
  return (
    <p className="sending-line">
      Sending … {formatCount(progress.sent + progress.failed)} of {plural(progress.total, 'load')} of{' '}
      <strong>{sending.fileName}</strong> done
      {sending.isCancelling ? ' (cancelling)' : ''}. {isProcessView ? null : <a href="#/process">Show progress</a>}
    </p>
  );
}
