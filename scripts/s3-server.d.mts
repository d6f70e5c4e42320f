/** Types of scripts/s3-server.mjs, for the TypeScript test setup that starts it. */
export interface S3ServerDetails {
  S3_ENDPOINT: string;
  S3_REGION: string;
  S3_ACCESS_KEY: string;
  S3_SECRET_KEY: string;
  S3_BUCKET: string;
  S3_BUCKET_NO_CORS: string;
  S3_BUCKET_LOCKED: string;
  S3_OTHER_BUCKET: string;
  S3_OTHER_ACCESS_KEY: string;
  S3_OTHER_SECRET_KEY: string;
}

export declare function startS3Server(options?: {
  quiet?: boolean;
}): Promise<{ details: S3ServerDetails; startedHere: boolean; seconds: number }>;

/** Stops the server when this process started it; true when it did. */
export declare function stopS3Server(): boolean;
