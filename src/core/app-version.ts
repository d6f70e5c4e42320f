/** The name and version written into every backup file's `app_version`. */
export const APP_VERSION = 'FF2API Web 0.1.0';
