/**
 * @packageDocumentation
 * The Conclave coordinator: devices connect over WebSocket, tasks run federated rounds
 * (selection with over-selection, configuration, reporting, commit) and every round's results
 * commit to SQLite in one transaction. Administrators use the HTTP API or the `conclave` CLI.
 *
 * @example
 * ```ts
 * import { serve } from '@conclave/server';
 * const server = await serve({ dataDir: '/var/lib/conclave', port: 7300 });
 * const taskId = server.coordinator.createTask(taskDefinition);
 * console.log(server.coordinator.taskStatus(taskId).waitingFor);
 * ```
 */
export { serve } from './server.ts';
export type { ServeOptions, RunningServer } from './server.ts';
export { DEFAULT_CONNECTION_CAPS } from './connection-caps.ts';
export type { ConnectionCaps } from './connection-caps.ts';
export { Coordinator } from './coordinator.ts';
export type { CoordinatorOptions } from './coordinator.ts';
export type { TaskStatusView } from './status-view.ts';
export { parseTaskSpec, TaskSpec, OptimizerSpec } from './task-spec.ts';
export type { TaskSpecInput } from './task-spec.ts';
export { applyServerOptimizer } from './optimizers.ts';
export type { OptimizerState } from './optimizers.ts';
export { WeightedDeltaAggregator } from './aggregator.ts';
export { SqliteStore } from './store/sqlite-store.ts';
export { SqliteTrustStore, type TrustRelayStore } from './store/sqlite-trust-store.ts';
export { PostgresStore, type PostgresStoreOptions } from './store/postgres-store.ts';
export { PostgresNodeBus, NOTIFY_PAYLOAD_LIMIT, type NodeBus, type NodeBusStats, type BusMessage } from './cluster/node-bus.ts';
export { openStore, parseStoreLocation, type StoreLocation } from './store/open-store.ts';
export type { Store, TaskRow, RoundRow, RoundMetrics } from './store/store.ts';
export { ServerError } from './errors.ts';
export type { ServerErrorCode } from './errors.ts';
export { tfjsModelJson, listModelVersions, exportModelVersion, writeModelExport } from './model-export.ts';
export type { ModelVersionView, ModelExportBundle, ModelExportMetadata } from './model-export.ts';
export { verifyAuditChain, auditEntryHash, parseAuditAnchor } from './audit/audit-chain.ts';
export type { AuditEntry, AuditVerification, AuditAnchor } from './audit/audit-chain.ts';
export { loadTaskFile } from './task-file.ts';
export { LocalApprover, signApprovalRequest } from './approval/approver.ts';
export type { ApprovalEndpoint, SignedApproval } from './approval/approver.ts';
export { initApprover } from './approval/cli-commands.ts';
export { LocalAuthority } from './trust/local-authority.ts';
export { CertificateRelay, type PendingCertificate } from './trust/certificate-relay.ts';
export { initAuthority, signPending, nextRevocationList } from './authority-cli.ts';
