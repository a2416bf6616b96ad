/** A screen of the dashboard: its element, how it loads its data, and what it stops when left. */
export interface View {
  element: HTMLElement;
  /** Fetches the data and renders it; rejects with an ApiError (401 → sign-in). */
  load(): Promise<void>;
  /** Reloads every this many ms while shown (none when absent). */
  refreshMs?: number;
  /** Closes streams and timers of the screen. */
  dispose?(): void;
}
