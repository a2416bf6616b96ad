/**
 * The Merkle tree of a transparency log, exactly as RFC 9162 §2.1 (Certificate Transparency
 * 2.0, unchanged from RFC 6962 §2.1) defines it, with SHA-256:
 *
 *   MTH({})        = SHA-256()
 *   MTH({d})       = SHA-256(0x00 ‖ d)                 -- a leaf
 *   MTH(D[n])      = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])), k the largest power of 2 < n
 *
 * The 0x00 / 0x01 prefixes keep a leaf from ever being read as an inner node (second-preimage
 * resistance). Inclusion proofs (§2.1.3) show that one leaf is in a tree of a given size;
 * consistency proofs (§2.1.4) show that a tree of size m is a prefix of a tree of size n, i.e.
 * that the log only ever grew. Both verifiers follow the RFC's algorithms step by step.
 *
 * The functions work on leaf hashes (`merkleLeafHash` of each entry), so callers hash each entry
 * once.
 */
import { SHA256_LENGTH, bytesEqual, sha256 } from './digest.ts';

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** The hash of a leaf: SHA-256(0x00 ‖ data) (RFC 9162 §2.1.1). */
export async function merkleLeafHash(data: Uint8Array): Promise<Uint8Array> {
  const input = new Uint8Array(1 + data.length);
  input[0] = LEAF_PREFIX;
  input.set(data, 1);
  return sha256(input);
}

/** The hash of an inner node: SHA-256(0x01 ‖ left ‖ right). */
export async function merkleNodeHash(left: Uint8Array, right: Uint8Array): Promise<Uint8Array> {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/** The largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH of the leaves with these hashes (RFC 9162 §2.1.1). */
export async function merkleRoot(leafHashes: readonly Uint8Array[]): Promise<Uint8Array> {
  const n = leafHashes.length;
  if (n === 0) return sha256(new Uint8Array(0));
  if (n === 1) return (leafHashes[0] as Uint8Array).slice();
  const k = split(n);
  return merkleNodeHash(await merkleRoot(leafHashes.slice(0, k)), await merkleRoot(leafHashes.slice(k)));
}

function checkSize(what: string, value: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) throw new RangeError(`${what} must be an integer in [0, ${max}], got ${value}`);
}

/** PATH(m, D[n]): the audit path of leaf `index` in the tree of `leafHashes` (RFC 9162 §2.1.3.1). */
export async function merkleInclusionProof(index: number, leafHashes: readonly Uint8Array[]): Promise<Uint8Array[]> {
  checkSize('leaf index', index, leafHashes.length - 1);
  return path(index, leafHashes);
}

async function path(m: number, d: readonly Uint8Array[]): Promise<Uint8Array[]> {
  const n = d.length;
  if (n <= 1) return [];
  const k = split(n);
  if (m < k) return [...(await path(m, d.slice(0, k))), await merkleRoot(d.slice(k))];
  return [...(await path(m - k, d.slice(k))), await merkleRoot(d.slice(0, k))];
}

/**
 * PROOF(m, D[n]): that the first `size1` leaves are a prefix of all `leafHashes` (RFC 9162
 * §2.1.4.1). Empty when size1 is 0 or equals the tree's size.
 */
export async function merkleConsistencyProof(size1: number, leafHashes: readonly Uint8Array[]): Promise<Uint8Array[]> {
  checkSize('first tree size', size1, leafHashes.length);
  if (size1 === 0 || size1 === leafHashes.length) return [];
  return subproof(size1, leafHashes, true);
}

async function subproof(m: number, d: readonly Uint8Array[], complete: boolean): Promise<Uint8Array[]> {
  const n = d.length;
  if (m === n) return complete ? [] : [await merkleRoot(d)];
  const k = split(n);
  if (m <= k) return [...(await subproof(m, d.slice(0, k), complete)), await merkleRoot(d.slice(k))];
  return [...(await subproof(m - k, d.slice(k), false)), await merkleRoot(d.slice(0, k))];
}

const odd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/**
 * True when `proof` shows the leaf with hash `leafHash` at `index` in the tree of `treeSize`
 * leaves whose root is `root` (RFC 9162 §2.1.3.2).
 */
export async function verifyMerkleInclusion(input: {
  readonly index: number;
  readonly treeSize: number;
  readonly leafHash: Uint8Array;
  readonly proof: readonly Uint8Array[];
  readonly root: Uint8Array;
}): Promise<boolean> {
  const { index, treeSize, leafHash, proof, root } = input;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  if (leafHash.length !== SHA256_LENGTH || root.length !== SHA256_LENGTH || proof.some((p) => p.length !== SHA256_LENGTH)) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = await merkleNodeHash(p, r);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = await merkleNodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}

/**
 * True when `proof` shows that the tree of `size1` leaves with root `root1` is a prefix of the
 * tree of `size2` leaves with root `root2` (RFC 9162 §2.1.4.2). Equal sizes need equal roots and
 * an empty proof; any tree extends the empty one.
 */
export async function verifyMerkleConsistency(input: {
  readonly size1: number;
  readonly size2: number;
  readonly root1: Uint8Array;
  readonly root2: Uint8Array;
  readonly proof: readonly Uint8Array[];
}): Promise<boolean> {
  const { size1, size2, root1, root2 } = input;
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 0 || size2 < size1) return false;
  if (root1.length !== SHA256_LENGTH || root2.length !== SHA256_LENGTH || input.proof.some((p) => p.length !== SHA256_LENGTH)) return false;
  if (size1 === size2) return input.proof.length === 0 && bytesEqual(root1, root2);
  if (size1 === 0) return input.proof.length === 0;
  if (input.proof.length === 0) return false;
  // Step 2: a first tree that is a complete subtree is itself the first node of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...input.proof] : [...input.proof];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as Uint8Array;
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = await merkleNodeHash(c, fr);
      sr = await merkleNodeHash(c, sr);
      if (!odd(fn)) {
        while (!odd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = await merkleNodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(fr, root1) && bytesEqual(sr, root2);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}
