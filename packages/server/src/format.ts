/** Words for durations and counts in the reasons the coordinator gives. */

/** `1234` → `"1.2 s"`. */
export function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** `plural(1, 'device')` → `"1 device"`, `plural(2, 'device')` → `"2 devices"`. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
