import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';
import { PASSWORD_PROSE, isChosenWord } from './password-values.ts';

// ---------------------------------------------------------------------------------------------
// A plain word where a frame leaves no doubt a password stands (a correction after a cue, a value
// pointed at by its cue, the last line of a login's note): any word but the commonest, prose's
// own and a participle ("fine", "expired", "attached"), a jargon's or a product's name.
// ---------------------------------------------------------------------------------------------

/** Words that say where a password is kept or sent, not what it is ("| password | vault |", "it's sms"). */
const WHERE_KEPT: ReadonlySet<string> = new Set(['vault', 'vaults', 'safe', 'keepass', 'keychain', 'bitwarden', 'lastpass', 'envelope', 'sms', 'text', 'email', 'mail', 'signal', 'phone', 'ticket', 'attachment', 'attached', 'manager', 'sso', 'ldap', 'okta', 'unchanged', 'unknown', 'secret', 'default', 'random', 'generated', 'pending']);

/** A plain word that may be a password once a cue names it: no list of prose holds it, no participle, no common word. */
export function isChosenPlainWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (!/^\p{L}{4,24}$/u.test(word) || !isChosenWord(word) || PASSWORD_PROSE.test(word) || /(?:ed|ing|ly)$/.test(lower)) return false;
  return (ENGLISH_TIER.get(lower) ?? 9) > 1 && !JARGON_WORDS.has(lower) && !PRODUCT_WORDS.has(lower) && !WHERE_KEPT.has(lower);
}
