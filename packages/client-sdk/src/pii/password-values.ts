import { lazySet } from './lexicon.ts';
import { isForeignFunctionWord } from './foreign-lines.ts';
import { ENGLISH_TIER, JARGON_WORDS, PRODUCT_WORDS } from './english-lexicon.ts';

// Password values right after their cue that have no password's shape: a quoted value of any
// shape ("the password is \"blue sky 42\""), a passphrase of plain words ("passphrase: correct
// horse battery staple"), digits only ("mdp : 77404463"), a password everyone knows
// ("the password is sunshine"). Each is taken only when a linking word or mark ties it to the
// cue, so prose about passwords ("the password is in the vault") stays.

/** A variable standing for a value, in one case or in camelCase ("$PASS", "$db_pass", "$dbPassword", "${X}"); "$Xk29vLq" and "$Admin01" are values. */
const VARIABLE = /^\$(?:\{[A-Za-z_][\w.]*\}|[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_.]*|[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+)$/;
/** Templates, masks and words of a form that stand for a password. */
const STAND_IN = /^(?:<[^>]*>|\{\{.*\}\}|%[A-Za-z_]+%|x+|\*+|\.+|[•●∙·]+|null|none|nil|true|false|undefined|redacted|\[redacted\]|changeme|required|optional|string|example|tbc|tbd|tba|n\/a|unset|your[_-].*)$/i;
/** Values that stand for a password without being one: variables, templates, masks, words of a form. */
export const PLACEHOLDER = { test: (value: string): boolean => VARIABLE.test(value) || STAND_IN.test(value) };
/** Another finding's placeholder, left by an earlier scrub ("[EMAIL]"): the value already replaced. */
export const FINDING_TAG = /^\[[A-Za-z][\w-]*\]/;
/** The keys a login's user name follows on its line ("user", "Username:", "login", "Benutzer", "usuário"), as a pattern's source. */
export const USER_KEYS = 'user(?:name)?|login|usr|benutzer(?:name)?|utilisateur|usuario|usu[aá]rio';
/** A user and a colon before a password written after them ("svc_report:azerty2024"). */
const USER_AND_COLON = /^[\w.@-]{2,40}:(?=\S{4,}$)/;
/** The length of the user and colon that stand before the password in `value`, or 0 when it holds none. */
export function userBeforeColon(value: string): number {
  return USER_AND_COLON.exec(value)?.[0].length ?? 0;
}
/** A template's expression standing for a value ("{{ secrets.DB_PASS }}", "${DB_PASSWORD}", "{% … %}"). */
export const TEMPLATE_EXPRESSION = /^(?:\$?\{\{|\{%|\$\{)/;
/** A shell's variable standing for a value ("$PASS", "${PASS}"); "$Admin01" is a password. */
export function isShellVariable(value: string): boolean {
  return /^\$(?:\{|[A-Z_][A-Z0-9_]*$)/.test(value);
}
/**
 * One word with a digit and a mark inside, of four characters or more: a value whatever it looks like
 * where a cue ties it (a date, a phone number, a version, a path: "12.03.1988", "020-7946-0173",
 * "v9.20.43"). Not a time ("10:30"), a ticket's or an order's id ("INC-4412"), a word in brackets, a
 * placeholder, another finding's tag or a reference in code.
 */
/**
 * A word of letters and a symbol no prose has ("=nimbus", "{garden}Thunder", "Coffee&@",
 * "ftp://velcro.lan/window"): the value right after a cue's link, as {@link isMarkedValue} is. Not a
 * placeholder, a template, a shell's variable or a reference in code.
 */
export function isSymbolValue(word: string): boolean {
  const body = word.replace(/[.!?]+$/, '');
  return (
    body.length >= 4 &&
    /\p{L}/u.test(body) &&
    // (An apostrophe counts when the word is no contraction or possessive: "correct'pickle", "cat's-tiger".)
    (/[=#{}[\]@&%^*+~$|<>\\/:;]/.test(body) || (/['’]/.test(body) && !/^\p{L}+['’](?:s|t|re|ll|ve|d|m)$/iu.test(body))) &&
    !/\s/.test(body) &&
    !/^[(\[{<]/.test(body) &&
    !PLACEHOLDER.test(body) &&
    !FINDING_TAG.test(body) &&
    !TEMPLATE_EXPRESSION.test(body) &&
    !isShellVariable(body) &&
    !isCodeValue(body) &&
    !/^\d{1,2}:\d{2}/.test(body)
  );
}

export function isMarkedValue(word: string): boolean {
  return (
    word.length >= 4 &&
    /\d/.test(word) &&
    !/\s/.test(word) &&
    /[^\p{L}\d]/u.test(word) &&
    !/^\d{1,2}:\d{2}(?::\d{2})?$/.test(word) &&
    !/^[A-Z]{2,}-\d+$/.test(word) &&
    !/^[(\[{<]/.test(word) &&
    !PLACEHOLDER.test(word) &&
    !FINDING_TAG.test(word) &&
    !isCodeValue(word)
  );
}
/** A value read from code or configuration, not written in: "settings.DB_PASSWORD", "os.environ['PW']", a Node environment lookup. */
// (Terraform's references too: "var.db_password", "random_password.db.result", "data.aws_secretsmanager_secret_version.db.secret_string".)
export const CODE_REFERENCE = /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|settings|config|conf|cfg|env|self|this|secrets|vars|params|args|options|opts|var|local|module|data\.aws_\w+|random_password|await)(?:\.|\[|\(|$|[ \t])/;
/** PowerShell's approved verbs that start its cmdlets' names ("Get-Credential", "Set-ADAccountPassword"). */
export const CMDLET_VERB =
  /^(?:Get|Set|New|Remove|Add|Invoke|Start|Stop|Test|Import|Export|Enable|Disable|Write|Read|Select|Update|Install|Uninstall|Restart|Clear|Copy|Move|Rename|Reset|Out|Format|Convert\p{L}*|Register|Unregister|Resolve|Measure|Connect|Disconnect|Show|Find|Send|Receive|Wait|Where|Sort|Group|Join|Split|Publish|Unlock|Lock|Grant|Revoke|Mount|Dismount|Protect|Unprotect|Initialize|Use|Enter|Exit|Edit|Expand|Compress|Save|Search|Sync|Backup|Restore|Approve|Block|Unblock|Confirm|Request|Submit|Suspend|Resume|Repair|Optimize|Merge|Deploy|Trace|Debug|Watch|Open|Close|Push|Pop|Tee|Compare|Limit)-/u;
/** A value that is code: a reference read from configuration ({@link CODE_REFERENCE}) or a PowerShell cmdlet ("ConvertTo-SecureString"). */
export function isCodeValue(value: string): boolean {
  // (A cmdlet's verb is PowerShell's, or a word of it has a capital inside: "ConvertTo-SecureString"; "Anchor-Storm" is a passphrase.)
  return CODE_REFERENCE.test(value) || (/^[A-Z][a-z]+[A-Za-z]*-[A-Z][A-Za-z]+$/.test(value) && (CMDLET_VERB.test(value) || /^\p{Lu}\p{Ll}+\p{Lu}|-\p{Lu}\p{Ll}+\p{Lu}/u.test(value)));
}
/** A password shorter than this is taken for prose. */
export const MIN_PASSWORD_LENGTH = 6;

/**
 * What ties a cue to its value, in English and the languages of the cues: a colon, "=", an
 * arrow, "is", "'s", "has been set to", "es", "est", "ist", "lautet", "è", "é", "är", "er", "je",
 * "este", "adalah", "is now".
 */
export const CUE_LINK =
  /^(?:['’]s[ \t]+|[ \t]*(?:は|是|为|為|：)[ \t]*|[ \t\u00a0\u202f]*(?:\*{1,2}|_|["'])?(?:[:=]|->|=>|→|[-–—](?=[ \t]))(?:\*{1,2}|_)?[ \t]*|[ \t]+(?:(?:now|ahora|jetzt|maintenant|agora|ora|nu)[ \t]+)?(?:(?:is|was|es|est|ist|lautet|è|é|era|war|será|sera|sarà|wird|wordt|devient|diventa|fica|queda|passou[ \t]+a[ \t]+ser|pasó[ \t]+a[ \t]+ser|c['’]est|är|ar|er|je|jest|este|adalah|là|είναι|היא|הוא|will be|would be|has been|is now|now is|now|still is)(?:[ \t]+(?:now|still|just|literally|exactly|simply|ahora|jetzt|maintenant|agora|ora|nu|ab[ \t]+heute|seit[ \t]+heute|desde[ \t]+hoy|a[ \t]+partir[ \t]+de[ \t]+hoje|vanaf[ \t]+vandaag|da[ \t]+oggi|från[ \t]+idag))?(?:[ \t]+(?:set|changed|reset|updated))?(?:[ \t]+to)?(?:[ \t]+(?:the|a)[ \t]+(?:phrase|passphrase|sentence|words))?|(?:set|changed|reset|updated)[ \t]+to)(?![\p{L}])[ \t]*(?::|→|->|=>)?[ \t]*|\t+)/iu;

/**
 * The most used passwords (NCSC's and SplashData's published top lists), letters only: taken
 * after a cue and its link even though they are words ("the password is sunshine").
 */
const COMMON_PASSWORDS: ReadonlySet<string> = lazySet((d) => new Set(d.COMMON_PASSWORDS.split(/\s+/).filter((w) => w !== '')));

/** Words that make any run of words prose, not a passphrase. */
const FUNCTION_WORDS = new Set(
  ('the a an in on at of for to with by from via and or but not no is are was be been it its this that these those my your our whatever whichever something anything ' +
    'their his her as see ask please will would should must can could has have had every each next last day days week weeks ' +
    'month months year years today tomorrow yesterday now later soon again ' +
    // Words that qualify what follows ("is yet another variant from the pesky Frethem worm family").
    'yet another other some any many much more most such very quite really already even ever ' +
    'le la les un une des dans sur est pas el los las en es una muy der die das ein eine ist nicht zu il lo è non het een niet').split(' '),
);
/** Words that make a run of two prose about the password ("case sensitive", "trop court"). */
const PROSE_WORDS = new Set(
  ('same sent send set reset changed stored saved kept written printed taped shared ' +
    'required expired incorrect wrong invalid missing empty unchanged different case sensitive still only also just ' +
    'here there below above attached vault manager policy please will would should must can could has have had too very sure sec ' +
    // A network's state, not its password ("wifi is down btw").
    'down up out off slow broken dead flaky working back ' +
    'sensitive short long weak strong simple easy hard secure insecure correct fine ok okay good bad new old temporary ' +
    'optional mandatory same unknown blank empty none null wrong ' +
    'trop court long faible fort expiré requis nouveau corto largo débil fuerte caducado nuevo requerido kurz lang schwach stark ' +
    'abgelaufen falsch neu corto lungo debole scaduto nuovo kort lang zwak verlopen fout nieuw').split(' '),
);

/** A value in quotes of any kind, the French and German ones too ("„Winter25!“", "« x »"). */
const QUOTED = /^["'“‘«»„‹`]([^"'”’»«“‹›`\n]{3,64})["'”’»«“›`]/u;
/**
 * A passphrase in brackets, as one marks where a value with spaces starts and ends: "[happy
 * tractor owl quietly 3]", "(cold runs correct)". Three words or more, in one case, none a word
 * of prose ("(see attachment)" is no passphrase).
 */
const BRACKETED = /^[\[(]((?:\p{L}{2,}|\d{1,6})(?:[ \t]+(?:\p{L}{2,}|\d{1,6})){2,7})[.!?]?[\])]/u;
const DIGITS = /^(\d{4,16})(?![\d.,:/-]?\d|[\p{L}])/u;
/** A season and its year apart, a mark after them allowed, to the clause's end ("the password is Fall 2024", "pw: summer 2024!"). */
const SEASON_AND_YEAR =
  /^((?:spring|summer|autumn|fall|winter|sommer|herbst|frühling|verano|invierno|otoño|primavera|été|hiver|automne|printemps|estate|inverno|autunno|zomer|herfst|lente)[ \t](?:19|20)?\d\d[!?#$%&*@]?)(?=[ \t]*(?:[.,;)]|\r?\n|$)|[ \t]+[-–—(])/iu;
/** A season and its year apart by one space, the year's mark after it allowed ("Fall 2024", "summer 24!"). */
const SEASON_SPACE_YEAR =
  /(?<![\p{L}\d])(spring|summer|autumn|fall|winter|sommer|herbst|frühling|verano|invierno|otoño|primavera|été|hiver|automne|printemps|estate|inverno|autunno|zomer|herfst|lente)[ \t]((?:19|20)?\d\d[!?#$%&*@]?)(?![\p{L}\d])/giu;

/**
 * `text` with each season and its year apart joined by '_' into one token of the same length
 * ("Fall 2024" → "Fall_2024"), as people also write it, so the rules that read a password's token
 * read it wherever they read "Fall2024"; offsets are unchanged. The rules that name a period
 * ("Spring2027 release notes") keep it.
 */
export function joinSeasonAndYear(text: string): string {
  return /\d\d/.test(text) ? text.replace(SEASON_SPACE_YEAR, (_, season: string, year: string) => `${season}_${year}`) : text;
}
/** Words in one run, a number after them allowed, up to the clause's end or a dash before a remark ("igloo pillow violet 93 – keep it …"). */
const WORD_RUN = /^(\p{L}{3,}(?:[ \t]+\p{L}{3,}){1,7}(?:[ \t]+\d{1,4})?)(?=[ \t]*(?:[.,;!?)]|\r?\n|$)|[ \t]+[-–—][ \t])/u;
/**
 * Three words or more in one run, then what starts a remark or the next clause: an emoji, a bracket, or
 * a word such as "and" or "until" ("is correct horse battery staple until we get SSO", "… staple 😬").
 */
const LONG_WORD_RUN = /^(\p{L}{3,}(?:[ \t]+\p{L}{3,}){2,7}(?:[ \t]+\d{1,4})?)(?=[ \t]*\p{Extended_Pictographic}|[ \t]+\(|[ \t]+(?:and|but|until|till|so|then|unless|when|if|after|before|because|since|for|now|from|per|over|via|with|at|on|in|yesterday|today|tomorrow)(?![\p{L}]))/u;
/** Words that start the next clause or end this one: no passphrase holds them. */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set('and but until till so then unless when if for now from per via with there here while though over under about into onto across through without within between against during thx thanks pls lol btw fyi asap ya ok okay'.split(' '));
/** Up to eight words of letters, or a number of up to four digits, apart by spaces or tabs. */
const WORDS_AHEAD = /^(?:\p{L}+|\d{1,4})(?:[ \t]+(?:\p{L}+|\d{1,4})){0,7}/u;
/** What ends a clause right after a run of words: its punctuation, the line's end, an emoji, a dash or a bracket. */
const CLAUSE_END = /^(?:[ \t]*(?:[.,;!?)]|\r?\n|$|\p{Extended_Pictographic})|[ \t]+[-–—(][ \t])/u;

/**
 * The run of three to six words at the start of `tail`, a number after them allowed, up to the
 * clause's end or the first word that starts the next clause or is a function word ("purple monkey
 * dishwasher over the phone" gives three words); its length, or undefined.
 */
export function runToClauseWord(tail: string): number | undefined {
  const ahead = WORDS_AHEAD.exec(tail)?.[0];
  if (ahead === undefined) return undefined;
  const words = [...ahead.matchAll(/\S+/g)];
  // (Another language's word starts the next clause too: "passou a ser Purple Monkey Dishwasher a partir de hoje".)
  const ends = (w: string): boolean => CLAUSE_WORDS.has(w.toLowerCase()) || FUNCTION_WORDS.has(w.toLowerCase()) || isForeignFunctionWord(w);
  let letters = 0;
  for (const [i, w] of words.entries()) {
    const number = /^\d/.test(w[0]);
    if (!number && ends(w[0])) return letters >= 3 ? (words[i - 1]?.index ?? 0) + (words[i - 1]?.[0].length ?? 0) : undefined;
    if (!number && w[0].length < 3) return undefined;
    if (!number && ++letters > 6) return undefined;
    // (A number ends the run as its last word: "tiger lamp river 42".)
    const end = w.index + w[0].length;
    const next = words[i + 1]?.[0];
    if ((number || next === undefined) && letters >= 3 && (CLAUSE_END.test(tail.slice(end)) || (next !== undefined && ends(next)))) return end;
    if (number) return undefined;
  }
  return undefined;
}

/**
 * Words with spaces, a number after them allowed, that read as one passphrase: all in lower case, or
 * all in Title Case with no word of a product or jargon ("tiger lamp river 42", "Purple Monkey
 * Dishwasher"; not "Azure Key Vault"), and a passphrase's run ({@link isPassphraseRun}).
 */
export function isSpacedPassphrase(run: string): boolean {
  const words = run.split(/[ \t]+/).filter((w) => !/^\d+$/.test(w));
  const title = words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && !PRODUCT_WORDS.has(w.toLowerCase()) && !JARGON_WORDS.has(w.toLowerCase()));
  return (title || words.every((w) => /^\p{Ll}+$/u.test(w))) && isPassphraseRun(words);
}

/**
 * A passphrase of words with spaces right after a cue and no link, as an offset range into `rest`
 * ("password purple monkey dishwasher, rotate on Monday", "laptop pw tiger lamp river 42"): in one
 * case or Title Case, a passphrase's run ({@link isPassphraseRun}) with no word that names a
 * product, is jargon, or reads as a verb or an adverb ("password field validation error", "password
 * rotated last week" stay).
 */
export function unlinkedPassphrase(rest: string): [number, number] | undefined {
  const space = /^[ \t]+/.exec(rest)?.[0].length;
  const length = space === undefined ? undefined : runToClauseWord(rest.slice(space));
  if (space === undefined || length === undefined) return undefined;
  const run = rest.slice(space, space + length);
  const lower = run.split(/[ \t]+/).filter((w) => !/^\d+$/.test(w)).map((w) => w.toLowerCase());
  // (Nor a verb right after the cue, as a subject has one: "password works fine here", "passwords stay valid until then".)
  const verb = /[^s]s$/.test(lower[0] ?? '');
  if (verb || !isSpacedPassphrase(run) || lower.some((w) => CLAUSE_WORDS.has(w) || isProseKind(w))) return undefined;
  return [space, space + length];
}
/**
 * Runs of two words or more (of letters, or numbers of up to four digits) apart by one space, whole:
 * not in quotes or brackets, which the rules read already, nor before a dotted name ("try
 * hammer.blue.spoon"; {@link AFTER_RUN}).
 */
const WORD_RUNS = /(?<![\p{L}\d][ \t]|[\p{L}\d_@.\/\\'’"“”„«»‘`(\[-])(?:\p{L}+|\d{1,4})(?:[ \t](?:\p{L}+|\d{1,4}))+/gu;
const AFTER_RUN = /^(?:[\p{L}\d_@\/\\'’"“”„«»‘`)\]-]|\.[\p{L}\d])/u;

/** The word for a password or a login, verbs of a clause, and adverbs: never a word of a passphrase read out of prose. */
const NOT_DRAWN =
  /pass|^pw|^pin$|^code$|^key$|^login$|^user|^wi-?fi$|^network$|^account$|^entry$|^vault$|^(?:got|get|gets|was|were|has|have|had|does|did|done|make|made|makes|see|saw|sees|try|tried|use|used|uses|works?|needs?|lets?|keeps?|never|always|also|just|only|still)$/;

/**
 * Whether a word may be one of a passphrase read out of prose: an English word (not another
 * language's prose: "gün içinde sona erecek") and no jargon, product, or verb's or adverb's ending.
 */
function isDrawnWord(word: string): boolean {
  const w = word.toLowerCase();
  return ENGLISH_TIER.has(w) && !isProseKind(w);
}

/** A lower-case word no passphrase is made of: jargon, a product, a verb's or an adverb's ending, another language's function word. */
function isProseKind(w: string): boolean {
  return JARGON_WORDS.has(w) || PRODUCT_WORDS.has(w) || /(?:ly|ed|ing|tion|ment)$/.test(w) || isForeignFunctionWord(w);
}

/**
 * `text` with each passphrase of words apart by single spaces joined by '_' into one token of the
 * same length ("correct horse battery staple" → "correct_horse_battery_staple"), as people also
 * write it, so the rules that read a password's token read it wherever they read the joined one;
 * offsets are unchanged. A passphrase here is three to six words between function words, the word
 * for a password or a clause's verb, each one that may be drawn ({@link isDrawnWord}), a number
 * after them allowed, in one case or Title Case, a passphrase's run
 * ({@link isSpacedPassphrase}) and one word at least beyond the commonest ("more random words
 * instead" is prose), not after an article or a word that says what a password is for; of a longer
 * run of such words, the longest end that is one ("still correct horse battery staple" gives
 * "correct horse battery staple"). The rules decide whether it is a value.
 */
export function joinPassphraseRuns(text: string, near: readonly number[]): string {
  let out: string[] | undefined;
  const join = (from: number, to: number): void => {
    out ??= text.split('');
    for (let k = from; k < to; k++) if (text[k] === ' ' || text[k] === '\t') out[k] = '_';
  };
  // Only the lines around the offsets `near` (of a cue or a login's word): the line before, its own
  // and the two after it (a value may stand on the next line, a blank one between). Most of a long
  // text is none.
  let done = 0;
  for (const at of [...near].sort((a, b) => a - b)) {
    if (at < done) continue;
    const from = Math.max(done, text.lastIndexOf('\n', text.lastIndexOf('\n', at - 1) - 1) + 1);
    let to = at;
    for (let n = 0; n < 3 && to !== -1; n++) to = text.indexOf('\n', to + 1);
    done = to === -1 ? text.length : to;
    joinRunsIn(text, from, done, join);
  }
  return out === undefined ? text : (out as string[]).join('');
}

/** Words before a run of words that make it what a password is for, or a thing named: "for the conference room tablet". */
const OWNER_BEFORE = new Set('the a an this that these those my your our his her their for on of at in from about into'.split(' '));

/** {@link joinPassphraseRuns} over text[from, to), calling `join` for each run to join. */
function joinRunsIn(text: string, from: number, to: number, join: (from: number, to: number) => void): void {
  for (const found of text.slice(from, to).matchAll(WORD_RUNS)) {
    const at = from + found.index;
    const all = found[0];
    if (AFTER_RUN.test(text.slice(at + all.length, at + all.length + 2))) continue;
    const words = [...all.matchAll(/\S+/g)];
    let start = 0;
    let drawn = true;
    for (let i = 0; i <= words.length; i++) {
      const w = words[i]?.[0];
      const number = w !== undefined && /^\d/.test(w);
      const lower = w?.toLowerCase() ?? '';
      if (w !== undefined && !number && w.length >= 3 && !FUNCTION_WORDS.has(lower) && !CLAUSE_WORDS.has(lower) && !NOT_DRAWN.test(lower)) {
        drawn &&= isDrawnWord(w);
        continue;
      }
      // words[start, stop) lie between words that part a passphrase from prose (a number ends one);
      // one word that none is drawn from leaves them as they are written.
      const stop = number ? i + 1 : i;
      const last = words[stop - 1];
      for (let k = start; drawn && last !== undefined && stop - k >= 3; k++) {
        const first = words[k];
        if (first === undefined || stop - k > 7) continue;
        // (Not after an article or a word that says what a password is for: "the code for the conference room tablet is …".)
        const before = k > 0 ? words[k - 1]?.[0] : /(\p{L}+)[ \t]+$/u.exec(text.slice(Math.max(0, at - 24), at))?.[1];
        if (before !== undefined && OWNER_BEFORE.has(before.toLowerCase())) continue;
        const run = all.slice(first.index, last.index + last[0].length);
        const lower = run.split(/[ \t]/).filter((x) => !/^\d/.test(x)).map((x) => x.toLowerCase());
        if (isSpacedPassphrase(run) && lower.some((x) => (ENGLISH_TIER.get(x) ?? 1) >= 2)) {
          join(at + first.index, at + last.index + last[0].length);
          break;
        }
      }
      start = i + 1;
      drawn = true;
    }
  }
}
const ONE_WORD = /^(\p{L}{4,32})(?=[ \t]*(?:[.,;!?)，。、；！？）]|\r?\n|$|[ \t]+\p{Ll})|[ \t]+[^\s\p{L}\p{N}])/u;

/** A verb after a word, which makes the word a subject: "Dana has it", "Sven knows". */
const SUBJECT_VERB = /^[ \t]+(?:has|have|had|is|was|will|would|can|could|should|must|knows|sends|sent|does|did|gave|gives|keeps|holds)(?![\p{L}])/iu;

export interface CueValueOptions {
  /** The cue names a passphrase: words after it need no quotes. */
  passphrase: boolean;
  /** Whether a word has a password's shape. */
  shaped: (word: string) => boolean;
  /**
   * Whether one plain word is a chosen password rather than a word of prose ("Waffle", not
   * "Below"). Without it only the most used passwords are taken as one word.
   */
  plainWord?: (word: string) => boolean;
  /** The link is read already (a native "on" or "to", or the cue ending its line): `rest` starts at the value. */
  linked?: boolean;
}

/**
 * The value right after a cue ends and `rest` begins, as an offset range into `rest`, or
 * undefined.
 */
export function valueRightAfterCue(rest: string, { passphrase, shaped, plainWord, linked = false }: CueValueOptions): [number, number] | undefined {
  const link = linked ? /^[ \t]*/.exec(rest) : CUE_LINK.exec(rest);
  if (link === null) return undefined;
  const at = link[0].length;
  const tail = rest.slice(at);
  const quoted = QUOTED.exec(tail);
  const inner = quoted?.[1]?.trim();
  // A placeholder or a template's expression in quotes stands for the value ("${DB_PASSWORD}", "<PASSWORD>", "{{ secrets.DB_PASS }}").
  if (inner !== undefined && (PLACEHOLDER.test(inner) || isCodeValue(inner) || TEMPLATE_EXPRESSION.test(inner))) return undefined;
  // (One common password in quotes is the value, even a word of prose: "pwd is 'whatever'".)
  if (quoted !== null && inner !== undefined && inner !== '' && (isCommonPassword(inner) || !(inner.split(/\s+/).every((w) => FUNCTION_WORDS.has(w.toLowerCase()) || PROSE_WORDS.has(w.toLowerCase()))))) {
    const s = at + 1 + (quoted[1] ?? '').indexOf(inner);
    return [s, s + inner.length];
  }
  // One word in brackets that marks where it starts and ends: "password [Pm2utPy]".
  const inBrackets = /^\[([^\s\]]{4,64})\](?=[ \t]*(?:[.,;!?]|\r?\n|$|[ \t]))/.exec(tail)?.[1];
  if (inBrackets !== undefined && !/^[A-Z][A-Z0-9_-]*$/.test(inBrackets) && (shaped(inBrackets) || isCommonPassword(inBrackets) || /^\d{4,16}$/.test(inBrackets))) return [at + 1, at + 1 + inBrackets.length];
  const bracketed = BRACKETED.exec(tail);
  const phrase = bracketed?.[1];
  if (bracketed !== null && phrase !== undefined && (phrase === phrase.toLowerCase() || phrase === phrase.toUpperCase())) {
    const words = phrase.split(/[ \t]+/).filter((w) => !/^\d+$/.test(w));
    // After "is the phrase" the words are the value whatever they are.
    const named = /phrase|words|sentence/i.test(link[0]);
    if (words.length >= 3 && (named || words.every((w) => isChosenWord(w)))) return [at + 1, at + 1 + phrase.length];
  }
  // A password's shape, or letters in both cases that no rule of CamelCase explains ("RzSSbduz");
  // a capitalised word ("Required", "Benutzer") is left to the one-word rule below.
  const token = /^[^\s"'`”]+/.exec(tail)?.[0].replace(/[.,;:)\]]+$/, '');
  const mixedCase = (t: string): boolean => /^(?=\p{L}*\p{Lu})(?=\p{L}*\p{Ll})\p{L}{8,}$/u.test(t) && !/^\p{Lu}\p{Ll}+$/u.test(t);
  if (token !== undefined && token.length >= 6 && !/^[(\[{<]/.test(token) && (shaped(token) || mixedCase(token))) return [at, at + token.length];
  // Two to five words joined by a hyphen, a dot or an underscore right after the link ("Silver-lantern",
  // "pillow_banjo", "Hammer-orange-Dishwasher-Correct"): capitalised, or words rarer than prose about a
  // password has ("self-service", "auto-generated" stay).
  const parts = token !== undefined && /^\p{L}{3,}(?:[-_.]\p{L}{3,}){1,4}$/u.test(token) ? token.split(/[-_.]/) : [];
  if (parts.length >= 2 && (/^\p{Lu}\p{Ll}/u.test(parts[0] ?? '') || parts.every((w) => (ENGLISH_TIER.get(w.toLowerCase()) ?? 9) >= 3)) && parts.every((w) => isChosenWord(w)) && !isCodeValue(token ?? '')) {
    return [at, at + (token ?? '').length];
  }
  // Five characters of letters and digits, or a word in leet, right after the link: "Wi-Fi password: q2_24".
  if (token !== undefined && token.length === 5 && /^(?=.*\p{L})(?=.*\d)[\p{L}\d_!@#$%&*-]+$/u.test(token) && !/^[A-Z]{1,3}-?\d+$/.test(token)) return [at, at + token.length];
  // Right after the link, one word with a digit and a mark inside is the value whatever it looks like
  // ("pw: 12.03.1988", "the password is 020-7946-0173", "is v9.20.43").
  if (token !== undefined && (isMarkedValue(token) || isSymbolValue(token))) return [at, at + token.length];
  // A word with an apostrophe inside that is no contraction ("cat's-tiger", "correct'pickle"): the quotes above end no value here.
  const withApostrophe = /^[\p{L}\d][^\s"'`”’]*['’][^\s"`”]*[\p{L}\d!?]/u.exec(tail)?.[0];
  if (withApostrophe !== undefined && isSymbolValue(withApostrophe)) return [at, at + withApostrophe.length];
  const digits = DIGITS.exec(tail);
  if (digits !== null) return [at, at + (digits[1] ?? '').length];
  const season = SEASON_AND_YEAR.exec(tail)?.[1];
  if (season !== undefined) return [at, at + season.length];
  // (The run to the clause's end first, then the run up to a word that starts the next clause: "is
  // purple monkey dishwasher until Friday" is no run of one case to its end.)
  const cut = runToClauseWord(tail);
  for (const run of [WORD_RUN.exec(tail)?.[1], LONG_WORD_RUN.exec(tail)?.[1], cut === undefined ? undefined : tail.slice(0, cut)]) {
    if (run === undefined) continue;
    const words = run.split(/[ \t]+/);
    // Title Case ("Correct Horse Battery Staple") after a cue that names a passphrase, or three words
    // or more that name no product ("Purple Monkey Dishwasher", not "Azure Key Vault").
    const title = words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) && (passphrase || (words.length >= 3 && !words.some((w) => PRODUCT_WORDS.has(w.toLowerCase()) || JARGON_WORDS.has(w.toLowerCase()))));
    const oneCase = run === run.toLowerCase() || run === run.toUpperCase() || title;
    // Two words only when neither reads like prose about the password ("case sensitive", "rotated weekly").
    const plain = (w: string): boolean =>
      !FUNCTION_WORDS.has(w.toLowerCase()) &&
      !CLAUSE_WORDS.has(w.toLowerCase()) &&
      (passphrase ||
        (words.length >= 4 ? !/(?:ly|ed)$/i.test(w) : !PROSE_WORDS.has(w.toLowerCase()) && !/(?:ly|ed|ing|ive|ous|able|ible|al)$/i.test(w)));
    // Another language's prose after the cue starts with one of its function words ("Hasło: bez zmian", "Wachtwoord: zie kluis").
    // (Nor does one end with such a word: "Lösenordet är juniper tills vidare".)
    if (oneCase && words.every(plain) && (passphrase || words.length >= 2) && !isForeignFunctionWord(words[0] ?? '') && !isForeignFunctionWord(words[words.length - 1] ?? '')) return [at, at + run.length];
  }
  // One word, then a word of chat to the clause's end: "Pass is harbour btw, same one Maya used".
  const chatted = /^(\p{L}{3,32})[ \t]+(?:btw|lol|fyi|ya|thx|pls|asap)(?=[ \t]*(?:[.,;!?)]|\r?\n|$))/iu.exec(tail)?.[1];
  if (chatted !== undefined && !PLACEHOLDER.test(chatted) && !FUNCTION_WORDS.has(chatted.toLowerCase()) && !CLAUSE_WORDS.has(chatted.toLowerCase()) && !PROSE_WORDS.has(chatted.toLowerCase()) && !/(?:ly|ed|ing|ive|ous|able|ible|al)$/i.test(chatted) && !isForeignFunctionWord(chatted)) return [at, at + chatted.length];
  const word = ONE_WORD.exec(tail)?.[1];
  // "the password is whatever you chose": a common password that is a word of prose, then the clause goes on.
  // (Nor a subject with its verb after it: "pass: Dana has it".)
  const clause = word !== undefined && ((FUNCTION_WORDS.has(word.toLowerCase()) && /^[ \t]+\p{L}/u.test(tail.slice(word.length))) || SUBJECT_VERB.test(tail.slice(word.length)));
  if (word !== undefined && !clause && !isCodeValue(word) && (isCommonPassword(word) || (isChosenWord(word) && plainWord?.(word) === true))) return [at, at + word.length];
  return undefined;
}

/** Words that follow "password is" in prose about passwords, not a password. */
export const PASSWORD_PROSE = /^(?:required|incorrect|invalid|wrong|expired|correct|missing|empty|too|not|the|a|an|set|reset|changed|same|different|whatever|whichever|something|anything|obligatori[ao]|obligatoire|erforderlich|weak|strong|case|stored|saved|hidden|shown|encrypted|hashed|optional|mandatory|below|above|attached|in|on|at|of|for|to|with|by|from|your|my|our|their|his|her|its|this|that|still|now|also|being|only|never|always)$/i;

/**
 * Three words or more that read as a passphrase, not prose: no function word, and no word of prose
 * about passwords, but one among four or more ("correct horse battery staple").
 */
export function isPassphraseRun(words: readonly string[]): boolean {
  return words.length >= 3 && !words.some((w) => isFunctionWord(w)) && words.filter((w) => !isChosenWord(w)).length <= (words.length >= 4 ? 1 : 0);
}

/** A word that makes any run of words prose ("the", "after", "ist"). */
export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(word.toLowerCase());
}

/** A word that no list of prose words holds. */
export function isChosenWord(word: string): boolean {
  const lower = word.toLowerCase();
  return !FUNCTION_WORDS.has(lower) && !PROSE_WORDS.has(lower);
}

/** Rows and columns of a QWERTY keyboard (the digits' row shifted too: "!@#$%^&*"), read either way: what a keyboard walk runs along. */
const KEY_RUNS = ['1234567890', '!@#$%^&*()', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'].flatMap((r) => [r, [...r].reverse().join('')]);

/**
 * A keyboard walk: runs of three keys or more along a row or a column ("qwerty", "qweasdzxc",
 * "asdfgh12", "1qaz2wsx"), a password however few letter classes it mixes.
 */
export function isKeyboardWalk(word: string): boolean {
  const lower = word.toLowerCase();
  if (lower.length < 6) return false;
  let i = 0;
  while (i < lower.length) {
    let best = 0;
    for (let n = lower.length - i; n >= 3 && best === 0; n--) if (KEY_RUNS.some((r) => r.includes(lower.slice(i, i + n)))) best = n;
    if (best === 0) return false;
    i += best;
  }
  return true;
}

/** One of the most used passwords, whatever its case, or a keyboard walk. */
export function isCommonPassword(word: string): boolean {
  return COMMON_PASSWORDS.has(word.toLowerCase()) || isKeyboardWalk(word);
}
