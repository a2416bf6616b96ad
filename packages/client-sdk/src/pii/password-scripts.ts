import { passwordCueMatches, hasPasswordHint } from './password-cues.ts';
import { CUE_ENDS_LINE } from './password-in-prose.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A password of one word in another script, given after or before a cue written in Latin letters:
// "the password for the NAS is now ねこ and it's case sensitive", "hasło do wifi to ねこ09",
// "שלום is the new pwd", "key -> 'ねこ'". The other rules take what follows a cue in Chinese,
// Japanese, Cyrillic, Greek, Hebrew or Arabic for prose about the password ("パスワード：別途お知らせします");
// a single short word in such a script, in a sentence of Latin letters around it, is none.
// ---------------------------------------------------------------------------------------------

/** A letter of a script other than Latin (marks of Thai, Hindi and Arabic words included). */
const OTHER_SCRIPT_HINT = /[\u0370-\u03ff\u0400-\u052f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u10a0-\u10ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;
/** One word of another script, digits and a mark of a password allowed after it ("ねこ09"). */
const OTHER_SCRIPT_WORD =
  /^(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,6}|[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Thai}\p{Script=Georgian}\p{Script=Devanagari}\p{M}]{3,16})\d{0,6}[!?#*$%&@]{0,2}$/u;
/** The words for a password in those scripts: a label or a cue, never the value. */
const NAMES_A_PASSWORD = new Set(['пароль', 'пароля', 'парол', 'κωδικός', 'κωδικό', 'סיסמה', 'סיסמא', 'كلمة', 'パスワード', '密码', '密碼', '口令', '비밀번호', '암호', 'รหัสผ่าน']);
/** Whether `word` is one word of another script that may be a password. */
function isOtherScriptWord(word: string): boolean {
  return OTHER_SCRIPT_WORD.test(word) && !NAMES_A_PASSWORD.has(word.toLowerCase());
}
/** After a cue: what it is for (a few words), then a link, then the value in quotes or bare. */
const LINK_THEN_WORD =
  /^(?:['’]s|[^\n.!?]{0,45}?(?:[ \t](?:is|was|is now|to|now|es|est|ist|è|é|är|er|jest|to|je)|[ \t]*(?:[:=→]|->|=>)))[ \t]+["'“‘«`]?([^\s"'”’»`,;.!?()]{2,24})["'”’»`]?(?=[ \t]*(?:$|\r?\n|[.,;!?)]|[ \t]+(?:[A-Za-z(]|\p{Extended_Pictographic})))/u;
/** Before a cue, from its line's start or a quote: the value, then a copula and up to four words ("שלום is the new pwd"). */
const WORD_THEN_LINK =
  /(?:^|[\s"'“‘«(])["'“‘«]?([^\s"'”’»`,;.!?()]{2,24})["'”’»]?,?[ \t]+(?:is|è|é|est|c['’]est|es|ist|är|=|[-–—]|👈)[ \t]+(?:[\p{L}'’-]{1,20}[ \t]+){0,4}$/u;

/** Whether `at` stands in a line whose other letters are Latin: the cue's sentence is written in Latin letters. */
function latinAround(line: string, value: string): boolean {
  const rest = line.replace(value, ' ');
  return /[A-Za-z]{2}/.test(rest) && !OTHER_SCRIPT_HINT.test(rest);
}

export function* findOtherScriptPasswords(text: string): Generator<PiiSpan> {
  if (!OTHER_SCRIPT_HINT.test(text) || !hasPasswordHint(text)) return;
  for (const m of passwordCueMatches(text)) {
    // (The cue in Latin letters: "パスワード：" or "пароль:" before its language's prose is left.)
    if (!/^[A-Za-z]/.test(m[0])) continue;
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const lineEndAt = text.indexOf('\n', m.index);
    const lineEnd = lineEndAt === -1 ? text.length : lineEndAt;
    const line = text.slice(lineStart, lineEnd);
    const from = m.index + m[0].length;
    const after = LINK_THEN_WORD.exec(text.slice(from, lineEnd));
    const value = after?.[1];
    if (after !== null && value !== undefined && isOtherScriptWord(value) && latinAround(line, value)) {
      const start = from + after[0].lastIndexOf(value);
      yield { start, end: start + value.length };
      continue;
    }
    // A cue that ends its line ("the pwd for the print server is:"), the word alone on the next (a blank line between allowed).
    if (lineEndAt !== -1 && CUE_ENDS_LINE.test(text.slice(from, lineEnd)) && /[A-Za-z]{2}/.test(line) && !OTHER_SCRIPT_HINT.test(line)) {
      const at = lineEnd + 1 + (/^[ \t]*\r?\n/.exec(text.slice(lineEnd + 1))?.[0].length ?? 0);
      const nextEnd = text.indexOf('\n', at);
      const alone = /^[ \t]*["'“‘«`]?([^\s"'”’»`]{2,24}?)["'”’»`]?[ \t]*\r?$/u.exec(text.slice(at, nextEnd === -1 ? text.length : nextEnd));
      const word = alone?.[1];
      if (alone !== null && word !== undefined && isOtherScriptWord(word)) {
        const start = at + alone[0].indexOf(word);
        yield { start, end: start + word.length };
        continue;
      }
    }
    const before = WORD_THEN_LINK.exec(text.slice(lineStart, m.index));
    const word = before?.[1];
    if (before !== null && word !== undefined && isOtherScriptWord(word) && latinAround(line, word)) {
      const start = lineStart + before.index + before[0].indexOf(word);
      yield { start, end: start + word.length };
    }
  }
}
