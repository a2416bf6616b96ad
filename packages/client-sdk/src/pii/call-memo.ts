// Work that two built-in scrubbers of one scrub both need (the street scrubber asks for the names
// the person scrubber finds; the e-mail scrubber for the passwords tied to their cues), done once
// per scrub. The engine opens a memo for the text it scrubs and closes it when done, so nothing is
// reused from one call to the next: a text scrubbed twice costs twice.

let open: { text: string; values: Map<string, unknown>; types: ReadonlySet<string> | undefined } | undefined;

/**
 * Runs `scrub` with a memo for `text` open (the engine calls this around one scrub); `types` are
 * the types the scrub finds, when the engine knows them.
 */
export function withCallMemo<T>(text: string, scrub: () => T, types?: ReadonlySet<string>): T {
  const outer = open;
  open = { text, values: new Map(), types };
  try {
    return scrub();
  } finally {
    open = outer;
  }
}

/**
 * `compute(text)`, kept under `key` for the rest of the scrub of `text`; computed afresh when no
 * scrub of this very text is under way (a scrubber called on its own).
 */
export function memoized<T>(key: string, text: string, compute: (text: string) => T): T {
  if (open === undefined || open.text !== text) return compute(text);
  if (open.values.has(key)) return open.values.get(key) as T;
  const value = compute(text);
  open.values.set(key, value);
  return value;
}

/**
 * Whether the scrub under way finds `type` (true when no scrub is under way, or its types are not
 * known): a scrubber leaves a span to another only when that one will take it.
 */
export function scrubFinds(type: string): boolean {
  return open?.types?.has(type) ?? true;
}
