/**
 * The CheckIn a device sends when it is free for a round: the streams it holds examples for that
 * the employee consents to, whether it is eligible now, and the models it already holds. Nothing
 * is offered while paused. No counts: whether the device has enough examples for a task is
 * decided on the device once it sees the plan (it then withdraws with NOT_ENOUGH_EXAMPLES).
 */
import type { BodyOf } from '@conclave/proto';
import type { ConsentManager } from './consent.ts';
import type { ExampleStore } from './example-store.ts';

export interface CheckInSources {
  store: Pick<ExampleStore, 'counts'>;
  consent: Pick<ConsentManager, 'ready' | 'allows' | 'status'>;
  /** The host's eligibility hook and the daily training budget together. */
  eligibleNow(): Promise<boolean>;
  /** Models this device holds, by task. */
  cachedModels: Iterable<[taskId: string, model: { version: number }]>;
  /** Size of the newest transparency-log head this device accepted. @default none (0) */
  knownLogSize?: () => Promise<number>;
}

/** The shortest wait before checking in again, whatever ComeBackLater says. */
export const MIN_CHECK_IN_DELAY_MS = 100;
/** The wait when ComeBackLater names none. */
export const DEFAULT_CHECK_IN_DELAY_MS = 30_000;

export async function checkInMessage(sources: CheckInSources): Promise<BodyOf<'checkIn'>> {
  const { consent } = sources;
  await consent.ready();
  const all = await sources.store.counts();
  const eligible = await sources.eligibleNow();
  // Only streams the employee consents to are offered, and nothing while paused.
  const streams = Object.keys(all).filter((s) => (all[s] ?? 0) > 0 && consent.allows(s));
  return {
    streams,
    eligible: eligible && streams.length > 0 && !consent.status().paused,
    cached: [...sources.cachedModels].map(([taskId, m]) => ({ taskId, modelVersion: m.version })),
    knownLogSize: (await sources.knownLogSize?.()) ?? 0,
  };
}

/** How long ComeBackLater asks the device to wait before checking in again. */
export function comeBackDelay(m: BodyOf<'comeBackLater'>): number {
  return Math.max(MIN_CHECK_IN_DELAY_MS, m.retryAfterMs ?? DEFAULT_CHECK_IN_DELAY_MS);
}
