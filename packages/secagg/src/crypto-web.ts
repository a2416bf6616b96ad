/**
 * The portable crypto provider: X25519 and Ed25519 from tweetnacl, the mask PRG on WebCrypto
 * (`prg-web.ts`). Runs everywhere; the default target of the `#crypto-backend` import, whose
 * `node` condition selects `crypto-node.ts` instead (same bytes).
 */
import nacl from 'tweetnacl';
import { defineProvider, type CryptoProvider } from './crypto-provider.ts';
import { webCryptoMaskPrg } from './prg-web.ts';

/** The portable implementation (tweetnacl 1.0.3, a port of TweetNaCl by Bernstein et al.). */
export const tweetnaclProvider: CryptoProvider = defineProvider({
  name: 'tweetnacl',
  maskPrg: webCryptoMaskPrg,
  x25519: (secretKey) => {
    const sk = secretKey.slice();
    return { publicKey: () => nacl.scalarMult.base(sk), agree: (peerPublicKey) => nacl.scalarMult(sk, peerPublicKey) };
  },
  ed25519PublicKey: (seed) => nacl.sign.keyPair.fromSeed(seed).publicKey,
  ed25519Sign: (seed, message) => nacl.sign.detached(message, nacl.sign.keyPair.fromSeed(seed).secretKey),
  ed25519Verify: (publicKey, message, signature) => nacl.sign.detached.verify(message, signature, publicKey),
});

/** What `#crypto-backend` exports under every condition: here, the tweetnacl provider. */
export const platformCryptoProvider: CryptoProvider = tweetnaclProvider;
