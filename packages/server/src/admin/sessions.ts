import { createHash, randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../clock.ts';

export interface AdminSessionOptions {
  /** How long a sign-in lasts (fixed, not sliding). @default 8 hours */
  ttlMs?: number;
  /** Sessions kept at once; the oldest is dropped past this. @default 1_000 */
  maxSessions?: number;
  /** @default the system clock */
  clock?: Clock;
}

/**
 * Dashboard sign-ins: a random session id (32 bytes from the CSPRNG) in an HttpOnly cookie,
 * mapped here to its expiry. The admin token itself never goes into the cookie, and only the
 * SHA-256 of each id is kept, so a memory dump does not hand out live cookies. Sessions live in
 * memory: a coordinator restart signs everyone out.
 */
export class AdminSessions {
  readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly clock: Clock;
  /** sha256(session id) → expiry (ms since the epoch), in creation order. */
  private readonly expiries = new Map<string, number>();

  constructor(options: AdminSessionOptions = {}) {
    this.ttlMs = options.ttlMs ?? 8 * 3600 * 1000;
    this.maxSessions = options.maxSessions ?? 1_000;
    this.clock = options.clock ?? systemClock;
  }

  /** A new session id and when it expires. */
  create(): { id: string; expiresAt: number } {
    this.prune();
    while (this.expiries.size >= this.maxSessions) this.expiries.delete(this.expiries.keys().next().value!);
    const id = randomBytes(32).toString('base64url');
    const expiresAt = this.clock.now() + this.ttlMs;
    this.expiries.set(digest(id), expiresAt);
    return { id, expiresAt };
  }

  /** True while the id names a session that has not expired. */
  valid(id: string | undefined): boolean {
    if (!id) return false;
    const key = digest(id);
    const expiresAt = this.expiries.get(key);
    if (expiresAt === undefined) return false;
    if (expiresAt <= this.clock.now()) {
      this.expiries.delete(key);
      return false;
    }
    return true;
  }

  end(id: string | undefined): void {
    if (id) this.expiries.delete(digest(id));
  }

  get size(): number {
    return this.expiries.size;
  }

  private prune(): void {
    const now = this.clock.now();
    for (const [key, expiresAt] of this.expiries) if (expiresAt <= now) this.expiries.delete(key);
  }
}

function digest(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}
