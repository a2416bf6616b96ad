import { ENGLISH_TIER, JARGON_WORDS } from './english-lexicon.ts';
import { FINDING_TAG, MIN_PASSWORD_LENGTH, PLACEHOLDER, TEMPLATE_EXPRESSION, USER_KEYS, isChosenWord, isCommonPassword, isMarkedValue, isPassphraseRun, isShellVariable } from './password-values.ts';
import { CAMEL_CASE, TRAILING_PUNCTUATION, hasPasswordShape, isJoinedWordsPassphrase, isLetterRunPassword, isStrongPasswordValue, pastCueWord, wordAndDigits } from './password-shapes.ts';
import { afterNonLetter, execAll, regexSpans } from './text.ts';
import { isChosenPlainWord } from './password-plain-words.ts';
import { isShortPasswordValue } from './password-short-values.ts';
import type { PiiSpan } from './types.ts';

// Passwords found by where conventions put them, not by a cue word in a sentence: command lines,
// login pairs, Wi-Fi stickers, the password column of a table.

/** A value that a login's user name comes before, in a pair or a command line. */
export const loginValue = (value: string): boolean =>
  value.length >= MIN_PASSWORD_LENGTH && !PLACEHOLDER.test(value) && (hasPasswordShape(value) || isLetterRunPassword(value) || isJoinedWordsPassphrase(value) || isCommonPassword(value) || irregularCase(value));
/** Letters whose case changes as no word's does ("eEgwNPQ"; not "GitHub", "iPhone"): a generated value after a user's name. */
const irregularCase = (value: string): boolean =>
  /^(?=\p{L}*\p{Lu})(?=\p{L}*\p{Ll})\p{L}{6,}$/u.test(value) && !CAMEL_CASE.test(value) && !/^\p{Lu}+\p{Ll}+$/u.test(value);
/** A value whose place alone makes it a password (a command's password argument): any word but a placeholder. */
const anyValue = (value: string): boolean => value.length >= 4 && !PLACEHOLDER.test(value);

/** A built-in account's name and a slash before the password: "admin / yellow55*", "root / Pizza0285". */
const ACCOUNT_SLASH = /(?<![\p{L}\d_.\/-])(?:admin|administrator|root|sa|postgres|ubuntu|pi|guest|sysadmin|superuser|operator|svc[_-][\w-]{1,30})[ \t]*\/[ \t]*["'`“]?([^\s"'`”]{4,128})/dgiu;
const ACCOUNT_HINT = /(?:admin|root|sa|postgres|ubuntu|pi|guest|superuser|operator|svc[_-][\w-]{1,30})[ \t]*\//i;
/**
 * A password on a command line: "--password X", "--password=X", "-p X" after "-u user" or in a
 * login command, "-u user:X" and "--user user:X" (curl's basic auth).
 */
const PASSWORD_FLAG = /(?<![\w-])--(?:password|passwd|pass|pwd)(?:[ \t]+|=)["']?([^\s"'-][^\s"']{3,127})/dg;
const P_FLAG = /(?<![\w-])-p(?:[ \t]+|=)["']?([^\s"'-][^\s"']{3,127})/dg;
const USER_COLON = /(?<![\w-])(?:-u|--user)[ \t=]+["']?[^\s:"']{1,64}:["']?([^\s"']{4,128})/dg;
/** "-pX" glued to its flag, as mysql and 7-Zip take it ("mysql -uroot -p'Autumn2022!!'", "7z x -pS3cret a.7z"). */
const GLUED_P = /(?<![\w-])-p["']?([^\s"'-][^\s"']{3,127})/dg;
const GLUED_P_COMMAND = /\b(?:mysql|mysqldump|mysqladmin|mariadb|7za?|unrar|rar)\b/;
/** Commands whose arguments hold a password by position or flag. */
const COMMAND_PASSWORDS = [
  // htpasswd -b FILE USER PASSWORD
  /\bhtpasswd[ \t]+(?:-[A-Za-z]+[ \t]+)*-[A-Za-z]*b[A-Za-z]*[ \t]+(?:-[A-Za-z]+[ \t]+)*[^\s-]\S*[ \t]+[^\s-]\S*[ \t]+["']?([^\s"']{4,128})/dg,
  // net user NAME PASSWORD [/domain]; net use Z: \\host\share /user:NAME PASSWORD
  /\bnet[ \t]+user[ \t]+[^\s\/*"']+[ \t]+["']?([^\s"'\/*][^\s"']{3,127})/dgi,
  /\bnet[ \t]+use[ \t][^\n]*?\/user:\S+[ \t]+["']?([^\s"'\/*][^\s"']{3,127})/dgi,
  // PowerShell: ConvertTo-SecureString 'X' -AsPlainText
  /\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?["']([^"'\n]{4,128})["']/dgi,
  // OpenSSL: -passin pass:X, -passout pass:X
  /(?<![\w-])-pass(?:in|out)[ \t]+pass:([^\s"']{4,128})/dg,
  // sshpass -p X
  /\bsshpass[ \t]+(?:-[A-Za-z][ \t]+)*-p[ \t]*["']?([^\s"'-][^\s"']{3,127})/dg,
];
const COMMAND_HINT = /htpasswd|net[ \t]+use?r?|securestring|-pass(?:in|out)|sshpass/i;
/**
 * Where a command line's argument is the password, the pattern ending right before it: a quoted
 * "--password" (bare ones are {@link PASSWORD_FLAG}'s), sqlcmd's "-P", redis-cli's "-a", and the
 * password of a user's pair after curl's "-u" in quotes or lftp's "-u" ("user,password"). (A command's
 * flags are looked for within 200 characters of its name: a long line of them stays linear.)
 */
const COMMAND_ARGUMENTS: ReadonlyArray<{ before: RegExp; pair?: string; quotedOnly?: boolean }> = [
  { before: /(?<![\w-])--(?:password|passwd|pass|pwd)(?:[ \t]+|=)/g, quotedOnly: true },
  { before: /\bsqlcmd\b[^\n]{0,200}?[ \t]-P[ \t]*/g },
  { before: /\bredis-cli\b[^\n]{0,200}?[ \t]-a[ \t]+/g },
  // ldapsearch, ldapmodify, ldapadd…: "-w" is the bind password ("-W" prompts for it).
  { before: /\bldap[a-z]{3,12}\b[^\n]{0,200}?[ \t]-w[ \t]+/g },
  { before: /\blftp\b[^\n]{0,200}?[ \t]-u[ \t]+/g, pair: ',' },
  { before: /(?<![\w-])(?:-u|--user)[ \t=]+(?=["'])/g, pair: ':', quotedOnly: true },
  // "-p" in quotes, apart or glued ("docker login -u ops -p 'copper honey desert'", "mysql -p'$Admin01'"); a port is not quoted.
  { before: /(?<![\w-])-p[ \t]*(?=["'])/g, quotedOnly: true },
  // smbclient's "-U user%password".
  { before: /\bsmbclient\b[^\n]{0,200}?[ \t]-U[ \t]*/g, pair: '%' },
];
const COMMAND_ARGUMENT_HINT = /--pass|--pwd|sqlcmd|redis-cli|ldap[a-z]{3,12}[^\n]*[ \t]-w[ \t]|lftp|smbclient|(?:-u|--user)[ \t=]+["']|-p[ \t]*["']|\|[ \t]*sudo[ \t]+-S/;
/** "echo X | sudo -S …": the password sudo reads from its input. */
const ECHO_TO_SUDO = /\becho[ \t]+(?=[^\n|]{1,200}\|[ \t]*sudo[ \t]+-S\b)/g;

/** The argument at `at`: to its closing quote when quoted (spaces and other quotes are the value's), else to the next space. */
function argumentAt(text: string, at: number): { start: number; end: number; quoted: boolean } | undefined {
  const q = text[at];
  if (q === "'" || q === '"') {
    const window = text.slice(at + 1, at + 257);
    const close = window.indexOf(q);
    const eol = window.indexOf('\n');
    if (close === -1 || (eol !== -1 && eol < close)) return undefined;
    return { start: at + 1, end: at + 1 + close, quoted: true };
  }
  const end = /\s|$/.exec(text.slice(at, at + 256))?.index ?? 0;
  return end > 0 ? { start: at, end: at + end, quoted: false } : undefined;
}

function* findCommandArguments(text: string): Generator<PiiSpan> {
  const take = (arg: { start: number; end: number } | undefined, pair?: string): PiiSpan | undefined => {
    if (arg === undefined) return undefined;
    let start = arg.start;
    if (pair !== undefined) {
      const cut = text.slice(arg.start, arg.end).indexOf(pair);
      if (cut <= 0) return undefined;
      start += cut + 1;
    }
    const value = text.slice(start, arg.end);
    return anyValue(value) && !FINDING_TAG.test(value) && !isShellVariable(value) ? { start, end: arg.end } : undefined;
  };
  for (const { before, pair, quotedOnly } of COMMAND_ARGUMENTS) {
    for (const m of execAll(before, text)) {
      const arg = argumentAt(text, m.index + m[0].length);
      const span = arg === undefined || (quotedOnly === true && !arg.quoted) ? undefined : take(arg, pair);
      if (span !== undefined) yield span;
    }
  }
  for (const m of execAll(ECHO_TO_SUDO, text)) {
    const arg = argumentAt(text, m.index + m[0].length);
    // The argument is all that is echoed: the pipe follows it.
    const span = arg !== undefined && /^[ \t]*\|/.test(text.slice(arg.end + (arg.quoted ? 1 : 0))) ? take(arg) : undefined;
    if (span !== undefined) yield span;
  }
}

/** PHP's constant of a password (WordPress's wp-config.php): "define( 'DB_PASSWORD', 'X' );", all of the quoted value. */
const DEFINED_PASSWORD = /\bdefine\(\s*(["'])\w*(?:PASSWORD|PASSWD|PASS|PWD)\w*\1\s*,\s*(["'])((?:(?!\2)[^\n]){1,256})\2\s*\)/dgi;
/** "when it asks, type `X`": what to type at a prompt, in backticks or quotes. */
const TYPE_AT_PROMPT = /(?<![\p{L}])(?:type|enter)[ \t]+(?:in[ \t]+)?([`"'])((?:(?!\1)[^\n]){4,128})\1/dgiu;
/** Unquoted, where the sentence says what asks for it: "type X when it asks for the password", "when prompted for the PIN, enter X". */
const TYPE_WHEN_ASKED =
  /(?<![\p{L}])(?:type|enter)[ \t]+(?:in[ \t]+)?([^\s"'`“”]{4,64}?)[.,;!]?[ \t]+(?:when|once|if)[ \t]+(?:it|they|the[ \t]+\p{L}+|you['’]?re|you[ \t]+are|prompted|asked)(?![\p{L}])[^\n]{0,40}?(?:pass|pw|pin|code|key)/dgiu;
const ENTER_WHEN_PROMPTED =
  /(?:prompted|asked)[ \t]+for[ \t]+(?:the|a|your)[ \t]+(?:[\p{L}-]{1,20}[ \t]+)?(?:password|passphrase|passcode|pin|pw),?[ \t]+(?:type|enter)[ \t]+(?:in[ \t]+)?([^\s"'`“”]{4,64}?)(?=[.,;!]?(?:[ \t]|$)|[.,;!]?\r?\n)/dgiu;

/** A password manager's XML export (KeePass): the value of the entry whose key names the password, all of it to the tag. */
const KEEPASS_PASSWORD = /<Key>(?:Password|Passwort|Mot de passe|Contraseña|Senha|Wachtwoord|Hasło)<\/Key>\s*<Value(?:\s[^>\n]*)?>([^<\n]{1,256})<\/Value>/dgi;
/** A .pgpass line: host:port:database:user:password. */
const PGPASS_LINE = /(?:^|\n)[ \t]*[\w.-]+:(?:\d{1,5}|\*):[^\s:]+:[^\s:]+:([^\s:]{4,128})[ \t]*(?=\r?\n|$)/dg;
/** Wi-Fi details as a router's sticker or a note gives them: "SSID: ACME-Staff\nKey: butter?1". */
const WIFI_KEY_LINE = /(?:^|\n)[ \t]*(?:key|psk|wpa2? key|network key|pass)[ \t]*[:=][ \t]*["'`“]?([^\s"'`”]{4,128})/dgi;

/** A table header's cell that names a password column. */
// A password manager's export may name its field after the login ("login_password").
const PASSWORD_COLUMN = /^(?:(?:login|user|account|db|admin|wifi|wi-fi|wlan|guest|root|vpn|router|network)[_ ])?(?:passwords?|passwd|pwd|pw|pass|passphrase|pass ?code|secret|kennwort|passwort|mot de passe|contraseña|senha|wachtwoord|has[łl]o|[şs]ifre|parola|l[öo]senord|passord|adgangskode|salasana|пароль|パスワード|密码|密碼)$/i;

/** A column of a code's digits: a PIN's, or "code" beside a door, a gate, an alarm, a room or a site ("Door | Code", "Site\tAlarm code"). */
const PIN_COLUMN = /^(?:pin|pin[ _-]?code|pass[ _-]?code|(?:door|gate|alarm|access|entry|keypad|lock|locker|garage|safe)[ _-]?code)$/i;
const CODE_COLUMN = /^codes?$/i;
const CODED_THING_COLUMN = /^(?:doors?|gates?|alarms?|rooms?|sites?|locks?|lockers?|keypads?|entrances?|entry|garages?|buildings?|floors?|printers?|copiers?)$/i;
/** The index of a code's column among a header's cells, or -1. */
function codeColumn(cells: readonly string[]): number {
  const k = cells.findIndex((c) => PIN_COLUMN.test(c.trim()));
  if (k !== -1) return k;
  return cells.some((c) => CODED_THING_COLUMN.test(c.trim())) ? cells.findIndex((c) => CODE_COLUMN.test(c.trim())) : -1;
}
/** A code's cell: four to eight digits. */
const isCodeCell = (value: string): boolean => /^\d{4,8}$/.test(value);

const WIFI_COLUMN = /^(?:ssid|network|wi-?fi|wlan|netzwerk|réseau|red)$/i;
const WIFI_KEY_COLUMN = /^(?:key|psk|wpa2? key|network key|schlüssel|clé|clave)$/i;

/**
 * A password column's cell that holds a value: one word of four characters or more, not a
 * placeholder, another finding's tag or a word in brackets, nor a common word ("see vault", "N/A", "TBD" stay).
 */
function isCellValue(value: string): boolean {
  // (The column says what it holds: a short value with a password's marks, a word of another script, a plain word no common one.)
  if (isShortPasswordValue(value) || /^[^\u0000-\u024f\s\p{P}]{2,24}!?$/u.test(value) || isChosenPlainWord(value) || /^\$[a-z]{3,}\d+$/.test(value)) return true;
  return value.length >= 4 && (!/\s/.test(value) || isCellPassphrase(value)) && !/^[(\[{<].*[)\]}>]$/.test(value) && !PLACEHOLDER.test(value) && !FINDING_TAG.test(value) && ((ENGLISH_TIER.get(value.toLowerCase()) ?? 9) > 2 || isCommonPassword(value));
}

/** Three to six words of letters in a password column, none of them prose ("squirrel bamboo saddle paddle"; not "see the vault"). */
function isCellPassphrase(value: string): boolean {
  // (A number may close it: "ladder quiver paddle 50".)
  const words = value.replace(/ \d{1,4}$/, '').split(' ');
  return words.length >= 3 && words.length <= 6 && words.every((w) => /^\p{L}{3,}$/u.test(w) && isChosenWord(w));
}

/**
 * The cells of a password column in a table written with pipes ("| host | user | password |",
 * then "| --- | --- | --- |" and the rows): each one word of four characters or more, not a
 * placeholder nor a common word ("see vault", "N/A", "TBD" stay).
 */
export function* findPasswordColumns(text: string): Generator<PiiSpan> {
  const lines = text.split('\n');
  let offset = 0;
  let column = -1;
  let codes = false;
  for (const line of lines) {
    // With pipes around the row ("| host | pw |") or only between its cells ("SSID | Key").
    const outer = /^[ \t]*\|.*\|[ \t]*\r?$/.test(line);
    const cells = outer ? line.trim().slice(1, -1).split('|') : / \| /.test(line) ? line.replace(/\r$/, '').split('|') : undefined;
    // A key / value table's row ("| Password | X |" under "| Key | Value |"): the value is the second cell.
    const pair = cells?.length === 2 && PASSWORD_COLUMN.test((cells[0] ?? '').trim()) ? (cells[1] ?? '').trim() : '';
    if (cells !== undefined && pair !== '' && isCellValue(pair)) {
      const start = offset + (outer ? line.indexOf('|') + 1 : 0) + (cells[0] ?? '').length + 1 + (cells[1] ?? '').indexOf(pair);
      yield { start, end: start + pair.length };
    } else if (cells === undefined) column = -1;
    else if (cells.every((c) => /^[ \t]*:?-{3,}:?[ \t]*$/.test(c))) {
      // The separator row under the header.
    } else if (column === -1) {
      // Beside an SSID or a network, a "Key" column is the Wi-Fi's password.
      const wifi = cells.some((c) => WIFI_COLUMN.test(c.trim()));
      column = cells.findIndex((c) => PASSWORD_COLUMN.test(c.trim()) || (wifi && WIFI_KEY_COLUMN.test(c.trim())));
      codes = column === -1 && codeColumn(cells) !== -1;
      if (codes) column = codeColumn(cells);
    }
    else {
      const cell = cells[column];
      const value = cell?.trim() ?? '';
      if (cell !== undefined && (codes ? isCodeCell(value) : isCellValue(value))) {
        let at = offset + (outer ? line.indexOf('|') + 1 : 0);
        for (let k = 0; k < column; k++) at += (cells[k] ?? '').length + 1;
        const start = at + cell.indexOf(value);
        yield { start, end: start + value.length };
      }
    }
    offset += line.length + 1;
  }
}

/** A cell's value: its quotes off, when it has them. */
function unquoted(cell: string): string {
  const t = cell.trim();
  return /^(["'])(.*)\1$/.test(t) ? t.slice(1, -1) : t;
}

/**
 * The cells of a password column in a CSV or TSV export ("system,username,password", then
 * "router,admin,91102"): a header with a password's column, then rows of as many cells. A row of
 * another count ends the table.
 */
export function* findDelimitedPasswordColumns(text: string): Generator<PiiSpan> {
  let column = -1;
  let delimiter = '';
  let width = 0;
  let codes = false;
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const cells = column === -1 ? undefined : line.split(delimiter);
    if (cells === undefined || cells.length !== width) {
      column = -1;
      for (const d of [',', ';', '\t']) {
        const header = line.split(d);
        const named = header.length >= 2 ? header.findIndex((c) => PASSWORD_COLUMN.test(unquoted(c))) : -1;
        const k = named !== -1 || header.length < 2 ? named : codeColumn(header.map(unquoted));
        if (k !== -1) {
          [column, delimiter, width, codes] = [k, d, header.length, named === -1];
          break;
        }
      }
    } else {
      const cell = cells[column] ?? '';
      const value = unquoted(cell);
      if (codes ? isCodeCell(value) : isCellValue(value)) {
        let at = offset;
        for (let k = 0; k < column; k++) at += (cells[k] ?? '').length + 1;
        const start = at + cell.indexOf(value);
        yield { start, end: start + value.length };
      }
    }
    offset += raw.length + 1;
  }
}

export function* findLoginArguments(text: string): Generator<PiiSpan> {
  const found = function* (re: RegExp, keep: (value: string) => boolean = loginValue): Generator<PiiSpan> {
    for (const m of execAll(re, text)) {
      const span = m.indices?.[1];
      // Another finding's placeholder is the value already replaced (scrubbing twice finds nothing new).
      if (FINDING_TAG.test(m[1] ?? '')) continue;
      // Inside quotes or backticks a final '.' is the value's ("`Cheese84...`").
      const quoted = /["'`”’]/.test(text[(span ?? [0, 0])[1]] ?? '');
      const value = quoted ? (m[1] ?? '') : (m[1] ?? '').replace(TRAILING_PUNCTUATION, '');
      if (span === undefined || !keep(value)) continue;
      const given = pastCueWord(text, span[0], span[0] + value.length);
      if (given !== undefined) yield { start: given[0], end: given[1] };
    }
  };
  /** The spans of group `group` of `re` whose value `keep` takes, whole: the record's syntax ends them, so no punctuation is trimmed. */
  const whole = function* (re: RegExp, group: number, keep: (value: string) => boolean): Generator<PiiSpan> {
    for (const s of regexSpans(re, text, group)) {
      const value = text.slice(s.start, s.end);
      if (keep(value) && !FINDING_TAG.test(value)) yield s;
    }
  };
  // (Each pattern's hint is tried only where the text has a character the hint cannot match without.)
  // (Six digits or more too, no port's or year's: "admin / 000000", "-p 04718823".)
  const loginOrDigits = (v: string): boolean => loginValue(v) || /^\d{6,16}$/.test(v);
  if (text.includes('/') && ACCOUNT_HINT.test(text)) yield* found(ACCOUNT_SLASH, loginOrDigits);
  if (text.includes('--p')) yield* found(PASSWORD_FLAG, (v) => v.length >= 4 && !PLACEHOLDER.test(v));
  if (text.includes('-p') && /(?<![\w-])-p\b/.test(text) && /(?<![\w-])(?:-u|--user(?:name)?)|\blogin\b/.test(text)) yield* found(P_FLAG, loginOrDigits);
  if (GLUED_P_COMMAND.test(text)) yield* found(GLUED_P, (v) => anyValue(v) && !/^\d{1,5}$/.test(v));
  if (COMMAND_HINT.test(text)) for (const re of COMMAND_PASSWORDS) yield* found(re, anyValue);
  if (text.includes(':') && /:\d{1,5}:|:\*:/.test(text)) yield* found(PGPASS_LINE, anyValue);
  const lines = text.includes('\n');
  if (lines && /\bpass/i.test(text)) yield* found(USER_THEN_PASS_LINE, lineValue);
  if (LOGIN_PHRASE_HINT.test(text)) {
    // (Digits too: "the safe opens with 11032015", "entrá con ops y 121307".)
    yield* found(LOGIN_PHRASE, (v) => isStrongPasswordValue(v) || /^\d{4,16}$/.test(v));
    yield* found(TRY_FOR_LOGIN, isStrongPasswordValue);
    yield* found(ONE_IS, isStrongPasswordValue);
  }
  if (IT_IS_HINT.test(text)) yield* found(IT_IS_AFTER_CUE, (v) => isStrongPasswordValue(v) || /^\d{6,16}$/.test(v));
  if (/pass[ \t]/i.test(text)) yield* found(PASS_THEN_VALUE, (v) => /\d/.test(v) && isStrongPasswordValue(v) && !/^[a-z]+(?:_[a-z\d]+)+$/.test(v));
  if (lines && POINTER_HINT.test(text)) yield* found(VALUE_UNDER_POINTER, (v) => isStrongPasswordValue(v) || wordAndDigits(v) !== undefined);
  if (lines && /\n[ \t]*(?:\^|↑|⬆|☝)/u.test(text)) {
    yield* found(VALUE_ABOVE_POINTER, anyValue);
    yield* found(PHRASE_ABOVE_POINTER, (v) => isPassphraseRun(v.split(/[ \t]+/).filter((w) => !/^\d+$/.test(w))));
  }
  if (text.includes('👈')) yield* found(VALUE_POINTED_AT, anyValue);
  if (text.includes('-u') && /(?<![\w-])(?:-u|--user)\b/.test(text)) yield* found(USER_COLON);
  if (/\bssid\b|network|wi-?fi|wlan/i.test(text)) yield* found(WIFI_KEY_LINE, (v) => v.length >= 4 && !PLACEHOLDER.test(v));
  if (/works|worked|good/i.test(text)) yield* found(PAIR_WORKS, loginValue);
  if (SCRIPT_CUE_HINT.test(text)) yield* findScriptCuedPasswords(text);
  if (COMMAND_ARGUMENT_HINT.test(text)) yield* findCommandArguments(text);
  // (PHP interpolates "$…" and templates stand for the value.)
  if (text.includes('define(')) yield* whole(DEFINED_PASSWORD, 3, (v) => anyValue(v) && !TEMPLATE_EXPRESSION.test(v) && !v.startsWith('$'));
  // (Digits and dates typed at the prompt too: "when it asks, type `0989703107`", "type `02-11-1963`".)
  if (/(?:type|enter)[ \t]/i.test(text)) {
    yield* whole(TYPE_AT_PROMPT, 2, (v) => isStrongPasswordValue(v) || /^\d{6,16}$/.test(v) || isMarkedValue(v));
    yield* found(TYPE_WHEN_ASKED, (v) => isStrongPasswordValue(v) || /^\d{4,16}$/.test(v));
    yield* found(ENTER_WHEN_PROMPTED, (v) => isStrongPasswordValue(v) || /^\d{4,16}$/.test(v));
  }
  if (text.includes('</')) yield* whole(KEEPASS_PASSWORD, 1, anyValue);
  if (lines && text.includes('?') && /\?[ \t]*\r?\n/.test(text)) {
    yield* found(ANSWER_TO_QUESTION, anyValue);
    // (Digits answer such a question too: "yes, it's \"60136525\".")
    const answer = (v: string): boolean => isStrongPasswordValue(v) || /^\d{4,16}$/.test(v);
    yield* found(CHAT_ANSWER, answer);
    yield* found(CHAT_LABEL_ANSWER, (v) => answer(v) || hasPasswordShape(v));
  }
}

/** "user deploy\npass Frozen.Bagel.Maple", "USER ROOT\nPASS FFD60D60DABA": a login's two lines, the password alone after its key. */
const USER_THEN_PASS_LINE = new RegExp(
  String.raw`(?:^|\n)[ \t]*(?:${USER_KEYS})[ \t]*[:=]?[ \t]+\S+[ \t]*\r?\n[ \t]*(?:pass(?:word|wd)?|pw|pwd|kennwort|passwort|mot de passe|contrase[ñn]a|senha)[ \t]*[:=]?[ \t]+["'${'`'}]?([^\s"'${'`'}]{4,128}?)["'${'`'}]?[ \t]*(?=\r?\n|$)`,
  'dgi',
);
/** A single word under its key: not a common word of prose ("see vault"), nor one in brackets ("(SSO)"). */
const lineValue = (value: string): boolean =>
  anyValue(value) && !/^[(\[{<]/.test(value) && ((ENGLISH_TIER.get(value.toLowerCase()) ?? 9) > 2 || isCommonPassword(value));

/**
 * Phrases that give a password without naming one: "unlock it with X", "open it with X", "log in
 * with X", "sign in as support using X", "the vault says X", "the shared account's is X", "the
 * key for the wifi is X", "just type X". The value must look like a password (see
 * {@link isStrongPasswordValue}): "log in with SSO", "unlock it with your fingerprint" stay.
 */
const LOGIN_PHRASE = afterNonLetter(new RegExp(
  '(?<![a-zA-Z])(?:(?:unlock|open|decrypt)[ \\t]+(?:it|them|the[ \\t]+(?:[\\p{L}-]+[ \\t]+){0,2}[\\p{L}-]+)[ \\t]+with|log(?:ging)?[ -]?in[ \\t]+with|sign(?:ing)?[ -]?in[ \\t]+(?:as[ \\t]+\\S+[ \\t]+)?(?:with|using)' +
    '|(?:the[ \\t]+)?vault[ \\t]+says|account[\'’]s[ \\t]+is|(?:wi-?fi|wlan|network|router)[ \\t]+key[ \\t]+is|key[ \\t]+for[ \\t]+the[ \\t]+(?:[\\p{L}-]+[ \\t]+)?(?:wi-?fi|wlan|network|router)[ \\t]+is' +
    '|(?:just|then)[ \\t]+(?:type|enter)|new[ \\t]+one[ \\t]*:' +
    // "the safe opens with X", "the zip is locked with X", "the laptop unlocks with X", "sudo wants X",
    // "ssh in as ops with X", "login is ops and X", "sign in as admin and type X".
    '|(?:opens|unlocks|(?:is[ \\t]+)?(?:locked|protected|encrypted))[ \\t]+with|sudo[ \\t]+(?:wants|asks[ \\t]+for|needs)' +
    '|(?:ssh|log|get)[ -]?in[ \\t]+as[ \\t]+\\S+[ \\t]+(?:with|using)|(?:login|username|user)[ \\t]+is[ \\t]+\\S+[ \\t]+(?:and|with)' +
    '|(?:sign|log)[ -]?in[ \\t]+as[ \\t]+\\S+[ \\t]+and[ \\t]+(?:type|enter|use)' +
    // Spanish, Persian and Swahili logins: "entrá con ops y X", "با یوزر ops و X", "ingia kwa jsmith kisha weka X".
    '|(?:entr[aá]|ingres[aá]|acced[eé])[ \\t]+con[ \\t]+\\S+[ \\t]+y|با[ \\t]+(?:یوزر|کاربر)[ \\t]+\\S+[ \\t]+و|ingia[ \\t]+kwa[ \\t]+\\S+[ \\t]+(?:kisha[ \\t]+)?(?:weka|tumia)' +
    // "the code to unlock the shared laptop is X", "code for the portal account: X", "le code d'accès … est X".
    '|code[ \\t]+(?:to[ \\t]+(?:unlock|open)|for)[ \\t]+(?:[\\p{L}-]+[ \\t]+){0,4}?(?:is|was|:)|code[ \\t]+d[\'’]acc[eè]s[ \\t]+(?:[\\p{L}\'’-]+[ \\t]+){0,4}?(?:est|:))[ \\t]+["\'`“]?([^\\s"\'`”]{4,128})',
  'dgiu',
));
/** "can u try X for the router admin page", "use X to log in": a value tried on a login. */
const TRY_FOR_LOGIN = afterNonLetter(new RegExp(
  '(?<![a-zA-Z])(?:try|use|it[\'’]?s)[ \\t]+["\'`“«]?([^\\s"\'`”»]{4,128}?)["\'`”»]?,?[ \\t]+(?:to[ \\t]+(?:(?:log|sign)[ -]?in|get[ \\t]+into)|for[ \\t]+(?:the[ \\t]+)?(?:[\\p{L}-]+[ \\t]+)?' +
    '(?:router|admin|login|vpn|wi-?fi|wlan|portal|account|laptop|server|nas|console|printer|guest|kiosk|drive|folder|mailbox|share|database|db|tablet|ipad|network)(?![\\p{L}]))',
  'dgiu',
));
/** "ops:Harbor97 works for the staging host": a user and a password joined by a colon, then what they open. */
const PAIR_WORKS = /(?<![\w.@:\/-])[\w.@-]{2,40}:([^\s:\/]{4,128})[ \t]+(?:works|worked|is good|should work)[ \t]+(?:for|on)(?![\p{L}])/dgiu;
/**
 * A cue of a script passwords are not typed in ("رمز موقت شما X است", "รหัสผ่าน wifi ชั้น 18 คือ X นะคะ",
 * "임시 비밀번호: X", "nenosiri ya wifi ni X"): the first word of Latin letters, digits and symbols after it on
 * its line that is no English word is the value.
 */
const SCRIPT_CUE = /(?:رمز(?:[ \t\u200C]*(?:عبور|موقت))?|گذرواژه|รหัสผ่าน|비밀번호|암호|nenosiri|neno[ \t]+la[ \t]+siri)/giu;
const SCRIPT_CUE_HINT = /رمز|گذرواژه|รหัสผ่าน|비밀번호|암호|nenosiri|neno la siri/i;

/** "the vpn one is X": which login's password, then the value. */
const ONE_IS = afterNonLetter(new RegExp(
  '(?<![a-zA-Z])the[ \\t]+(?:vpn|wi-?fi|wlan|admin|root|guest|staging|prod|production|router|nas|server|printer|kiosk|shared|service|temp|temporary|new|current|default)[ \\t]+one[ \\t]+(?:is|was)[ \\t]+(?:now[ \\t]+)?["\'`“]?([^\\s"\'`”]{4,128})',
  'dgiu',
));
const LOGIN_PHRASE_HINT = /with|using|vault|account['’]s|key|type|enter|try|use|one|code|it['’]?s|wants|asks|needs|login|user|con|یوزر|کاربر|ingia/i;

/**
 * A password alone on the line under one that points to it: "PASSWORD FOR THE STAGING DB 👇",
 * "login for the sftp server below", "here's the new one for the router:" (one blank line between
 * is allowed).
 */
const VALUE_UNDER_POINTER = new RegExp(
  '(?:^|\\n)[^\\n]*?(?:pass(?:word|wd|phrase)?|pw|pwd|login|log-in|creds?|credentials|admin|new[ \\t]+one|kennwort|passwort|wachtwoord|contraseña|senha|mot de passe)(?![\\p{L}])' +
    '[^\\n]*?(?:below|here|👇|⬇️?|:)[ \\t]*\\r?\\n(?:[ \\t]*\\r?\\n)?[ \\t]*["\'`“]?([^\\s"\'`”]{4,128}?)["\'`”]?[ \\t]*(?=\\r?\\n|$)',
  'dgiu',
);
const POINTER_HINT = /(?:below|here|👇|⬇|:)[ \t]*\r?\n/iu;

/** A value on the line above a caret that points up to it: "Shadow.hammer@4945\n^ pw for the test tenant". */
/** Three to six words alone on the line above one that points up at a password's cue ("hollow paddle wafer 26\n^ VPN password"). */
const PHRASE_ABOVE_POINTER =
  /(?:^|\n)[ \t]*(\p{L}{2,}(?:[ \t]+\p{L}{2,}){2,5}(?:[ \t]+\d{1,4})?)[ \t]*\r?\n[ \t]*(?:\^|↑|⬆️?|☝️?)[ \t]*[^\n]{0,30}?(?<![\p{L}])(?:pass(?:word|wd|phrase)?|pw|pwd|passwort|kennwort|wachtwoord|contraseña|senha|mot de passe)(?![\p{L}])/dgiu;
const VALUE_ABOVE_POINTER = new RegExp(
  '(?:^|\\n)[ \\t]*["\'`“]?([^\\s"\'`”]{4,128}?)["\'`”]?[ \\t]*\\r?\\n[ \\t]*(?:\\^|↑|⬆️?|☝️?)[ \\t]*(?:that[\'’]?s[ \\t]+|is[ \\t]+)?(?:the[ \\t]+)?(?:new[ \\t]+|temp[ \\t]+)?' +
    '(?:pass(?:word|wd|phrase)?|pw|pwd|passwort|kennwort|wachtwoord|contraseña|senha|mot de passe)(?![\\p{L}])',
  'dgiu',
);

/** A question about a password and its answer: "Q: what's the password for the HR portal?\nA: P@ssw0rd!". */
const ANSWER_TO_QUESTION = new RegExp(
  '(?:^|\\n)[ \\t]*Q[:.][^\\n]*?(?:pass(?:word|wd|code|phrase)?|pw|pwd|login|creds?|credentials|wi-?fi key)(?![\\p{L}])[^\\n]*\\?[ \\t]*\\r?\\n[ \\t]*A[:.][ \\t]*["\'`“]?([^\\s"\'`”]{4,128}?)["\'`”]?[ \\t]*(?=\\r?\\n|$)',
  'dgiu',
);
/** The same in chat, on the next line: "what's the login for the router?\n[10:43] Priya: it's sleepy-thunder-horse-67 btw". */
const CHAT_ANSWER = new RegExp(
  '(?:pass(?:word|wd|code|phrase)?|pw|pwd|login|creds?|credentials)(?![\\p{L}])[^\\n]*\\?[ \\t]*\\r?\\n[^\\n]{0,60}?(?<![\\p{L}])it[\'’]?s[ \\t]+(?:still[ \\t]+|now[ \\t]+)?["\'`“]?([^\\s"\'`”]{4,128}?)["\'`”]?(?=[ \\t,.!;]|$)',
  'dgiu',
);

/** A value a hand points at, then what it is: "juniper 👈 pwd for the print server", "6018 👈 PIN for the printer". */
const VALUE_POINTED_AT =
  /(?<![^\s"'`“‘«])["'`“‘«]?([^\s"'`”’»]{4,128})["'`”’»]?[ \t]*👈[ \t]*(?:(?:the|new|my|our|your|that's|that’s|is)[ \t]+)*(?:[\p{L}-]+[ \t]+)?(?:password|passwort|kennwort|pw|pwd|pass|passcode|passphrase|pin|mdp|senha|contraseña|clave|hasło|wachtwoord|lösenord)(?![\p{L}])/dgiu;

/** The answer as a chat line of its own, after the speaker's name: "what's the guest wifi password again?\nMaya: `8490`". */
const CHAT_LABEL_ANSWER = new RegExp(
  '(?:pass(?:word|wd|code|phrase)?|pw|pwd|login|creds?|credentials)(?![\\p{L}])[^\\n]{0,200}\\?[ \\t]*\\r?\\n[ \\t]*(?:\\[[0-9:. ]{4,12}\\][ \\t]*)?\\p{L}[\\p{L}.\'’-]{0,30}(?:[ \\t]\\p{L}[\\p{L}.\'’-]{0,30})?:(?!\\/\\/)[ \\t]*["\'`“]?([^\\s"\'`”]{4,128}?)["\'`”]?[ \\t]*(?=\\r?\\n|$)',
  'dgiu',
);

/**
 * "it's X" after a word for the login on the same line: "Sam asked for the Wi-Fi again, it's
 * Ladder-2-Staple", "the vpn login? it's Ocean#44". The value must look like a password.
 */
const IT_IS_AFTER_CUE = new RegExp(
  '(?<![\\p{L}])(?:wi-?fi|wlan|password|passwort|passcode|pw|pwd|login|creds?)(?![\\p{L}])[^\\n]{0,60}?[ \\t]it[\'’]?s[ \\t]+(?:still[ \\t]+|now[ \\t]+)?["\'`“«]?([^\\s"\'`”»]{4,128})',
  'dgiu',
);
const IT_IS_HINT = /it['’]?s[ \t]/i;
/** "pass" as the key of a value, after a colon or at a line's start: "in case it didn't arrive: pass X66LQI3622". */
const PASS_THEN_VALUE = /(?:^|[:\n>])[ \t]*pass[ \t]+["'`]?([^\s"'`]{4,128})/dgi;

function* findScriptCuedPasswords(text: string): Generator<PiiSpan> {
  for (const cue of execAll(SCRIPT_CUE, text)) {
    const from = cue.index + cue[0].length;
    const lineEnd = text.indexOf('\n', from);
    const rest = text.slice(from, Math.min(lineEnd === -1 ? text.length : lineEnd, from + 80));
    // (Swahili links the cue to its value with "ni": "Nenosiri la wifi ya ofisi ni X"; the words before it are the owner's.)
    const ni = /^n/i.test(cue[0]) ? /(?:^|[ \t])ni[ \t]+([!-~]{4,128})(?=[ \t]*$)/.exec(rest) : null;
    const niValue = ni?.[1]?.replace(/[.,;:]+$/, '');
    if (ni !== null && niValue !== undefined && (isStrongPasswordValue(niValue) || /^\d{4,16}$/.test(niValue) || isMarkedValue(niValue) || loginValue(niValue))) {
      const start = from + ni.index + ni[0].length - (ni[1] ?? '').length;
      yield { start, end: start + niValue.length };
      continue;
    }
    for (const w of rest.matchAll(/[!-~]{4,}/g)) {
      const value = w[0].replace(/^[("'`:=]+/, '').replace(/[)"'`،؛.,;:]+$/u, '');
      // "wifi", "VPN", "SSID": the thing the password is for.
      if (/^[A-Za-z]+$/.test(value) && (ENGLISH_TIER.has(value.toLowerCase()) || JARGON_WORDS.has(value.toLowerCase())) && !isCommonPassword(value)) continue;
      if (isStrongPasswordValue(value) || /^\d{4,16}$/.test(value) || loginValue(value)) {
        const start = from + (w.index ?? 0) + w[0].indexOf(value);
        yield { start, end: start + value.length };
      }
      break;
    }
  }
}
