// The part of @20minutes/s3rver (a Koa app; no types of its own) that tests/deploy/s3.test.ts uses.
declare module '@20minutes/s3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export interface S3rverOptions {
    directory?: string;
    address?: string;
    port?: number;
    silent?: boolean;
    configureBuckets?: { name: string; configs?: (string | Uint8Array)[] }[];
  }

  export default class S3rver {
    constructor(options?: S3rverOptions);
    /** Where objects are kept (a folder of files). */
    store: { deleteObject(bucket: string, key: string): Promise<void> };
    /** Creates the buckets of `configureBuckets` (run() does it before listening). */
    configureBuckets(): Promise<void>;
    /** The request handler, for a server of one's own. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
