/**
 * The coordinator's synchronous proof generator (node:crypto, memoized subtrees) against the
 * portable generator and the RFC 9162 verifiers of @conclave/proto, which are themselves tested
 * against the Certificate Transparency vectors (packages/proto/test/rfc9162-merkle.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { merkleConsistencyProof, merkleInclusionProof, merkleLeafHash, merkleRoot, toHex, verifyMerkleConsistency, verifyMerkleInclusion } from '@conclave/proto';
import { MerkleLog } from '../src/approval/log-proofs.ts';

describe('MerkleLog (coordinator, synchronous)', () => {
  it('gives the same roots and proofs as the portable generator, and they verify, for every size up to 21', async () => {
    const leaves = await Promise.all(Array.from({ length: 21 }, (_, i) => merkleLeafHash(new Uint8Array([i, i * 7]))));
    const log = new MerkleLog();
    for (const [n, leaf] of leaves.entries()) {
      log.append(leaf);
      const size = n + 1;
      const prefix = leaves.slice(0, size);
      const root = await merkleRoot(prefix);
      expect(toHex(log.root())).toBe(toHex(root));
      for (let i = 0; i < size; i++) {
        const proof = log.inclusion(i);
        expect(proof.map(toHex)).toEqual((await merkleInclusionProof(i, prefix)).map(toHex));
        expect(await verifyMerkleInclusion({ index: i, treeSize: size, leafHash: leaves[i]!, proof, root })).toBe(true);
      }
      for (let m = 0; m <= size; m++) {
        const proof = log.consistency(m);
        expect(proof.map(toHex)).toEqual((await merkleConsistencyProof(m, prefix)).map(toHex));
        expect(await verifyMerkleConsistency({ size1: m, size2: size, root1: await merkleRoot(leaves.slice(0, m)), root2: root, proof })).toBe(true);
      }
    }
    // Proofs for an older head of the same log.
    expect(log.inclusion(2, 5).map(toHex)).toEqual((await merkleInclusionProof(2, leaves.slice(0, 5))).map(toHex));
    expect(() => log.inclusion(5, 5)).toThrow(/leaf 5 is not in a tree of 5/);
  });
});
