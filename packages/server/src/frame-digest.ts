/**
 * The running hash of the frames one connection received from its device (PROTOCOL.md, "Frame
 * digests"): H₀ = SHA-256("conclave/v1/frames"), Hᵢ = SHA-256(Hᵢ₋₁ ‖ SHA-256(frameᵢ)). The device's
 * ledger computes the same over the frames it sent, so the two can be compared.
 */
import { createHash } from 'node:crypto';

export const FRAME_DIGEST_SEED = 'conclave/v1/frames';

export class FrameDigest {
  #running: Buffer = createHash('sha256').update(FRAME_DIGEST_SEED).digest();
  #frames = 0;

  /** Folds in one received frame, exactly as it arrived. */
  add(frame: Uint8Array): void {
    const sha = createHash('sha256').update(frame).digest();
    this.#running = createHash('sha256').update(this.#running).update(sha).digest();
    this.#frames++;
  }

  /** Hₙ after the frames so far, lowercase hex. */
  get runningHash(): string {
    return this.#running.toString('hex');
  }

  get frames(): number {
    return this.#frames;
  }
}
