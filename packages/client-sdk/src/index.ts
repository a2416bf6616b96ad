/**
 * @packageDocumentation
 * The Conclave client SDK, embedded by tool teams. It records examples on the device, checks in
 * with the coordinator, trains the task's model with TensorFlow.js off the host's main thread,
 * and uploads only the model update. Raw examples never leave the device.
 *
 * This is the Node face (Electron, CLIs, services): the isomorphic core (`core.ts`) plus a
 * `createClient` that connects with `ws` and trains in worker threads, durable SQLite example
 * stores, a file key-value store and the device identity file. Browsers get `browser.ts`
 * instead, chosen by the package's `exports` conditions.
 *
 * @example
 * ```ts
 * import { createClient, loadOrCreateIdentity } from '@conclave/client-sdk';
 * const client = createClient({
 *   url: 'wss://conclave.example.com/v1/devices',
 *   identity: loadOrCreateIdentity(appDataDir), // Ed25519, proven on every connection
 *   enrollmentToken, // from `conclave enroll`, needed once
 * });
 * await client.consent.grant('mail'); // the employee's choice
 * await client.record('mail', { text: 'Subject: lunch?', label: 0 });
 * await client.start();
 * client.on('uploaded', (r) => console.log(`contributed to round ${r.round} of ${r.taskId}`));
 * ```
 */
import { WebSocket as NodeWebSocket } from 'ws';
import type { ConclaveClient } from './client-api.ts';
import type { ClientOptions } from './client-options.ts';
import { composeClient, type ClientPlatform } from './client.ts';
import type { SocketCtor } from './connection.ts';
import { createWorkerTrainer } from './train/worker-trainer.ts';

export * from './core.ts';
export { loadOrCreateIdentity } from './identity-file.ts';
export { SqliteExampleStore } from './sqlite-example-store.ts';
export { EncryptedSqliteExampleStore } from './encrypted-sqlite-example-store.ts';
export { FileKeyValueStore } from './kv-store-file.ts';
export { createWorkerTrainer } from './train/worker-trainer.ts';
export type { WorkerTrainerOptions } from './train/worker-trainer.ts';
export { createInlineTrainer } from './train/inline-trainer.ts';
export { initTensorflow } from './train/backend.ts';
export { loadConclaveModel } from './model-loader-node.ts';
export { loadConclaveModelFrom, MODEL_EXPORT_FILES } from './model-loader.ts';
export type { ConclaveModel, ConclaveModelArtifacts, ConclaveModelMetadata } from './model-loader.ts';
export type { BackendName } from './train/backend.ts';

/** Node: `ws` for the socket, worker threads (`limits.cpuThreads`) for training. */
const nodePlatform: ClientPlatform = {
  WebSocket: () => NodeWebSocket as unknown as SocketCtor,
  createTrainer: ({ threads }) => createWorkerTrainer({ threads }),
};

/**
 * Creates a client. Nothing connects until `start()`; `record()` works at any time. Throws
 * `INVALID_OPTIONS` naming every bad option.
 *
 * The protocol, seen from the device (PROTOCOL.md has the whole sequence): Hello → Welcome →
 * CheckIn → (ComeBackLater | Selected → ModelChunk* → train → UploadStart → UploadChunk* →
 * ReportAck) → CheckIn → …
 */
export function createClient(options: ClientOptions): ConclaveClient {
  return composeClient(options, nodePlatform);
}
