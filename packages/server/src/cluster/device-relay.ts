/**
 * Devices connect to any coordinator node (issue 14 item 2): a node that does not lead the task a
 * device checks in for relays that device's frames to the task's leader, and the leader's
 * answers back, over the node bus (node-bus.ts). The leader's round code is unchanged: it sees
 * the device as a `DeviceSession` whose link (`RelayedDeviceLink`) turns every call into a
 * message to the device's node.
 *
 * A check-in decides where a device's frames go until its next check-in: to this node when a
 * task it leads wants the device's streams, else to the node leading such a task, else nowhere
 * (this node tells it to come back later). A device leaves the leader when its socket closes
 * ('gone': the leader drops it from its round like any disconnect), and is sent back to check in
 * when its leader stops leading.
 *
 * What crosses the bus: the device's frames as it sent them (re-encoded; the leader decodes them
 * with the same size caps), and what the leader sends, encoded once per device — except masked
 * inputs under secure aggregation. Those stay on the device's node: the leader asks it to collect
 * one before granting the upload ('collect'), the node checks the chunks as the leader would,
 * adds the complete vector to its partial sum for that round attempt (mod 2³², O(model) memory
 * whatever the number of devices) and says so ('uploaded'); when MaskedInput closes the leader
 * asks for the sum ('sum?') and gets it with the list of devices in it ('sum'). The sum is masked:
 * no node, and not the database, sees an update in the clear (Bonawitz et al. 2019, §4.2: the
 * Aggregators of Google's system sum their devices' inputs the same way). Plain rounds relay
 * updates whole.
 */
import { decodeFrame, DEFAULT_LIMITS, encodeFrame, type BodyName, type BodyOf, type Frame, type WireErrorCode, type WireLimits } from '@conclave/proto';
import type { Logger } from 'pino';
import type { DeviceLink, DeviceSession, RoundContext } from '../device-link.ts';
import { checkUploadChunk } from '../round/reports.ts';
import type { BusMessage, NodeBus } from './node-bus.ts';

const toBase64 = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('base64');
const fromBase64 = (s: unknown) => new Uint8Array(Buffer.from(typeof s === 'string' ? s : '', 'base64'));

interface ContextJson {
  taskId?: string;
  round?: number;
  attemptId?: string;
}

const contextToJson = (c: { taskId?: string; round?: number; attemptId?: Uint8Array } | undefined): ContextJson | undefined =>
  c && { ...(c.taskId !== undefined ? { taskId: c.taskId } : {}), ...(c.round !== undefined ? { round: c.round } : {}), ...(c.attemptId ? { attemptId: toBase64(c.attemptId) } : {}) };

const contextFromJson = (c: unknown): { taskId?: string; round?: number; attemptId?: Uint8Array } | undefined => {
  if (typeof c !== 'object' || c === null) return undefined;
  const j = c as ContextJson;
  return { ...(typeof j.taskId === 'string' ? { taskId: j.taskId } : {}), ...(typeof j.round === 'number' ? { round: j.round } : {}), ...(typeof j.attemptId === 'string' ? { attemptId: fromBase64(j.attemptId) } : {}) };
};

/** A device connected to another node, as the leader's round code sees it: every call is a message to that node. */
export class RelayedDeviceLink implements DeviceLink {
  constructor(
    readonly sessionId: string,
    readonly deviceId: string,
    /** The node the device is connected to. */
    readonly nodeId: string,
    private readonly bus: NodeBus,
  ) {}

  send<K extends BodyName>(body: K, message: BodyOf<K>): void {
    this.sendEncoded(encodeFrame(body, message));
  }

  sendEncoded(frame: Uint8Array): void {
    this.bus.send(this.nodeId, { t: 'send', sid: this.sessionId, f: toBase64(frame) });
  }

  error(code: WireErrorCode, message: string, fatal: boolean, context?: { taskId?: string; round?: number; attemptId?: Uint8Array }): void {
    this.bus.send(this.nodeId, { t: 'error', sid: this.sessionId, code, message, fatal, ...(context ? { ctx: contextToJson(context) } : {}) });
  }

  late(context: RoundContext, reason: string): void {
    this.bus.send(this.nodeId, { t: 'late', sid: this.sessionId, ctx: contextToJson(context), reason });
  }

  get relayNode(): string {
    return this.nodeId;
  }

  collectMaskedInput(context: RoundContext, words: number): void {
    this.bus.send(this.nodeId, { t: 'collect', sid: this.sessionId, ctx: contextToJson(context), words });
  }

  takeMaskedInput(context: RoundContext): void {
    this.bus.send(this.nodeId, { t: 'take', sid: this.sessionId, ctx: contextToJson(context) });
  }
}

/** One round attempt's key, as partial sums are kept. */
const attemptKey = (c: { taskId?: string; round?: number; attemptId?: Uint8Array }) => `${c.taskId ?? ''}#${c.round ?? 0}#${c.attemptId ? toBase64(c.attemptId) : ''}`;

export interface DeviceRelayOptions {
  bus: NodeBus;
  logger: Logger;
  /** Caps on the frames a leader decodes for relayed devices. @default DEFAULT_LIMITS */
  limits?: WireLimits;
  /** A task this node leads wants a device offering these streams. */
  wantedHere(streams: ReadonlySet<string>): boolean;
  /** Another node leading a task that wants these streams, if any. */
  leaderFor(streams: ReadonlySet<string>): string | undefined;
  /** This node's session of a device connected here, by session id. */
  localSession(sessionId: string): DeviceSession | undefined;
  /** The leader's side: a relayed device joins, leaves, sends a frame (the coordinator's own entry points). */
  addSession(session: DeviceSession): void;
  removeSession(session: DeviceSession, reason: string): void;
  handle(session: DeviceSession, frame: Frame): void;
  /** The leader's side: a device's node keeps its complete masked input of `context` in its partial sum. */
  maskedInputHeld(session: DeviceSession, nodeId: string, context: RoundContext): void;
  /** Suggested wait before a device whose leader went away checks in again. @default 500 */
  recheckMs?: number;
}

export class DeviceRelay {
  /** Devices connected here whose frames go to another node: session id → that node. */
  private readonly attached = new Map<string, string>();
  /** Devices connected to other nodes that check in here (this node leads their task): `node/session` → session. */
  private readonly relayed = new Map<string, DeviceSession>();
  /** On a device's node: masked inputs being received, by session id. */
  private readonly collecting = new Map<string, { key: string; ctx: RoundContext; buffer: Float32Array; received: number }>();
  /**
   * On a device's node: complete masked inputs the leader has not counted yet. One enters the
   * partial sum only when the leader takes it ('take'): one it refused (a device cut off at the
   * goal while its last chunk was on the way) must not be in the sum. At most the leader's
   * concurrent uploads are held at once: its upload slot stays taken until it decides.
   */
  private readonly held = new Map<string, { key: string; ctx: RoundContext; buffer: Float32Array }>();
  /** On a device's node: partial sums by round attempt (the newest attempt of each task only). */
  private readonly partials = new Map<string, { taskId: string; sum: Uint32Array; sessionIds: string[] }>();
  /** On the leader: partial sums asked for, by request id. */
  private readonly asked = new Map<number, (answer: { sessionIds: string[]; sum: Uint8Array } | undefined) => void>();
  private nextRequest = 1;

  constructor(private readonly o: DeviceRelayOptions) {
    o.bus.onMessage((from, m) => this.receive(from, m));
  }

  /** Devices of other nodes that this node's rounds see now. */
  get relayedDevices(): number {
    return this.relayed.size;
  }

  /** Devices connected here whose frames go to another node now. */
  get attachedDevices(): number {
    return this.attached.size;
  }

  /** This device's frames go to another node (which decides when it comes back). */
  isAttached(sessionId: string): boolean {
    return this.attached.has(sessionId);
  }

  /**
   * A frame from a device connected here: true when it went to another node (the caller then
   * does nothing more with it). A check-in decides where this device's frames go from now on.
   */
  forward(session: DeviceSession, frame: Frame): boolean {
    if (session.link instanceof RelayedDeviceLink) return false;
    const sid = session.link.sessionId;
    if (frame.body === 'checkIn') {
      const streams = new Set(frame.message.streams ?? []);
      const leader = frame.message.eligible && !this.o.wantedHere(streams) ? this.o.leaderFor(streams) : undefined;
      const current = this.attached.get(sid);
      if (current && current !== leader) {
        // The old leader drops it like a disconnect; an ineligible device is answered here.
        this.detach(sid, frame.message.eligible ? 'the device checked in for a task led elsewhere' : 'device is no longer eligible');
      }
      if (!leader) return false;
      if (current !== leader) {
        this.attached.set(sid, leader);
        this.o.bus.send(leader, { t: 'attach', sid, dev: session.link.deviceId });
      }
      session.checkIn = undefined;
    }
    const leader = this.attached.get(sid);
    if (!leader) return false;
    if (frame.body === 'uploadChunk' && this.collectChunk(session, leader, frame.message)) return true;
    this.o.bus.send(leader, { t: 'frame', sid, f: toBase64(encodeFrame(frame.body, frame.message)) });
    return true;
  }

  /**
   * A chunk of a masked input this node was asked to keep: checked as the leader would, copied,
   * and once complete added to the round attempt's partial sum. A chunk that does not fit goes to
   * the leader, which refuses it with its own error.
   */
  private collectChunk(session: DeviceSession, leader: string, m: Extract<Frame, { body: 'uploadChunk' }>['message']): boolean {
    const sid = session.link.sessionId;
    const up = this.collecting.get(sid);
    if (!up || attemptKey({ taskId: m.taskId ?? '', round: m.round ?? 0, attemptId: m.attemptId ?? new Uint8Array(0) }) !== up.key) return false;
    const verdict = checkUploadChunk(m, up);
    if (!verdict.ok) {
      this.collecting.delete(sid);
      return false;
    }
    const { offset, data } = verdict.value;
    new Uint8Array(up.buffer.buffer).set(data, offset);
    up.received += data.byteLength;
    if (up.received < up.buffer.byteLength) return true;
    this.collecting.delete(sid);
    this.held.set(sid, { key: up.key, ctx: up.ctx, buffer: up.buffer });
    this.o.bus.send(leader, { t: 'uploaded', sid, ctx: contextToJson(up.ctx) });
    return true;
  }

  /** The leader counted a held masked input: it goes into the round attempt's partial sum, and its buffer is freed. */
  private take(sid: string, key: string): void {
    const h = this.held.get(sid);
    if (!h || h.key !== key) return;
    this.held.delete(sid);
    let partial = this.partials.get(key);
    if (!partial || partial.sum.length !== h.buffer.length) {
      // A task keeps the partial sum of its newest attempt only.
      for (const [k, p] of this.partials) if (p.taskId === h.ctx.taskId) this.partials.delete(k);
      partial = { taskId: h.ctx.taskId, sum: new Uint32Array(h.buffer.length), sessionIds: [] };
      this.partials.set(key, partial);
    }
    // Uint32Array stores reduce mod 2^32: the masked inputs add as the leader's protocol would add them.
    const input = new Uint32Array(h.buffer.buffer, h.buffer.byteOffset, h.buffer.length);
    const sum = partial.sum;
    for (let i = 0; i < sum.length; i++) sum[i] = sum[i]! + input[i]!;
    partial.sessionIds.push(sid);
  }

  /** The leader's side: asks `nodeId` for its partial sum of `context`; undefined when no answer came within `timeoutMs`. */
  requestPartialSum(nodeId: string, context: RoundContext, timeoutMs: number): Promise<{ sessionIds: string[]; sum: Uint8Array } | undefined> {
    const rid = this.nextRequest++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.asked.delete(rid);
        resolve(undefined);
      }, timeoutMs);
      timer.unref?.();
      this.asked.set(rid, (answer) => {
        clearTimeout(timer);
        this.asked.delete(rid);
        resolve(answer);
      });
      this.o.bus.send(nodeId, { t: 'sum?', rid, ctx: contextToJson(context) });
    });
  }

  /** A device connected here disconnected: its leader drops it. */
  sessionGone(session: DeviceSession, reason: string): void {
    if (session.link instanceof RelayedDeviceLink) {
      this.relayed.delete(`${session.link.nodeId}/${session.link.sessionId}`);
      return;
    }
    // A held masked input stays: the leader may have counted it already ('take' on its way).
    this.collecting.delete(session.link.sessionId);
    this.detach(session.link.sessionId, reason);
  }

  private detach(sid: string, reason: string): void {
    const leader = this.attached.get(sid);
    if (!leader) return;
    this.attached.delete(sid);
    this.o.bus.send(leader, { t: 'gone', sid, reason });
  }

  /**
   * The nodes that lead tasks now: devices relayed to a node that no longer leads anything are
   * asked to check in again, and go to the new leader (or stay here).
   */
  leadersChanged(leading: ReadonlySet<string>): void {
    for (const [sid, leader] of [...this.attached]) {
      if (leading.has(leader)) continue;
      this.attached.delete(sid);
      const session = this.o.localSession(sid);
      if (!session) continue;
      session.activeTaskId = undefined;
      session.link.send('comeBackLater', { retryAfterMs: this.o.recheckMs ?? 500, reason: `coordinator node "${leader}" stopped leading; check in again` });
    }
  }

  private receive(from: string, m: BusMessage): void {
    const sid = typeof m.sid === 'string' ? m.sid : '';
    switch (m.t) {
      // ---- on the leader: a device of node `from` ----
      case 'attach': {
        const key = `${from}/${sid}`;
        const old = this.relayed.get(key);
        if (old) this.o.removeSession(old, 'attached again');
        const session: DeviceSession = { link: new RelayedDeviceLink(sid, typeof m.dev === 'string' ? m.dev : '', from, this.o.bus), bytesIn: 0, bytesOut: 0 };
        this.relayed.set(key, session);
        this.o.addSession(session);
        return;
      }
      case 'frame': {
        const session = this.relayed.get(`${from}/${sid}`);
        if (!session) return;
        const bytes = fromBase64(m.f);
        session.bytesIn += bytes.byteLength;
        let frame: Frame;
        try {
          frame = decodeFrame(bytes, this.o.limits ?? DEFAULT_LIMITS);
        } catch (err) {
          return session.link.error('MALFORMED_FRAME', `relayed frame: ${(err as Error).message}`, true);
        }
        this.o.handle(session, frame);
        return;
      }
      case 'gone': {
        const session = this.relayed.get(`${from}/${sid}`);
        if (!session) return;
        this.relayed.delete(`${from}/${sid}`);
        this.o.removeSession(session, typeof m.reason === 'string' ? m.reason : 'gone');
        return;
      }
      case 'uploaded': {
        const session = this.relayed.get(`${from}/${sid}`);
        const ctx = contextFromJson(m.ctx);
        if (!session || !ctx?.taskId) return;
        this.o.maskedInputHeld(session, from, { taskId: ctx.taskId, round: ctx.round ?? 0, attemptId: ctx.attemptId ?? new Uint8Array(0) });
        return;
      }
      case 'sum': {
        const answer = this.asked.get(typeof m.rid === 'number' ? m.rid : 0);
        const sessionIds = Array.isArray(m.sids) ? m.sids.filter((s): s is string => typeof s === 'string') : [];
        answer?.(typeof m.v === 'string' ? { sessionIds, sum: fromBase64(m.v) } : undefined);
        return;
      }
      // ---- on the device's node: what its leader sends it ----
      case 'collect': {
        const ctx = contextFromJson(m.ctx);
        const words = typeof m.words === 'number' && Number.isInteger(m.words) && m.words > 0 && m.words <= 1 << 28 ? m.words : 0;
        if (!ctx?.taskId || !words || !this.o.localSession(sid)) return;
        const context = { taskId: ctx.taskId, round: ctx.round ?? 0, attemptId: ctx.attemptId ?? new Uint8Array(0) };
        this.collecting.set(sid, { key: attemptKey(context), ctx: context, buffer: new Float32Array(words), received: 0 });
        return;
      }
      case 'take': {
        this.take(sid, attemptKey(contextFromJson(m.ctx) ?? {}));
        return;
      }
      case 'sum?': {
        const ctx = contextFromJson(m.ctx) ?? {};
        const key = attemptKey(ctx);
        const partial = this.partials.get(key);
        this.partials.delete(key);
        for (const [sid, h] of [...this.held]) if (h.key === key) this.held.delete(sid);
        const sum = partial?.sum ?? new Uint32Array(0);
        this.o.bus.send(from, { t: 'sum', rid: m.rid, sids: partial?.sessionIds ?? [], v: toBase64(new Uint8Array(sum.buffer, sum.byteOffset, sum.byteLength)) });
        return;
      }
      case 'send': {
        this.o.localSession(sid)?.link.sendEncoded(fromBase64(m.f));
        return;
      }
      case 'error': {
        const session = this.o.localSession(sid);
        if (!session) return;
        // A fatal error closes the socket; its close tells the leader the device is gone.
        session.link.error(m.code as WireErrorCode, typeof m.message === 'string' ? m.message : '', m.fatal === true, contextFromJson(m.ctx));
        return;
      }
      case 'late': {
        const ctx = contextFromJson(m.ctx);
        this.o.localSession(sid)?.link.late({ taskId: ctx?.taskId ?? '', round: ctx?.round ?? 0, attemptId: ctx?.attemptId ?? new Uint8Array(0) }, typeof m.reason === 'string' ? m.reason : '');
        return;
      }
      default:
        this.o.logger.warn({ from, kind: m.t }, 'unknown message from another coordinator node; ignored');
    }
  }
}
