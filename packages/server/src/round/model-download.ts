/**
 * The current model as devices download it: its weight bytes, and the ModelChunk frames of
 * that version, encoded once and sent to every selected device that does not have it cached.
 */
import { chunks, encodeFrame, float32ToBytes } from '@conclave/proto';

export class ModelDownload {
  private bytes: Uint8Array;
  private frames: { version: number; frames: Uint8Array[] } | undefined;

  constructor(
    private readonly taskId: string,
    private readonly chunkBytes: number,
    weights: Float32Array,
  ) {
    this.bytes = float32ToBytes(weights);
  }

  /** A new model version was committed. */
  update(weights: Float32Array): void {
    this.bytes = float32ToBytes(weights);
    this.frames = undefined;
  }

  get byteLength(): number {
    return this.bytes.byteLength;
  }

  /** The encoded frames of `version` (the current model). */
  framesOf(version: number): Uint8Array[] {
    if (this.frames?.version !== version) {
      const frames = [...chunks(this.bytes, this.chunkBytes)].map(({ offset, data }) =>
        encodeFrame('modelChunk', { taskId: this.taskId, modelVersion: version, offset, data }),
      );
      this.frames = { version, frames };
    }
    return this.frames.frames;
  }
}
