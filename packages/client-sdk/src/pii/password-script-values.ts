import { hasPasswordHint, passwordCues } from './password-cues.ts';
import type { PiiSpan } from './types.ts';

// ---------------------------------------------------------------------------------------------
// A word of another script than its cue's, right where the cue gives it: "p/w: 猫咪!", "**Password:**
// 東京", "pwd 사랑", "Пароль от NAS:\nさくら!". A sentence goes on in the script it started in; a
// word of another one after a cue was typed as a value. Words of the cue's own script are left to
// password-scripts.ts, which weighs them against that language's prose.
// ---------------------------------------------------------------------------------------------

/** Letters of the scripts told apart, each with the name it is known by. */
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['greek', /\p{Script=Greek}/u],
  ['cjk', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['devanagari', /\p{Script=Devanagari}/u],
  ['georgian', /\p{Script=Georgian}/u],
  ['thai', /\p{Script=Thai}/u],
];

function scriptOf(word: string): string | undefined {
  for (const [name, re] of SCRIPTS) if (re.test(word)) return name;
  return undefined;
}

/** After the cue: what it is for, bold's stars, a colon, a dot leader, a copula, or nothing; then the value, which holds a letter beyond Latin's, on the line or alone on the next. */
const VALUE_AFTER_CUE =
  /^s?(?:[*_]{1,2})?(?:[ \t]+(?:for|für|pour|del?|do|da|от|для|voor)[ \t]+[^\n:：=]{1,30}?)?[ \t]*(?:[*_]{1,2})?(?:[:：=]|[ \t]*(?:\.{3,}|…+)|[ \t]+(?:is|ist|est|es|är|je|è)(?=[ \t]))?[ \t]*(?:[*_]{1,2}[ \t]*)?(?:\r?\n(?:[ \t]*\r?\n)?[ \t]*)?(?=\S*[^\u0000-\u024f\s])([^\s"'`“”‘’«»„()[\]{}<>]{2,32})(?=$|\s|[,;.!)](?:\s|$))/u;
/** A value of letters of one script, digits and a password's marks. */
const VALUE_CHARS = /^[\p{L}\p{M}\d!#$%&*?@_.+=~^-]+$/u;
/** Words that stand in for a value in the scripts taken: "none", "not set", "same as above", "see below". */
const STAND_INS: ReadonlySet<string> = new Set(['无', '無', 'なし', '無し', '未设置', '未設定', '同上', '见上', '見上', '略', '없음', '미설정', 'нет', 'нету', 'см', 'лс', 'ούτε', 'κανένας', 'لا', 'אין']);

export function* findOtherScriptValues(text: string): Generator<PiiSpan> {
  if (!hasPasswordHint(text) || !/[^\u0000-\u024f]/.test(text)) return;
  for (const c of passwordCues(text)) {
    const cueScript = scriptOf(c.cue);
    const at = c.index + c.cue.length;
    const m = VALUE_AFTER_CUE.exec(text.slice(at, at + 90));
    const raw = m?.[1];
    if (m === null || raw === undefined) continue;
    const value = raw.replace(/[.,;:]+$/, '');
    const letters = value.replace(/[^\p{L}]/gu, '');
    const script = scriptOf(letters);
    // (Letters of one script other than the cue's, two at least: "猫咪", "사랑!", "東京6".)
    if (script === undefined || script === 'latin' || script === cueScript || letters.length < 2 || !VALUE_CHARS.test(value)) continue;
    if (SCRIPTS.some(([name, re]) => name !== script && re.test(letters)) || STAND_INS.has(letters.toLowerCase())) continue;
    const start = at + m.index + m[0].length - raw.length;
    yield { start, end: start + value.length };
  }
}
