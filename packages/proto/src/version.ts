import { ProtoError } from './errors.ts';

/**
 * The wire protocol version. Bump it on any incompatible change to conclave.proto or to the
 * message sequences of PROTOCOL.md, and keep a frozen fixture of the old frames in the tests.
 */
export const PROTOCOL_VERSION = 2;

/**
 * Versions this build accepts from a peer. Version 1 (before round attempt ids, codes-only
 * withdrawals and securely aggregated evaluation) is refused: its frames are frozen in
 * test/fixtures/protocol-v1.ts.
 */
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [2];

/** Throws PROTOCOL_VERSION naming both versions when the peer speaks one this build does not. */
export function checkProtocolVersion(peerVersion: number, peer: 'client' | 'server'): void {
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(peerVersion)) {
    const me = peer === 'client' ? 'server' : 'client';
    const advice = peerVersion < PROTOCOL_VERSION ? `upgrade the ${peer}` : `upgrade the ${me}`;
    throw new ProtoError(
      'PROTOCOL_VERSION',
      `${peer} speaks protocol version ${peerVersion}, ${me} speaks ${PROTOCOL_VERSION} (accepts ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}); ${advice}`,
    );
  }
}
