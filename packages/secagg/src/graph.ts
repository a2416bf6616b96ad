/**
 * The SecAgg+ neighbour graph (Bell et al., CCS 2020, §3–4): a Harary graph H(k, n) — a ring
 * in which each node is joined to the k/2 nearest nodes on each side — over a uniformly random
 * ordering of the cohort. Every node has degree exactly k, and the graph stays connected unless
 * two disjoint runs of k/2 consecutive ring positions are all removed, which is what
 * `chooseGraphParameters` bounds. k = n − 1 is the complete graph, i.e. Bonawitz et al. 2017.
 *
 * The ordering is a Fisher–Yates shuffle driven by SHA-512 in counter mode over the round's
 * `graphSeed` (sync and isomorphic through tweetnacl's SHA-512), so every client and the server
 * derive the same graph from the round configuration without another message.
 */
import nacl from 'tweetnacl';
import { concatBytes, u32be, utf8 } from './bytes.ts';
import { SecAggError } from './errors.ts';

const GRAPH_DOMAIN = utf8('conclave/secagg/v1 graph');

/** Deterministic stream of uint32 values: SHA-512(domain ‖ seed ‖ u32be(block)). */
class HashStream {
  readonly #prefix: Uint8Array;
  #block = 0;
  #words = new Uint32Array(0);
  #next = 0;

  constructor(seed: Uint8Array) {
    this.#prefix = concatBytes(GRAPH_DOMAIN, seed);
  }

  nextUint32(): number {
    if (this.#next >= this.#words.length) {
      const digest = nacl.hash(concatBytes(this.#prefix, u32be(this.#block++)));
      const view = new DataView(digest.buffer, digest.byteOffset, digest.byteLength);
      this.#words = new Uint32Array(16);
      for (let i = 0; i < 16; i++) this.#words[i] = view.getUint32(4 * i, true);
      this.#next = 0;
    }
    return this.#words[this.#next++] as number;
  }

  /** Uniform integer in [0, bound) by rejection (no modulo bias). */
  below(bound: number): number {
    const limit = 0x1_0000_0000 - (0x1_0000_0000 % bound);
    for (;;) {
      const w = this.nextUint32();
      if (w < limit) return w % bound;
    }
  }
}

export class NeighbourGraph {
  readonly size: number;
  readonly degree: number;
  /** ring position → client id (1-based ids) */
  readonly #order: Int32Array;
  /** client id → ring position */
  readonly #position: Int32Array;
  readonly #cache = new Map<number, Int32Array>();

  /**
   * @param size cohort size n; client ids are 1 … n
   * @param degree k: even and ≤ n − 2 for a Harary graph, or n − 1 for the complete graph
   */
  constructor(size: number, degree: number, seed: Uint8Array) {
    if (!Number.isInteger(size) || size < 2) throw new SecAggError('INVALID_CONFIG', `cohort size ${size} must be an integer ≥ 2`);
    const complete = degree === size - 1;
    if (!Number.isInteger(degree) || degree < 1 || degree > size - 1 || (!complete && degree % 2 !== 0)) {
      throw new SecAggError('INVALID_CONFIG', `degree ${degree} must be even and ≤ ${size - 2}, or exactly ${size - 1} (complete graph)`);
    }
    this.size = size;
    this.degree = degree;
    this.#order = new Int32Array(size);
    this.#position = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) this.#order[i] = i + 1;
    if (!complete) {
      const stream = new HashStream(seed);
      for (let i = size - 1; i > 0; i--) {
        const j = stream.below(i + 1);
        const tmp = this.#order[i] as number;
        this.#order[i] = this.#order[j] as number;
        this.#order[j] = tmp;
      }
    }
    for (let i = 0; i < size; i++) this.#position[this.#order[i] as number] = i;
  }

  get isComplete(): boolean {
    return this.degree === this.size - 1;
  }

  hasClient(id: number): boolean {
    return Number.isInteger(id) && id >= 1 && id <= this.size;
  }

  /** The k neighbours of `id`, sorted ascending. Shares of `id` go to them, in this order. */
  neighbours(id: number): Int32Array {
    let list = this.#cache.get(id);
    if (list !== undefined) return list;
    if (!this.hasClient(id)) throw new SecAggError('UNKNOWN_CLIENT', `client ${id} is not in a cohort of ${this.size}`, { clientId: id });
    list = new Int32Array(this.degree);
    if (this.isComplete) {
      let o = 0;
      for (let v = 1; v <= this.size; v++) if (v !== id) list[o++] = v;
    } else {
      const p = this.#position[id] as number;
      const half = this.degree / 2;
      let o = 0;
      for (let d = 1; d <= half; d++) {
        list[o++] = this.#order[(p + d) % this.size] as number;
        list[o++] = this.#order[(p - d + this.size) % this.size] as number;
      }
      list.sort();
    }
    this.#cache.set(id, list);
    return list;
  }

  areNeighbours(u: number, v: number): boolean {
    return this.shareX(u, v) !== 0;
  }

  /**
   * The Shamir x-coordinate of holder `holder`'s share of `owner`'s secrets: its 1-based
   * position in owner's sorted neighbour list, or 0 when they are not neighbours.
   */
  shareX(owner: number, holder: number): number {
    const list = this.neighbours(owner);
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = list[mid] as number;
      if (v === holder) return mid + 1;
      if (v < holder) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Ring order (for tests and analysis). */
  ringOrder(): Int32Array {
    return this.#order.slice();
  }
}
