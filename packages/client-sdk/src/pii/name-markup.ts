import type { PiiSpan } from './types.ts';

// Names read in the markup of HTML mail and pages (issue 13). Real mail (the SpamAssassin ham) is a
// fifth HTML, and a fifth of the name findings in it were inside tags: tag names ("img", "br",
// "td nowrap"), fonts ("Verdana", "Arial", "sans serif"), colours and alignments. A tag's name and its
// attributes are the page's machinery, not what someone wrote, so no name is taken there, nor in a
// style sheet or a script. What a person wrote inside a tag stays read: the text of "alt", "title" and
// the other attributes a reader sees ("<img alt=\"Chris Pirillo\">").

/** HTML's elements, and those mail programs write (case aside): a tag is only one of these. */
const ELEMENTS = new Set(
  ('a abbr address area article aside b base basefont big blockquote body br button caption center cite code col colgroup ' +
    'dd del dfn dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head ' +
    'header hr html i iframe img input ins kbd label legend li link main map marquee menu meta nav nobr noscript object ol ' +
    'optgroup option p param pre q s samp script section select small source span strike strong style sub sup svg table ' +
    'tbody td textarea tfoot th thead title tr tt u ul var wbr xml').split(' '),
);
/** Attributes whose value is text for a reader: a name written there is a name. */
const TEXT_ATTRIBUTES = new Set(['alt', 'title', 'content', 'value', 'placeholder', 'label', 'aria-label', 'summary', 'abbr']);

/** A start or end tag: an element's name (or a namespaced one, "o:p"), its attributes, to its ">". */
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*(?::[a-zA-Z][a-zA-Z0-9]*)?)(?=[\s/>])((?:[^<>"']|"[^"]*"|'[^']*'){0,2000})>/g;
/** One attribute, with its value quoted or bare. */
const ATTRIBUTE = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
/** A style sheet or a script, from its start tag to its end tag. */
const STYLE_OR_SCRIPT = /<(style|script)(?=[\s>])[^>]{0,2000}>[^]*?<\/\1\s*>/gi;

/** The parts of `text` that are markup: [start, end) ranges, each with the ranges of reader's text inside it. */
function markupRanges(text: string): Array<{ start: number; end: number; readable: Array<[number, number]> }> {
  const ranges: Array<{ start: number; end: number; readable: Array<[number, number]> }> = [];
  for (const m of text.matchAll(TAG)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!ELEMENTS.has(name) && !name.includes(':')) continue;
    const start = m.index;
    const attributes = m[2] ?? '';
    const at = start + m[0].indexOf(attributes, (m[1] ?? '').length + 1);
    const readable: Array<[number, number]> = [];
    for (const a of attributes.matchAll(ATTRIBUTE)) {
      if (!TEXT_ATTRIBUTES.has((a[1] ?? '').toLowerCase())) continue;
      const value = a[2] ?? a[3] ?? a[4];
      if (value === undefined) continue;
      const from = at + a.index + a[0].lastIndexOf(value);
      readable.push([from, from + value.length]);
    }
    ranges.push({ start, end: start + m[0].length, readable });
  }
  for (const m of text.matchAll(STYLE_OR_SCRIPT)) ranges.push({ start: m.index, end: m.index + m[0].length, readable: [] });
  return ranges;
}

/**
 * `spans` without those that lie inside markup (a tag outside its readable attributes' values, a
 * style sheet, a script): "<img src=… align=absmiddle>", "<font face=\"Verdana, Arial\">".
 */
export function withoutMarkupNames(text: string, spans: readonly PiiSpan[]): readonly PiiSpan[] {
  if (spans.length === 0 || !text.includes('<')) return spans;
  const ranges = markupRanges(text);
  if (ranges.length === 0) return spans;
  return spans.filter(
    (s) => !ranges.some((r) => r.start < s.start && s.end <= r.end && !r.readable.some(([a, b]) => a <= s.start && s.end <= b)),
  );
}
