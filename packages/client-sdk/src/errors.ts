/** Stable codes for what the SDK refuses or fails at. */
export type ClientErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_EXAMPLE'
  | 'CLIENT_STOPPED'
  | 'PROTOCOL_VERSION'
  | 'SERVER_ERROR'
  | 'TRAINING_FAILED'
  | 'CONNECTION_FAILED'
  | 'NOT_ENROLLED';

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
