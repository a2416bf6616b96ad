/**
 * The closed set of error codes that travel on the wire, and the WebSocket close code used when
 * one of them ends a connection (4000–4999 is the application range of RFC 6455 §7.4.2).
 */
export const WIRE_ERROR_CODES = {
  PROTOCOL_VERSION: 4001,
  MALFORMED_FRAME: 4002,
  MESSAGE_TOO_LARGE: 4003,
  UNEXPECTED_MESSAGE: 4004,
  HELLO_TIMEOUT: 4005,
  /** A newer authenticated session of the same device identity took this one's place (one session per device). */
  SESSION_REPLACED: 4006,
  STALE_UPDATE: 4010,
  ROUND_CLOSED: 4011,
  WRONG_LENGTH: 4012,
  NOT_SELECTED: 4013,
  INVALID_REPORT: 4014,
  UNAUTHENTICATED: 4020,
  DEVICE_REVOKED: 4021,
  SERVER_SHUTTING_DOWN: 4030,
  /** Too many connections have not finished the Hello handshake: this one is refused at once. */
  TOO_MANY_UNAUTHENTICATED: 4031,
  /** The coordinator holds as many connections as it is configured for. */
  TOO_MANY_CONNECTIONS: 4032,
  /** The device sent more frames per second than the coordinator accepts from one connection. */
  FRAME_RATE_EXCEEDED: 4040,
  /** The device sent more bytes per second than the coordinator accepts from one connection. */
  BYTE_RATE_EXCEEDED: 4041,
  /** The device does not read what the coordinator sends: its send buffer grew past the cap. */
  SLOW_READER: 4042,
  INTERNAL: 4099,
} as const;

export type WireErrorCode = keyof typeof WIRE_ERROR_CODES;

export function isWireErrorCode(code: string): code is WireErrorCode {
  return Object.hasOwn(WIRE_ERROR_CODES, code);
}

/** An error that names its stable wire code. */
export class ProtoError extends Error {
  override readonly name = 'ProtoError';
  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
  }

  /** The WebSocket close code for this error when it ends a connection. */
  get closeCode(): number {
    return WIRE_ERROR_CODES[this.code];
  }
}
