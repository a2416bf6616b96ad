import { ENGLISH_TIER } from './english-lexicon.ts';

// Verbs that follow a subject, read by the rules that tell a name's last word from the verb after
// it (name-extension.ts, name-neighbours.ts, name-given-words.ts, name-slots.ts).

/**
 * Verbs in the past or the third person, which follow a subject and never a given name ("ho saw
 * the alert", "pun fixed the script", "… he knows").
 */
export const FINITE_VERB = /^(?:saw|got|went|came|made|took|gave|found|knew|thought|ran|met|kept|brought|bought|sent|began|broke|spent|held|paid|won|lost|felt|led|meant|gets|sees|goes|comes|makes|takes|gives|finds|knows|thinks|runs|keeps|brings|sends|starts|needs|wants|likes|says|seems|looks|works|owns|leads|uses|agrees|left)$/;

/** A word of the first thousand or so English words ending as a regular verb in the past: "fixed", "approved", "merged". */
export function pastParticiple(lower: string): boolean {
  return /[a-z]{2}ed$/.test(lower) && ENGLISH_TIER.has(lower);
}

/** A verb that follows its subject: in the past, or in the third person ("he knows", "an expired"). */
export function finiteVerb(lower: string): boolean {
  return FINITE_VERB.test(lower) || pastParticiple(lower);
}
