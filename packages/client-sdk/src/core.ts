/**
 * The SDK's isomorphic core: everything both faces export, and nothing that needs Node or a
 * browser. `index.ts` (Node) and `browser.ts` (browsers) re-export this list and add their own
 * `createClient` (which picks the WebSocket and the default trainer) and their platform's
 * stores, trainers and identity file. Nothing here, nor anything it imports, may pull
 * better-sqlite3, ws or a `node:` module (test/browser-face.test.ts checks it with esbuild).
 */
export { SDK_VERSION } from './client.ts';
export type { ConclaveClient, ClientEvents, RoundInfo } from './client-api.ts';
export { CLIENT_DEFAULTS } from './client-options.ts';
export type { ClientOptions } from './client-options.ts';
export { systemClock } from './clock.ts';
export type { Clock, RandomFloat, TimerHandle } from './clock.ts';
export type { SocketLike, SocketCtor } from './connection.ts';
export { ClientError } from './errors.ts';
export type { ClientErrorCode } from './errors.ts';
export { createIdentity } from './identity.ts';
export type { DeviceIdentity } from './identity.ts';
export { MemoryExampleStore, isHeldOut } from './example-store.ts';
export type { ExampleStore, StoredExample, RetentionLimits } from './example-store.ts';
export { IndexedDbExampleStore, DEFAULT_EXAMPLE_RETENTION } from './idb-example-store.ts';
export type { IndexedDbExampleStoreOptions, ExampleRetention } from './idb-example-store.ts';
export { MemoryKeyValueStore } from './kv-store.ts';
export type { KeyValueStore } from './kv-store.ts';
export { IndexedDbKeyValueStore } from './kv-store-idb.ts';
export { ConsentManager } from './consent.ts';
export type { ConsentPolicy, ConsentStatus, ConsentChange, PauseOptions, StreamConsent } from './consent.ts';
export { formatLedger } from './ledger.ts';
export type { LedgerEntry, LedgerPrivacy } from './ledger.ts';
export type { PrivacyCaps } from './privacy-ledger.ts';
export type { Example, Trainer, TrainJob, TrainOutput, EvalOutput } from './train/types.ts';
export { featurize, featurizeSparse, validateFeatureSpec } from './train/features.ts';
export type { FeatureSpec, SparseFeatures } from './train/features.ts';
export { scrubPii, createScrubber, loadPiiLexicon, isPiiLexiconLoaded, PII_TYPES, PiiError } from './pii/index.ts';
export type { PiiFinding, PiiType, Scrubber, ScrubResult, ScrubOptions } from './pii/index.ts';
export { platformEligibility } from './eligibility.ts';
export type { PlatformEligibilityOptions } from './eligibility.ts';
export { TaskApprovalGate, LOG_HEAD_KEY, APPROVED_TASKS_KEY } from './task-approval-gate.ts';
export type { ApprovalInfo, ApprovalPolicy, ApprovedTask } from './task-approval-gate.ts';
