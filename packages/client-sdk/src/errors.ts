/** Stable codes for what the SDK refuses or fails at. */
export type ClientErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_EXAMPLE'
  | 'CLIENT_STOPPED'
  | 'PROTOCOL_VERSION'
  | 'SERVER_ERROR'
  | 'TRAINING_FAILED'
  | 'CONNECTION_FAILED'
  | 'NOT_ENROLLED'
  /** A newer session of this device identity took this one's place at the coordinator; the device stopped reconnecting. */
  | 'SESSION_REPLACED'
  /** An argument to an SDK method is out of its documented domain (pause duration, stream name, cap). */
  | 'INVALID_ARGUMENT'
  /** The employee paused or revoked consent; the device left the round (as a dropout). */
  | 'CONSENT_WITHDRAWN'
  /** The employee tried to set a personal privacy cap above the organisation's default. */
  | 'PRIVACY_CAP_RAISED'
  /** A ledger entry is malformed or carries a field beyond the ledger's schema. */
  | 'INVALID_LEDGER_ENTRY'
  /** Persisted device state (key file, consent, ledger, encrypted examples) cannot be read. */
  | 'STORAGE_CORRUPT'
  /** A store or manager was used after close(). */
  | 'STORAGE_CLOSED';

/** The SDK's one error class. `serverCode` carries the coordinator's wire code when there is one. */
export class ClientError extends Error {
  override readonly name = 'ClientError';
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly serverCode?: string,
  ) {
    super(message);
  }
}
