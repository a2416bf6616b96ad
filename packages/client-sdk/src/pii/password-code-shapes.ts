// ---------------------------------------------------------------------------------------------
// A password written like a name in code — "self.mustang21", "getRocket()", "isWinterEnabled",
// "$lemon_58" — where a cue and its link give it. Code reads a password from a name that says so
// ("self.password", "getPassword()", "$DB_PASS", "getenv(…)"); a name of one chosen word, with a
// number or a code's frame around it, names nothing a program would keep, so after "the password
// is" it is the value. Anything with a word of configuration or of secrets in it stays code.
// ---------------------------------------------------------------------------------------------

import { isChosenWord } from './password-values.ts';

/** Words that name what code keeps or reads: a name holding one of them is code, not a value. */
const CODE_NOUNS = new Set(
  ('password passwd pass pwd pw secret secrets key keys token tokens cred creds credential credentials auth login user username name ' +
    'env environ config conf cfg setting settings option options opt opts param params arg args argv var vars val value values ' +
    'input output text field form entry item data string str hash salt prop attr result res ret response request req session ' +
    'file path dir host port url uri db conn connection client server id uid tmp temp line row col column index count num len ' +
    'enabled disabled flag default current new old next prev first last main test').split(' '),
);

/** "self.mustang21": an attribute of one word and a number. */
const SELF_ATTRIBUTE = /^self\.([a-z]{3,16})\d{1,4}$/;
/** "getRocket()": a getter of one capitalised word, called with nothing. */
const GETTER_CALL = /^get([A-Z][a-z]{2,15})\(\)$/;
/** "isWinterEnabled": a flag of one capitalised word. */
const ENABLED_FLAG = /^is([A-Z][a-z]{2,15})Enabled$/;
/** "$lemon_58", "$kitten84": a shell's variable of one word and a number. */
const NUMBERED_VARIABLE = /^\$([a-z]{3,16})_?\d{1,4}$/;

/** Whether `value` looks like a name in code but names nothing code keeps: a password once a cue gives it. */
export function isCodeShapedPassword(value: string): boolean {
  const c = value.charCodeAt(0);
  // (Only the four frames: a first character of 's', 'g', 'i' or '$'.)
  if (c !== 115 && c !== 103 && c !== 105 && c !== 36) return false;
  const word = (SELF_ATTRIBUTE.exec(value) ?? GETTER_CALL.exec(value) ?? ENABLED_FLAG.exec(value) ?? NUMBERED_VARIABLE.exec(value))?.[1]?.toLowerCase();
  return word !== undefined && !CODE_NOUNS.has(word) && isChosenWord(word);
}
