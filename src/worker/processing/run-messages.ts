/** What starting, resending and sending a run tells people when it cannot go on (./run-operations.ts). */
export const RUN_MESSAGES = {
  noFile: 'That file is no longer loaded. Choose it again.',
  noConfiguration:
    'That configuration no longer exists (perhaps it was deleted or a backup was restored). ' +
    'Nothing was sent. Choose another configuration.',
  noValidRows:
    'No row of this file is valid, so nothing was sent and no run was recorded. ' +
    'Fix the mapping or the file and try again.',
  tooManyInvalid: 'Fewer than 90 % of the rows are valid, so nothing was sent. Fix the mapping or the file first.',
  noRun: 'That run no longer exists (perhaps a backup was restored). Nothing more was sent.',
  notActive: 'This run is not being sent from this tab. Nothing was sent.',
  busy: 'This run is already being sent from this tab.',
  needsFile: (name: string) =>
    `To continue this run, choose the same file again (“${name}”). ` +
    'A different or changed file would send different loads, so only the very same file is accepted.',
  notInterrupted: 'This run has no uncertain loads to resend (or another tab is still sending it).',
  nothingToSend: 'There is nothing left to send for this run.',
  alreadyProcessed: (name: string, sent: number, failed: number) =>
    `“${name}” (this very content) was already processed with this configuration: ${sent} sent, ${failed} failed. ` +
    'Nothing was sent. To send every load again, choose Send again anyway.',
  beingSent: (name: string) =>
    `“${name}” (this very content) is being sent with this configuration right now. ` +
    'Nothing more was sent: wait for that run to end; its progress is shown in Process file.',
} as const;
