// Fetched by src/worker/lazy/reachable.ts to learn whether the app's files can be fetched now.
