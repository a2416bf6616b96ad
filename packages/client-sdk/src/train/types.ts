import type { DistributedEncoding } from '@conclave/dp';

/** One recorded example, as the tool records it. Never leaves the device. */
export interface Example {
  /** Raw text, featurized on the device by the task's feature spec (e.g. hashed bag of words). */
  text?: string;
  /** Or numeric features, for tasks whose feature spec is `{ kind: 'dense', dim }`. */
  features?: number[];
  /** The label: 0/1 for binary tasks, a class index for categorical ones, a value for regression. */
  label: number;
}

/** Everything a trainer needs for one round; self-contained so it can cross a worker boundary. */
export interface TrainJob {
  /** JSON of `{ modelTopology, weightSpecs }`. */
  topologyJson: string;
  featuresJson: string;
  loss: string;
  /** Global weights, flat, in weightSpecs order. */
  weights: Float32Array;
  examples: Example[];
  evalExamples: Example[];
  localEpochs: number;
  batchSize: number;
  learningRate: number;
  proxMu: number;
  seed?: number;
  /**
   * Distributed DP: also encode the update with this device's noise share (clip, rotate, round,
   * discrete Gaussian), here off the host's thread, into `TrainOutput.encoded`.
   */
  distributedDp?: { plan: DistributedEncoding; rotationSeed: number };
}

export interface EvalOutput {
  examples: number;
  loss: number;
  accuracy: number;
}

export interface TrainOutput {
  /** local − global, in weightSpecs order. */
  delta: Float32Array;
  numExamples: number;
  trainLoss: number;
  /** The received global model evaluated on the held-out examples before training. */
  evalBefore: EvalOutput;
  /** With `TrainJob.distributedDp`: the encoded update, mod 2^bits. */
  encoded?: Uint32Array;
}

export type EvalJob = Omit<TrainJob, 'examples' | 'localEpochs' | 'batchSize' | 'learningRate' | 'proxMu'>;

/** Runs training off (or, inline, on) the host's thread. */
export interface Trainer {
  train(job: TrainJob, onProgress?: (fraction: number) => void): Promise<TrainOutput>;
  evaluate(job: EvalJob): Promise<EvalOutput>;
  close(): Promise<void>;
}
