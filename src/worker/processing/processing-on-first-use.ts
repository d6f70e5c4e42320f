import type { ProcessingApi } from './processing-api';
import type { ProcessingOperations } from './processing-operations';

/**
 * ProcessingApi for the database service: each call loads file processing (its own chunk) on
 * first use and hands the call on. The object literal below is typed as ProcessingApi, so a
 * method added to the API and forgotten here is a compile error. `countLoadsPerDay` (the history
 * chart) is given apart: it must not load the processing chunk.
 */
export function processingOnFirstUse(load: () => Promise<ProcessingOperations>, countLoadsPerDay: ProcessingApi['countLoadsPerDay']): ProcessingApi {
  // Each method keeps its declared type (the cast); the call itself is passed on as it came.
  const later = <K extends Exclude<keyof ProcessingApi, 'countLoadsPerDay'>>(name: K): ProcessingApi[K] =>
    ((...args: unknown[]) => load().then((operations) => (operations[name] as (...a: unknown[]) => unknown).apply(operations, args))) as ProcessingApi[K];
  return {
    readProcessingFile: later('readProcessingFile'),
    summarizeLoadedFile: later('summarizeLoadedFile'),
    saveMappings: later('saveMappings'),
    saveFileHeaders: later('saveFileHeaders'),
    validateProcessingFile: later('validateProcessingFile'),
    startProcessingRun: later('startProcessingRun'),
    prepareResend: later('prepareResend'),
    claimLoads: later('claimLoads'),
    sendLoad: later('sendLoad'),
    endSendPass: later('endSendPass'),
    listOpenRuns: later('listOpenRuns'),
    getRun: later('getRun'),
    listRunFailures: later('listRunFailures'),
    listRunErrors: later('listRunErrors'),
    buildRunReport: later('buildRunReport'),
    buildRunRowsCsv: later('buildRunRowsCsv'),
    testConnection: later('testConnection'),
    countLoadsPerDay,
  };
}
