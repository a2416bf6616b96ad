/**
 * Picks the crypto provider for this runtime through the `#crypto-backend` import: its `node`
 * condition selects node:crypto (`crypto-node.ts`), every other runtime gets tweetnacl and
 * WebCrypto (`crypto-web.ts`), so browser bundles never see a `node:` module.
 */
import type { CryptoProvider } from './crypto-provider.ts';
import { tweetnaclProvider } from './crypto-web.ts';

let platformProvider: Promise<CryptoProvider> | undefined;

/**
 * The fastest provider this runtime offers: node:crypto in Node (native X25519 is ~10× faster
 * than tweetnacl, Ed25519 ~50×, masks ~2×), tweetnacl + WebCrypto elsewhere. The backend is
 * imported on first use; should it fail to load (a runtime that resolves the `node` condition
 * but lacks node:crypto's X25519), the portable provider serves, with the same bytes.
 */
export function loadCryptoProvider(): Promise<CryptoProvider> {
  platformProvider ??= import('#crypto-backend').then(
    (m: { platformCryptoProvider: CryptoProvider }) => m.platformCryptoProvider,
    () => tweetnaclProvider,
  );
  return platformProvider;
}
