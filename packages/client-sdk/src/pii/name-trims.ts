import type { PiiSpan } from './types.ts';

// Words a name guess takes that are no name's: a table cell's label before its colon, and chat's
// abbreviations after a name (person.ts trims and drops them before a guess grows).
/**
 * One word between a table's bar and a colon: a field's label ("| Mentee: Kofi Boateng |"), no
 * person; a chat's speaker ("Grace: hi") opens a line, not a cell.
 */
export function cellLabel(text: string, s: PiiSpan): boolean {
  if (text.charCodeAt(s.end) !== 58 || /\s/.test(text.slice(s.start, s.end))) return false;
  let i = s.start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i >= 0 && text.charCodeAt(i) === 124;
}

/** Chat's abbreviations and interjections, which end a sentence and are no name's last word ("thanks kenji lol"). */
const CHAT_WORDS = new Set('lol lmao rofl haha hahaha hehe btw tbh imo imho fyi pls plz omg idk afaik brb'.split(' '));

/** A guess without the chat abbreviations that end it, when a word is left ("kenji lol" → "kenji"). */
export function withoutChatTail(text: string, s: PiiSpan): PiiSpan {
  const slice = text.slice(s.start, s.end);
  const sp = slice.lastIndexOf(' ');
  if (sp <= 0 || !CHAT_WORDS.has(slice.slice(sp + 1).toLowerCase())) return s;
  return withoutChatTail(text, { start: s.start, end: s.start + slice.slice(0, sp).trimEnd().length });
}
