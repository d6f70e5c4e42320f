import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SendProgress } from '../../core/csv/send-loop';
import type { RunView } from '../../worker/processing/processing-types';

/** A run being sent from this tab: which, how far, and whether Cancel was pressed. */
export interface SendState {
  runId: number;
  fileName: string;
  progress: SendProgress;
  isCancelling: boolean;
}

/** The run Process file shows (the one sent or opened last), with its file in the worker if loaded. */
export interface ShownRun {
  run: RunView;
  fileId: string | null;
}

interface SendingValue {
  sending: SendState | null;
  setSending: (update: (current: SendState | null) => SendState | null) => void;
  shown: ShownRun | null;
  setShown: (shown: ShownRun | null) => void;
  /** Set by Cancel, read by the sending loop before each load. */
  cancelRequested: { current: boolean };
}

const SendingContext = createContext<SendingValue | null>(null);

/**
 * Holds the run this tab is sending above the views: the sending loop outlives the Process file
 * view (leaving it never stops or hides a run), every view can say that loads are going out, and
 * coming back to Process file shows the progress or the results instead of an empty form.
 */
export function SendingProvider({ children }: { children: ReactNode }) {
  const [sending, setSendingState] = useState<SendState | null>(null);
  const [shown, setShown] = useState<ShownRun | null>(null);
  const cancelRequested = useRef(false);
  const value = useMemo(
    () => ({ sending, setSending: setSendingState, shown, setShown, cancelRequested }),
    [sending, shown],
  );
  return <SendingContext.Provider value={value}>{children}</SendingContext.Provider>;
}

/** The run being sent from this tab, and the one Process file shows. */
export function useSending(): SendingValue {
  const value = useContext(SendingContext);
  if (!value) throw new Error('useSending must be used inside <SendingProvider>');
  return value;
}
