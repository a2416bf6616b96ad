/**
 * Synchronous RFC 9162 proof generation for the coordinator, which answers each selected device
 * in the same turn as it sends the plan. Node's SHA-256; subtree roots memoized per range, so a
 * proof costs O(log n) lookups once the tree is built. Tested against the portable generator
 * and verifiers of @conclave/proto (test/log-proofs.test.ts).
 */
import { createHash } from 'node:crypto';
import { taskStatementBytes, type TaskStatement } from '@conclave/proto';

const sha256 = (...parts: Uint8Array[]): Uint8Array => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
};
const LEAF = new Uint8Array([0]);
const NODE = new Uint8Array([1]);

export function leafHashOf(statement: TaskStatement): Uint8Array {
  return sha256(LEAF, taskStatementBytes(statement));
}

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The leaves of a log and the roots of its subtrees, memoized. */
export class MerkleLog {
  readonly #leaves: Uint8Array[] = [];
  readonly #memo = new Map<string, Uint8Array>();

  get size(): number {
    return this.#leaves.length;
  }

  append(leafHash: Uint8Array): void {
    this.#leaves.push(leafHash);
  }

  /** MTH(D[from:to]). */
  root(from = 0, to = this.#leaves.length): Uint8Array {
    const n = to - from;
    if (n === 0) return sha256();
    if (n === 1) return this.#leaves[from] as Uint8Array;
    const key = `${from}:${to}`;
    let hit = this.#memo.get(key);
    if (!hit) {
      const k = split(n);
      hit = sha256(NODE, this.root(from, from + k), this.root(from + k, to));
      // A range's root depends on its own leaves only, which never change: always reusable.
      this.#memo.set(key, hit);
    }
    return hit;
  }

  /** PATH(index, D[0:size]) (RFC 9162 §2.1.3.1). */
  inclusion(index: number, size = this.#leaves.length): Uint8Array[] {
    if (!(index >= 0 && index < size && size <= this.#leaves.length)) throw new RangeError(`leaf ${index} is not in a tree of ${size}`);
    const path = (m: number, from: number, to: number): Uint8Array[] => {
      const n = to - from;
      if (n <= 1) return [];
      const k = split(n);
      return m < k ? [...path(m, from, from + k), this.root(from + k, to)] : [...path(m - k, from + k, to), this.root(from, from + k)];
    };
    return path(index, 0, size);
  }

  /** PROOF(m, D[0:size]) (RFC 9162 §2.1.4.1); empty for m = 0 or m = size. */
  consistency(m: number, size = this.#leaves.length): Uint8Array[] {
    if (!(m >= 0 && m <= size && size <= this.#leaves.length)) throw new RangeError(`no consistency proof from ${m} to ${size}`);
    if (m === 0 || m === size) return [];
    const sub = (m: number, from: number, to: number, complete: boolean): Uint8Array[] => {
      const n = to - from;
      if (m === n) return complete ? [] : [this.root(from, to)];
      const k = split(n);
      return m <= k ? [...sub(m, from, from + k, complete), this.root(from + k, to)] : [...sub(m - k, from + k, to, false), this.root(from, from + k)];
    };
    return sub(m, 0, size, true);
  }
}
