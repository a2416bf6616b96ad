/**
 * The devices of one round and where each stands: selected → (training rounds) waiting for an
 * upload grant → uploading → reported, or dropped at any point. Counts are kept as statuses
 * change, so deciding whether a round is complete costs nothing per report.
 */
import type { DeviceSession } from '../device-link.ts';
import type { UpdateReport } from './reports.ts';

export type ParticipantStatus = 'selected' | 'waiting' | 'uploading' | 'reported' | 'dropped';

/** An update being received into its buffer. */
export interface Upload {
  buffer: Float32Array;
  received: number;
  report: UpdateReport;
}

export interface Participant {
  readonly session: DeviceSession;
  /** 'waiting': UploadStart accepted, UploadGrant not yet sent. */
  readonly status: ParticipantStatus;
  upload: Upload | undefined;
}

interface MutableParticipant extends Participant {
  status: ParticipantStatus;
}

export class Cohort {
  /** In selection order: members[i] is SecAgg+ client i + 1. */
  readonly members: readonly Participant[];
  private readonly bySession = new Map<string, MutableParticipant>();
  private counts: Record<ParticipantStatus, number> = { selected: 0, waiting: 0, uploading: 0, reported: 0, dropped: 0 };

  constructor(sessions: readonly DeviceSession[]) {
    const members: MutableParticipant[] = sessions.map((session) => ({ session, status: 'selected', upload: undefined }));
    for (const p of members) this.bySession.set(p.session.link.sessionId, p);
    this.members = members;
    this.counts.selected = members.length;
  }

  get size(): number {
    return this.members.length;
  }

  get(sessionId: string): Participant | undefined {
    return this.bySession.get(sessionId);
  }

  setStatus(p: Participant, status: ParticipantStatus): void {
    const m = this.bySession.get(p.session.link.sessionId);
    if (!m || m.status === status) return;
    this.counts[m.status] -= 1;
    this.counts[status] += 1;
    m.status = status;
  }

  get reported(): number {
    return this.counts.reported;
  }

  get dropped(): number {
    return this.counts.dropped;
  }

  /** Devices that may still report: selected, waiting for a grant, or uploading. */
  get pending(): number {
    return this.counts.selected + this.counts.waiting + this.counts.uploading;
  }

  /**
   * A round closes at its goal, or as soon as nobody is left to report and the minimum is met.
   * With Poisson sampling (`waitForAll`) there is no goal cut-off: every sampled device counts.
   */
  isComplete(cohort: { goal: number; minimum: number }, waitForAll: boolean): boolean {
    if (this.pending === 0) return this.reported >= cohort.minimum;
    return !waitForAll && this.reported >= cohort.goal;
  }

  reportedMembers(): Participant[] {
    return this.members.filter((p) => p.status === 'reported');
  }

  pendingMembers(): Participant[] {
    return this.members.filter((p) => p.status === 'selected' || p.status === 'waiting' || p.status === 'uploading');
  }
}

export function isPending(p: Participant): boolean {
  return p.status === 'selected' || p.status === 'waiting' || p.status === 'uploading';
}
