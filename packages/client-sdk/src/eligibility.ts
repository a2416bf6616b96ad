/**
 * Eligibility hooks for hosts: when may this device train? Each check uses what the platform
 * says and passes where the platform says nothing (a desktop without a battery API is treated
 * as on power), so a host never blocks training on an unanswerable question.
 */

interface BatteryLike {
  charging: boolean;
  level: number;
}
interface ConnectionLike {
  saveData?: boolean;
  type?: string;
  metered?: boolean;
}
interface NavigatorLike {
  getBattery?: () => Promise<BatteryLike>;
  connection?: ConnectionLike;
}
interface DocumentLike {
  visibilityState?: string;
  addEventListener?: (type: string, fn: () => void, opts?: { passive?: boolean }) => void;
}

export interface PlatformEligibilityOptions {
  /** Train only on power (`navigator.getBattery().charging`). @default true */
  requirePower?: boolean;
  /** Train only on an unmetered network (not cellular, no Save-Data). @default true */
  requireUnmetered?: boolean;
  /** Train only after this long without keyboard or pointer input, or while the page is hidden. @default 0 (any time) */
  idleForMs?: number;
  /** Injected for tests; default `globalThis.navigator` / `globalThis.document`. */
  navigator?: NavigatorLike;
  document?: DocumentLike;
  now?: () => number;
}

/** A ready-made `eligibility` hook for `createClient` / `createBrowserClient`. */
export function platformEligibility(options: PlatformEligibilityOptions = {}): () => Promise<boolean> {
  const nav = options.navigator ?? (globalThis as { navigator?: NavigatorLike }).navigator;
  const doc = options.document ?? (globalThis as { document?: DocumentLike }).document;
  const now = options.now ?? Date.now;
  const requirePower = options.requirePower ?? true;
  const requireUnmetered = options.requireUnmetered ?? true;
  const idleForMs = options.idleForMs ?? 0;
  let lastInput = now();
  if (idleForMs > 0 && doc?.addEventListener) {
    for (const type of ['keydown', 'pointerdown', 'pointermove', 'wheel']) doc.addEventListener(type, () => (lastInput = now()), { passive: true });
  }
  return async () => {
    if (requirePower && nav?.getBattery) {
      try {
        const battery = await nav.getBattery();
        if (!battery.charging) return false;
      } catch {
        // No answer from the platform: do not block on it.
      }
    }
    const c = nav?.connection;
    if (requireUnmetered && c && (c.saveData === true || c.metered === true || c.type === 'cellular')) return false;
    if (idleForMs > 0 && doc?.visibilityState !== 'hidden' && now() - lastInput < idleForMs) return false;
    return true;
  };
}
