import { ProtoError, type WireErrorCode } from '@conclave/proto';

/** Stable codes for everything the coordinator refuses or fails at. */
export type ServerErrorCode =
  | WireErrorCode
  | 'INVALID_TASK'
  | 'TASK_NOT_FOUND'
  | 'TASK_NOT_RUNNING'
  | 'NOT_FOUND'
  | 'BAD_REQUEST'
  /** Admin API: the path exists, not with this method (405, with an Allow header). */
  | 'METHOD_NOT_ALLOWED'
  /** Admin API: a cookie-authenticated write without the CSRF header or a matching Origin. */
  | 'FORBIDDEN'
  /** `devices forget` while the device is in a round whose commit may still record it (409). */
  | 'DEVICE_IN_ROUND'
  | 'STORE_CORRUPT'
  /** Several nodes: a round commit or abort by a node whose lease on the task another node took over (the fencing epoch moved on). */
  | 'LEASE_LOST'
  /** The configured store cannot be reached (a PostgreSQL server down, refused credentials). */
  | 'STORE_UNAVAILABLE';

/** The coordinator's one error class. `wire` codes can be sent to devices as they are. */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  constructor(
    readonly code: ServerErrorCode,
    message: string,
    readonly httpStatus = 400,
  ) {
    super(message);
  }
}

/** Normalises any throwable at a boundary into a code and a message fit to show. */
export function toErrorInfo(err: unknown): { code: string; message: string } {
  if (err instanceof ServerError || err instanceof ProtoError) return { code: err.code, message: err.message };
  if (err instanceof Error) return { code: 'INTERNAL', message: err.message };
  return { code: 'INTERNAL', message: String(err) };
}
