/**
 * @packageDocumentation
 * The Conclave client SDK, embedded by tool teams. It records examples on the device, checks in
 * with the coordinator, trains the task's model with TensorFlow.js off the host's main thread,
 * and uploads only the model update. Raw examples never leave the device.
 *
 * @example
 * ```ts
 * import { createClient } from '@conclave/client-sdk';
 * const client = createClient({
 *   url: 'wss://conclave.example.com/v1/devices',
 *   identity: loadOrCreateIdentity(appDataDir), // Ed25519, proven on every connection
 *   enrollmentToken, // from `conclave enroll`, needed once
 * });
 * await client.record('mail', { text: 'Subject: lunch?', label: 0 });
 * await client.start();
 * client.on('uploaded', (r) => console.log(`contributed to round ${r.round} of ${r.taskId}`));
 * ```
 */
export { createClient, SDK_VERSION } from './client.ts';
export type { ClientOptions, ConclaveClient, ClientEvents, RoundInfo } from './client.ts';
export { ClientError } from './errors.ts';
export { createIdentity } from './identity.ts';
export type { DeviceIdentity } from './identity.ts';
export { loadOrCreateIdentity } from './identity-file.ts';
export type { ClientErrorCode } from './errors.ts';
export { MemoryExampleStore, isHeldOut } from './example-store.ts';
export type { ExampleStore, StoredExample, RetentionLimits } from './example-store.ts';
export { SqliteExampleStore } from './sqlite-example-store.ts';
export { createWorkerTrainer } from './train/worker-trainer.ts';
export type { WorkerTrainerOptions } from './train/worker-trainer.ts';
export { createInlineTrainer } from './train/inline-trainer.ts';
export type { Example, Trainer, TrainJob, TrainOutput, EvalOutput } from './train/types.ts';
export { featurize, featurizeSparse, validateFeatureSpec } from './train/features.ts';
export type { FeatureSpec, SparseFeatures } from './train/features.ts';
export { initTensorflow } from './train/backend.ts';
export type { BackendName } from './train/backend.ts';
export { scrubPii, createScrubber, PII_TYPES, PiiError } from './pii/index.ts';
export type { PiiFinding, PiiType, Scrubber, ScrubResult, ScrubOptions } from './pii/index.ts';
export { EncryptedSqliteExampleStore } from './encrypted-sqlite-example-store.ts';
export { IndexedDbExampleStore, DEFAULT_EXAMPLE_RETENTION } from './idb-example-store.ts';
export type { ExampleRetention } from './idb-example-store.ts';
export { MemoryKeyValueStore } from './kv-store.ts';
export type { KeyValueStore } from './kv-store.ts';
export { FileKeyValueStore } from './kv-store-file.ts';
export { IndexedDbKeyValueStore } from './kv-store-idb.ts';
export { ConsentManager } from './consent.ts';
export type { ConsentPolicy, ConsentStatus, ConsentChange, PauseOptions, StreamConsent } from './consent.ts';
export { formatLedger } from './ledger.ts';
export type { LedgerEntry, LedgerPrivacy } from './ledger.ts';
export type { PrivacyCaps } from './privacy-ledger.ts';
export { platformEligibility } from './eligibility.ts';
export type { PlatformEligibilityOptions } from './eligibility.ts';
