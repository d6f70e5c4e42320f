import { objectStoreContract } from '../support/object-store-contract';
import { freshPrefix, testStore } from '../support/s3-test-store';

/** The S3 client keeps the same contract as the in-memory store the unit tests use. */
objectStoreContract('S3 against Ceph RGW', () => ({ store: testStore(), prefix: freshPrefix('contract') }));
