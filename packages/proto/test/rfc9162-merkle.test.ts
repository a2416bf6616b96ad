/**
 * The transparency log's Merkle tree against the published RFC 6962 / RFC 9162 test vectors of
 * the Certificate Transparency project, as kept in transparency-dev/merkle
 * (proof/verify_test.go: the eight leaves, the roots of every prefix, inclusion proofs
 * `inclusionProofs` with 1-based leaf numbers, consistency proofs `consistencyProofs`), and the
 * same corruptions that file applies (each must fail).
 */
import { describe, expect, it } from 'vitest';
import {
  fromHex,
  merkleConsistencyProof,
  merkleInclusionProof,
  merkleLeafHash,
  merkleRoot,
  toHex,
  verifyMerkleConsistency,
  verifyMerkleInclusion,
} from '../src/index.ts';

const h = (hex: string) => fromHex(hex, hex.length / 2, 'vector');
const LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((x) =>
  Uint8Array.from(x.match(/../g) ?? [], (b) => parseInt(b, 16)),
);
const EMPTY_ROOT = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
/** [leaf number (1-based, as in the source), tree size, audit path]. */
const INCLUSION: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [3, 3, ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125']],
  [2, 5, ['6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
];
/** [size1, size2, proof]. */
const CONSISTENCY: [number, number, string[]][] = [
  [1, 1, []],
  [1, 8, ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4']],
  [6, 8, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
  [2, 5, ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', 'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b']],
  [6, 7, ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7']],
];

const leafHashes = () => Promise.all(LEAVES.map(merkleLeafHash));
const flip = (b: Uint8Array, bit: number) => {
  const c = b.slice();
  c[0] = (c[0] as number) ^ (1 << bit);
  return c;
};

describe('RFC 9162 Merkle tree hash', () => {
  it('gives the published root of every prefix of the eight test leaves, and SHA-256("") when empty', async () => {
    const leaves = await leafHashes();
    expect(toHex(await merkleRoot([]))).toBe(EMPTY_ROOT);
    for (let n = 1; n <= 8; n++) expect(toHex(await merkleRoot(leaves.slice(0, n)))).toBe(ROOTS[n - 1]);
  });
});

describe('RFC 9162 inclusion proofs', () => {
  it('generates the published audit paths and verifies them', async () => {
    const leaves = await leafHashes();
    for (const [leaf, size, path] of INCLUSION) {
      const proof = await merkleInclusionProof(leaf - 1, leaves.slice(0, size));
      expect(proof.map(toHex)).toEqual(path);
      expect(await verifyMerkleInclusion({ index: leaf - 1, treeSize: size, leafHash: leaves[leaf - 1] as Uint8Array, proof, root: h(ROOTS[size - 1] as string) })).toBe(true);
    }
  });

  it('verifies every leaf of every tree up to 8 leaves', async () => {
    const leaves = await leafHashes();
    for (let n = 1; n <= 8; n++) {
      const root = await merkleRoot(leaves.slice(0, n));
      for (let i = 0; i < n; i++) {
        const proof = await merkleInclusionProof(i, leaves.slice(0, n));
        expect(await verifyMerkleInclusion({ index: i, treeSize: n, leafHash: leaves[i] as Uint8Array, proof, root })).toBe(true);
      }
    }
  });

  it('refuses the corruptions of verify_test.go (wrong index, size, leaf, root; garbage; flipped bits; removed or inserted hashes)', async () => {
    const leaves = await leafHashes();
    const someHash = h('abacaba000000000000000000000000000000000000000000060061e00123456');
    for (const [leaf, size, path] of INCLUSION.slice(1)) {
      const index = leaf - 1;
      const proof = path.map(h);
      const root = h(ROOTS[size - 1] as string);
      const leafHash = leaves[index] as Uint8Array;
      const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        [index - 1, size, root, leafHash, proof],
        [index + 1, size, root, leafHash, proof],
        [index ^ 2, size, root, leafHash, proof],
        [index, size * 2, root, leafHash, proof],
        [index, Math.floor(size / 2), root, leafHash, proof],
        [index, size, root, someHash, proof],
        [index, size, h(EMPTY_ROOT), leafHash, proof],
        [index, size, someHash, leafHash, proof],
        [index, size, root, leafHash, [...proof, new Uint8Array(0)]],
        [index, size, root, leafHash, [...proof, root]],
        [index, size, root, leafHash, [new Uint8Array(0), ...proof]],
        [index, size, root, leafHash, [root, ...proof]],
        ...proof.map((_, i): [number, number, Uint8Array, Uint8Array, Uint8Array[]] => [index, size, root, leafHash, proof.map((p, j) => (j === i ? flip(p, 3) : p))]),
        [index, size, root, leafHash, proof.slice(0, -1)],
        ...(proof.length > 1 ? [[index, size, root, leafHash, [proof[0] as Uint8Array, someHash, ...proof.slice(1)]] as [number, number, Uint8Array, Uint8Array, Uint8Array[]]] : []),
      ];
      for (const [i, s, r, l, p] of probes) {
        expect(await verifyMerkleInclusion({ index: i, treeSize: s, leafHash: l, proof: p, root: r }), `leaf ${leaf} of ${size}, probe ${i}/${s}`).toBe(false);
      }
    }
  });
});

describe('RFC 9162 consistency proofs', () => {
  it('generates the published proofs and verifies them', async () => {
    const leaves = await leafHashes();
    for (const [m, n, expected] of CONSISTENCY) {
      const proof = await merkleConsistencyProof(m, leaves.slice(0, n));
      expect(proof.map(toHex)).toEqual(expected);
      expect(await verifyMerkleConsistency({ size1: m, size2: n, root1: h(ROOTS[m - 1] as string), root2: h(ROOTS[n - 1] as string), proof })).toBe(true);
    }
  });

  it('verifies every pair of sizes up to 8, including from the empty tree', async () => {
    const leaves = await leafHashes();
    for (let n = 1; n <= 8; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = await merkleConsistencyProof(m, leaves.slice(0, n));
        const ok = await verifyMerkleConsistency({ size1: m, size2: n, root1: await merkleRoot(leaves.slice(0, m)), root2: await merkleRoot(leaves.slice(0, n)), proof });
        expect(ok, `${m} → ${n}`).toBe(true);
      }
    }
  });

  it('refuses the corruptions of verify_test.go, time travel and a fork', async () => {
    const someHash = h('abacaba000000000000000000000000000000000000000000060061e00123456');
    for (const [m, n, expected] of CONSISTENCY.filter(([, , p]) => p.length > 0)) {
      const proof = expected.map(h);
      const r1 = h(ROOTS[m - 1] as string);
      const r2 = h(ROOTS[n - 1] as string);
      const probes: [number, number, Uint8Array, Uint8Array, Uint8Array[]][] = [
        [m - 1, n, r1, r2, proof],
        [m + 1, n, r1, r2, proof],
        [m ^ 2, n, r1, r2, proof],
        [m, n * 2, r1, r2, proof],
        [m, Math.floor(n / 2), r1, r2, proof],
        [m, n, someHash, r2, proof],
        [m, n, r1, someHash, proof],
        [m, n, r2, r1, proof],
        [m, n, r1, r2, []],
        [m, n, r1, r2, [...proof, new Uint8Array(0)]],
        [m, n, r1, r2, [...proof, r1]],
        [m, n, r1, r2, [...proof, r2]],
        [m, n, r1, r2, [new Uint8Array(0), ...proof]],
        [m, n, r1, r2, [r1, ...proof]],
        [m, n, r1, r2, [r2, ...proof]],
        [m, n, r1, r2, [proof[0] as Uint8Array, ...proof]],
        [m, n, r1, r2, proof.slice(0, -1)],
        ...proof.map((_, i): [number, number, Uint8Array, Uint8Array, Uint8Array[]] => [m, n, r1, r2, proof.map((p, j) => (j === i ? flip(p, 4) : p))]),
      ];
      for (const [s1, s2, a, b, p] of probes) {
        expect(await verifyMerkleConsistency({ size1: s1, size2: s2, root1: a, root2: b, proof: p }), `${m} → ${n} probe ${s1}/${s2}`).toBe(false);
      }
    }
    // Time travel: a smaller second tree; equal sizes with different roots.
    expect(await verifyMerkleConsistency({ size1: 2, size2: 1, root1: h(ROOTS[1] as string), root2: h(ROOTS[0] as string), proof: [] })).toBe(false);
    expect(await verifyMerkleConsistency({ size1: 3, size2: 3, root1: h(ROOTS[2] as string), root2: someHash, proof: [] })).toBe(false);
    // A fork: the tree of leaves 0..2 then another leaf is not an extension of leaves 0..3.
    const leaves = await leafHashes();
    const forked = [...leaves.slice(0, 3), await merkleLeafHash(new Uint8Array([9]))];
    const proof = await merkleConsistencyProof(4, [...forked, ...leaves.slice(4)]);
    expect(await verifyMerkleConsistency({ size1: 4, size2: 8, root1: h(ROOTS[3] as string), root2: await merkleRoot([...forked, ...leaves.slice(4)]), proof })).toBe(false);
  });
});
