import type { BodyName, BodyOf, WireErrorCode } from '@conclave/proto';

/** The round attempt a message belongs to (PROTOCOL.md §6). */
export interface RoundContext {
  taskId: string;
  round: number;
  attemptId: Uint8Array;
}

/**
 * What the coordinator's round logic sees of one connected device. The WebSocket adapter
 * implements it; tests and the in-process bench can implement it without sockets.
 */
export interface DeviceLink {
  readonly sessionId: string;
  readonly deviceId: string;
  send<K extends BodyName>(body: K, message: BodyOf<K>): void;
  /** Sends an already encoded frame (model chunks are encoded once and shared by the cohort). */
  sendEncoded(frame: Uint8Array): void;
  /** Sends an Error frame. When `fatal`, the connection is closed with the code's close code. */
  error(code: WireErrorCode, message: string, fatal: boolean, context?: { taskId?: string; round?: number; attemptId?: Uint8Array }): void;
  /**
   * A message this device sent for `context` arrived after that round attempt closed: it is told
   * so once per attempt (RoundClosed with `late`), never with an error, and the coordinator counts
   * it (`conclave_late_reports_total`) and logs it at info.
   */
  late(context: RoundContext, reason: string): void;
  /** The running hash of the frames received on this connection (PROTOCOL.md, frame digests), where the transport keeps one. */
  frameDigest?(): { frames: number; runningHash: string };
  /**
   * Several coordinator nodes: the coordinator node this device is connected to, when it is not
   * this one (cluster/device-relay.ts). Its masked input is summed there.
   */
  readonly relayNode?: string;
  /**
   * Several nodes: the device's node keeps this device's masked input of `context` (`words`
   * entries) and adds it to its partial sum, sending the leader only that sum; called before the
   * UploadGrant is sent.
   */
  collectMaskedInput?(context: RoundContext, words: number): void;
  /** Several nodes: the round counted the masked input the device's node holds: it goes into that node's partial sum. */
  takeMaskedInput?(context: RoundContext): void;
}

/** A device's latest check-in, as the round logic uses it. */
export interface CheckInState {
  streams: Set<string>;
  eligible: boolean;
  cached: Map<string, number>;
  at: number;
  /** Size of the newest transparency-log head the device accepted (CheckIn.known_log_size). */
  knownLogSize?: number;
}

export interface DeviceSession {
  link: DeviceLink;
  checkIn?: CheckInState;
  /** The round this device is in, if any (a device takes part in one round at a time). */
  activeTaskId?: string;
  bytesIn: number;
  bytesOut: number;
}
