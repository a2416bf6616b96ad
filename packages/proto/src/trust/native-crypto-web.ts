/** `#native-crypto` in browsers and other runtimes: nothing native, the trust checks use WebCrypto. */
import type { NativeCrypto } from './native-crypto.ts';

export const nativeCrypto: NativeCrypto | undefined = undefined;
