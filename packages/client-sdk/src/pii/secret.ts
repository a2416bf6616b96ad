import { shannonEntropy } from './checksums.ts';
import { findSentencePasswords } from './password-in-prose.ts';
import { findAccessCodes } from './password-access-codes.ts';
import { findGivenPasswords } from './password-given.ts';
import { findPassphrases } from './password-passphrases.ts';
import { findOtherScriptPasswords } from './password-scripts.ts';
import { findFormFieldPasswords, findNewKeyValues } from './password-form-fields.ts';
import { findMemoPasswords } from './password-memos.ts';
import { findFollowUpPasswords } from './password-follow-ups.ts';
import { findNetworkLinePasswords } from './password-network-lines.ts';
import { findTypingNotePasswords } from './password-typing-notes.ts';
import { findCorrectedPasswords } from './password-corrections.ts';
import { findShortPasswords } from './password-short-values.ts';
import { findPointedPasswords } from './password-pointed-values.ts';
import { findStickyNotePasswords } from './password-sticky-notes.ts';
import { findOtherScriptValues } from './password-script-values.ts';
import { findLoginLabelPasswords, findValueUnderUserLine } from './password-login-labels.ts';
import { findAnyShapePasswords, namesAnotherThing } from './password-any-shape.ts';
import { isCodeShapedPassword } from './password-code-shapes.ts';
import { isNetworkName } from './password-network-names.ts';
import { passwordBounds, standsInForPassword } from './password-value-bounds.ts';
import { findExclaimedPhrases, findNearbySecrets, findUserPairs } from './password-nearby.ts';
import { FINDING_TAG, MIN_PASSWORD_LENGTH, PLACEHOLDER, TEMPLATE_EXPRESSION, isChosenWord, isCodeValue, isCommonPassword, isShellVariable, userBeforeColon } from './password-values.ts';
import { codeAt, isWordCode, regexSpans, execAll } from './text.ts';
import { memoized, scrubFinds } from './call-memo.ts';
import type { PiiSpan, Scrubber } from './types.ts';

// ---------------------------------------------------------------------------------------------
// Credentials with a recognisable shape. Formats are the issuers' documented ones.
// ---------------------------------------------------------------------------------------------

const PREFIXED_TOKENS: readonly RegExp[] = [
  // AWS access key ids (IAM "unique ID prefixes": AKIA long-term, ASIA temporary, …).
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  // GitHub personal, OAuth, user-to-server, server-to-server and refresh tokens; fine-grained PATs.
  /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{30,255}(?![A-Za-z0-9_])/g,
  /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,255}(?![A-Za-z0-9_])/g,
  /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g, // GitLab
  /(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}(?![A-Za-z0-9_-])/g, // Slack
  /(?<![A-Za-z0-9_-])xapp-\d-[A-Za-z0-9-]{10,}(?![A-Za-z0-9_-])/g, // Slack app-level
  /(?<![A-Za-z0-9_])(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,247}(?![A-Za-z0-9_])/g, // Stripe secret/restricted
  /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+\/=]{20,}(?![A-Za-z0-9_])/g, // Stripe webhook signing
  /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/g, // Google API key
  /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\d\d-)?[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/g, // OpenAI, Anthropic
  /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g, // npm
  /(?<![A-Za-z0-9_-])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/g, // SendGrid
  // JWT / JWS compact form: base64url JSON header and payload (both start `{"` = `eyJ`).
  /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
];

/** Slack incoming webhooks carry their secret in the path. */
const SLACK_WEBHOOK = /hooks\.slack\.com\/services\/(T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+)/dg;

const PEM_BEGIN = /-----BEGIN ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY(?: BLOCK)?-----/g;
const PEM_END = /-----END ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY(?: BLOCK)?-----/g;
/** Body lines of a PEM block (RFC 7468 §3: base64, plus RFC 1421 headers in legacy keys). */
const PEM_BODY_LINE = /^(?:[A-Za-z0-9+\/=]*|[A-Za-z-]+: .*)\r?$/;

function* findPemBlocks(text: string): Generator<PiiSpan> {
  if (!text.includes('-----BEGIN ')) return;
  // One pass for the END markers, so that many BEGINs cost no more than one.
  const ends = [...execAll(PEM_END, text)];
  let e = 0;
  for (const m of execAll(PEM_BEGIN, text)) {
    const label = m[1] ?? '';
    const bodyStart = m.index + m[0].length;
    while (e < ends.length && (ends[e]?.index ?? 0) < bodyStart) e++;
    const end = ends.slice(e).find((x) => x[1] === label);
    const nextBegin = text.indexOf('-----BEGIN ', bodyStart);
    if (end !== undefined && (nextBegin === -1 || end.index < nextBegin)) {
      yield { start: m.index, end: end.index + end[0].length };
      continue;
    }
    // Truncated block (pasted in part): take the key lines that follow the header.
    let at = bodyStart;
    while (at < text.length && (text[at] === '\n' || text[at] === '\r')) at++;
    while (at < text.length) {
      const nl = text.indexOf('\n', at);
      const line = text.slice(at, nl === -1 ? text.length : nl);
      if (line.trim() === '' || !PEM_BODY_LINE.test(line)) break;
      at = nl === -1 ? text.length : nl + 1;
    }
    yield { start: m.index, end: text[at - 1] === '\n' ? at - 1 : at };
  }
}

/**
 * Every prefix of {@link PREFIXED_TOKENS}: a text without one of them holds none of those tokens,
 * and one scan for them is cheaper than thirteen patterns (most texts hold no credential).
 */
const TOKEN_PREFIX_HINT =
  /AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|xapp-|[sr]k_(?:live|test)_|whsec_|AIza|sk-|npm_|SG\.|eyJ/;

function* findStructuredSecrets(text: string): Generator<PiiSpan> {
  yield* findPemBlocks(text);
  if (TOKEN_PREFIX_HINT.test(text)) for (const re of PREFIXED_TOKENS) yield* regexSpans(re, text);
  if (text.includes('hooks.slack.com/')) yield* regexSpans(SLACK_WEBHOOK, text, 1);
}

// ---------------------------------------------------------------------------------------------
// Secrets recognised by where they are: URL parameters, URL passwords, `key = value` lines.
// Only the value is scrubbed, so the URL or the setting name stays readable.
// ---------------------------------------------------------------------------------------------

// Values that are already a placeholder ("?token=[SECRET]") are skipped, so scrubbing is
// idempotent.
const URL_SECRET_PARAM =
  /[?&#;](?:access_token|refresh_token|id_token|auth_token|token|api_key|apikey|api-key|key|secret|client_secret|password|passwd|pwd|pass|sig|signature|x-amz-signature|x-amz-security-token|x-goog-signature|session_id|sessionid|jwt|auth)=(?!\[[A-Za-z][\w-]*\])([^&#\s"'<>]{1,2048})/dgi;
// Quantifiers are bounded throughout this file so that no pattern is quadratic on long
// runs of URL-ish characters.
/** scheme://user:password@host: the password, up to the last '@' before the host ("deploy:P@ssw0rd@git.acme.local", unescaped as people type it). */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]{0,30}:\/\/[^\s:\/@]{1,128}:(?!\[[A-Za-z][\w-]*\]@)([^\s\/]{1,256}?)@(?=[^\s@\/:?#]+(?:[\/:?#]|\s|$))/dgi;
/**
 * `api_key = …`, `"password": "…"`, `export GITHUB_TOKEN=…`: a name ending in a secret word,
 * an assignment operator, then the value. The scan starts from the secret word, which is much
 * rarer than words in general, and reads the rest of the name backwards.
 */
const SECRET_WORD_ASSIGNED =
  /(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|apikey|key|credential|auth|passphrase|pass|pw|psk)s?["']?[ \t]{0,8}(?::=|=>|[:=])/gi;
const SECRET_NAME =
  /(?:passw(?:or)?d|pwd|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|auth|passphrase)s?$|^(?:pass|pw|key|psk)$|[_.-](?:pass|pw|psk)$/i;
const ASSIGNED_VALUE = /[ \t]{0,8}["'`]?([^\s"'`,;<>()\[\]{}]{1,512})/y;
/** A value in quotes after the assignment: up to the same quote, on the same line (another kind of quote is the value's: "Elodie'sFeather43"). */
const QUOTED_ASSIGNED_VALUE = /[ \t]{0,8}(["'`])((?:(?!\1)[^\n]){1,256})\1/y;
const MAX_NAME_LENGTH = 60;
/** `Authorization: Bearer …`. */
const BEARER = /\b(?:Bearer|Basic|Token)[ \t]{1,8}([A-Za-z0-9\-._~+\/]{16,4096}={0,2})/dg;
/** AWS secret access keys are 40 base64 characters; only taken near the words that name them. */
const AWS_SECRET = /(?<![A-Za-z0-9+\/=])[A-Za-z0-9+\/]{40}(?![A-Za-z0-9+\/=])/g;
const AWS_SECRET_CONTEXT = /\b(?:aws|secret)[\s\S]{0,60}$/i;
const AWS_HINT = /aws|secret/i;
/** A token shorter than this is taken for prose. */
const MIN_TOKEN_LENGTH = 12;

/** A constant's name that ends in SECRET or PASSPHRASE ("API_SECRET", "CLIENT_SECRET"): configuration, never prose. */
const isSecretConstant = (name: string): boolean => /^[A-Z][A-Z0-9_]*_(?:SECRET|PASSPHRASE)S?$/.test(name);

function looksLikeSecretValue(name: string, value: string, assigned = false): boolean {
  if (PLACEHOLDER.test(value) || isCodeValue(value)) return false;
  // (A wifi's pre-shared key, "psk=…" in wpa_supplicant.conf or hostapd.conf, is a password.)
  if (/pass|pwd|^pw$|psk$/i.test(name)) {
    // A plain lower-case word after `password:` is usually prose ("password: reset it"), not
    // after a constant's name ("ADMIN_PASSWORD=gardenquartzfuzzy") nor after '=' glued to the name
    // ("ansible_password=marigold", "password=sunshine" in a connection string), nor after a
    // setting's name in snake_case or dotted ("ansible_become_password: letmein", "db.password: hunter"):
    // configuration holds no prose.
    const constant = /^[A-Z][A-Z0-9_]*$/.test(name) && !/^(?:PASSWORD|PASSWD|PASS|PWD|PW)S?$/.test(name);
    const dotted = /[\p{L}\d][_.][\p{L}\d]/u.test(name);
    return value.length >= (constant || assigned || dotted ? 4 : MIN_PASSWORD_LENGTH) && (!/^[a-z]+$/.test(value) || constant || assigned || (dotted && isChosenWord(value)) || isCommonPassword(value));
  }
  // A constant named a secret holds one, whatever it looks like ("export JWT_SECRET='façade'"), but not a flag or a switch.
  if (isSecretConstant(name)) return value.length >= 4 && !/^(?:true|false|null|none|nil|undefined|yes|no|on|off|enabled?|disabled?)$/i.test(value);
  if (value.length < MIN_TOKEN_LENGTH || /^\d+$/.test(value)) return false;
  // Letters with digits, or mixed case: not a word or a number.
  return (/\d/.test(value) && /[A-Za-z]/.test(value)) || (/[A-Z]/.test(value) && /[a-z]/.test(value));
}

/** Sentence punctuation after a value ("…?token=abc123.") is not part of it. */
function* trimTrailingPunctuation(spans: Iterable<PiiSpan>, text: string): Generator<PiiSpan> {
  for (const { start, end } of spans) {
    let e = end;
    while (e > start + 1 && /[.,;:!?)\]]/.test(text[e - 1] ?? '')) e--;
    yield { start, end: e };
  }
}

/**
 * A value as the syntax of a record around it ends it: before the next field of a connection string
 * (";Encrypt=True") or of a URL's query ("&ssl=true"), before a closing tag ("</password>"); after an
 * open tag's ">" or a setting's name and its "=" taken with the value ("spring.datasource.password=…").
 * Undefined when nothing of a value is left ("</Key><Value": markup after the cue).
 */
function withinRecordSyntax(text: string, s: PiiSpan): PiiSpan | undefined {
  const value = text.slice(s.start, s.end);
  // A JSON field's rest taken after its name ('":"[REDACTED]","ip":…'): the value is the string after the colon.
  const json = /^"?[ \t]*:[ \t]*"([^"\n]*)"/.exec(value);
  if (json !== null) {
    const inner = json[1] ?? '';
    const at = s.start + json[0].length - 1 - inner.length;
    return isValueOfCode(inner) || inner === '' ? undefined : { start: at, end: at + inner.length };
  }
  let start = 0;
  let end = value.length;
  // (A key's name ends in 'key' as a word of it: "api_key=", "apikey=", not "DONKEY=%quiet", a value.)
  const named = /^(?:[\w.-]{0,60}?(?:passw(?:or)?d|pwd|pass|secret|token|apikey|[_.-]key)|key)s?=(?=\S)/i.exec(value);
  if (named !== null) start = named[0].length;
  else if (value.startsWith('>') && value.includes('</')) start = 1;
  // The next field of a record ends the value only in a record: after a setting's '=' or its name, or on a line of
  // fields ("Server=db;Password=X;Encrypt=True", "?pwd=X&ssl=true"); a value given in prose keeps its '&' and ';'
  // ("the passcode is W5os&EZ=cHupQ"), unless a field's name of a word follows ("password: X;Encrypt=true").
  const lineHead = text.slice(Math.max(text.lastIndexOf('\n', s.start - 1) + 1, s.start - 200), s.start);
  const inRecord = named !== null || /=["']?$/.test(lineHead) || /[?;&][\w .-]{1,40}=[^\s]*$/.test(lineHead);
  const next = (inRecord ? /<\/|[;&](?=[A-Za-z_][\w .-]{0,40}=)/ : /<\/|[;&](?=[A-Za-z][a-z]{2,}(?:[ _][A-Za-z][a-z]+)?=)/).exec(value.slice(start));
  if (next !== null) end = start + next.index;
  return end > start && !isValueOfCode(value.slice(start, end)) ? { start: s.start + start, end: s.start + end } : undefined;
}

/** What stands for a value in code or a template, or hides it: "config.db.password", "var.db_password", "${DB_PASSWORD}", "readSecret(…", "***", "[REDACTED]". */
function isValueOfCode(value: string): boolean {
  if (isCodeShapedPassword(value)) return false;
  // ("$ummer65" is a password, "$DB_PASSWORD" a variable; a word such as "changeme" is left to the rules that took it.)
  const placeholder = isShellVariable(value) || (!value.startsWith('$') && PLACEHOLDER.test(value) && !/^\p{L}+$/u.test(value));
  return isCodeValue(value) || placeholder || TEMPLATE_EXPRESSION.test(value) || FINDING_TAG.test(value) || /^[A-Za-z_$][\w$.]{2,}\((?:["'`)]|$)/.test(value);
}

/** Whether `at` stands inside a template's expression on its line ("${vcap.services.db.credentials.password}"), opened at most 200 characters before. */
function insideTemplate(text: string, at: number): boolean {
  const head = text.slice(Math.max(0, at - 200), at);
  const open = head.lastIndexOf('${');
  return open !== -1 && !/[}\n]/.test(head.slice(open));
}

function* findContextSecrets(text: string): Generator<PiiSpan> {
  for (const s of contextSecretsOf(text)) yield { ...s };
}

/** The spans of the context scrubber, found once per scrub: the e-mail scrubber asks which addresses are passwords. */
function contextSecretsOf(text: string): readonly PiiSpan[] {
  return memoized('context-secrets', text, (t) => [...findAllContextSecrets(t)]);
}

/**
 * Whether [start, end) is a password given by its context ("pwd: Pancake@91.gizmo", "Nouveau mot de
 * passe : « sleepy_waffle@mailbox.lan »", "password: 10.0.9.147"): the e-mail and IP address
 * scrubbers leave such a span to this one, which names it better.
 */
export function isContextSecret(text: string, start: number, end: number): boolean {
  // (Only when this scrub finds secrets: with SECRET switched off the address is still removed, as EMAIL.)
  return scrubFinds('SECRET') && contextSecretsOf(text).some((s) => s.start === start && s.end === end);
}

/** Every span of the context scrubber, out of templates and cut to its record's syntax. */
function* findAllContextSecrets(text: string): Generator<PiiSpan> {
  for (const found of findContextSecretsInAnySyntax(text)) {
    const s = passwordBounds(text, found);
    const kept = insideTemplate(text, s.start) || standsForValue(text, s) || standsInForPassword(text.slice(s.start, s.end)) || namesAnotherThing(text, s) || isNetworkName(text, s) ? undefined : withinRecordSyntax(text, s);
    if (kept === undefined) continue;
    // A URL taken whole ("postgresql://bi_reader:X@pg-1.internal:5432/warehouse (the password is the bit after the colon)"):
    // its password is the secret, its user and host are not.
    const url = text.slice(kept.start, kept.end);
    const inner = url.includes('://') ? [...regexSpans(URL_PASSWORD, url, 1)][0] : undefined;
    if (inner !== undefined) {
      yield { start: kept.start + inner.start, end: kept.start + inner.end };
      continue;
    }
    // (A command line's flag taken whole, "--from-literal=password=X": the value is after its last '='.)
    const flag = /^--?[A-Za-z][\w-]*(?:=[A-Za-z][\w-]*)*=(?=\S)/.exec(url)?.[0].length ?? 0;
    yield { start: kept.start + flag, end: kept.end };
  }
}

/** What hides a value or says it was removed: "REDACTED", "***". */
const HIDDEN = /^(?:\[?(?:redacted|removed|hidden|masked|omitted|censored)\]?|\*{3,}|•{3,})$/i;
/** What makes the next word an example or a name, not a password given: "a password like Summer2024", "wifi is called Studio_2G", a fingerprint. */
const NOT_GIVEN_BEFORE = /(?:(?<![\p{L}])(?:like|such[ \t]+as|e\.g\.?|for[ \t]+example|for[ \t]+instance|called|named|s['’]appelle|heißt|heisst|se[ \t]+llama|si[ \t]+chiama|heet|chama-se|heter)[ \t]+["'`“]?|(?<![\p{L}])(?:ssid|(?:\p{L}+-|(?:network|wifi|wi-fi|wlan)[ \t]+)?name|network|netzwerk|réseau|red|rete|netwerk|nätverk)[ \t]*[:=][ \t]*["'`“]?|fingerprint[^\n]{0,24}|(?:sha(?:1|256|512)|md5):)$/iu;

/** A member read in code that names what it holds: "req.body.pass", "form.password", "cfg.db.secret". */
const MEMBER_READ = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\.(?:password|passwd|pass|pwd|pw|secret|token|key|credentials?|creds|value|val)$/i;
/** A client's user flag right before ("-u ", "--user=", "-U "). */
const USER_FLAG_BEFORE = /(?:^|[ \t])(?:-u|-U|-l|--user(?:name)?)(?:[ \t]+|=)$/;
/** A call's parenthesis still open on the line, no quote after it ("bcrypt(pw, "); its name starts a word ("W(" inside "g,+ayz[W(bUXz" is a password's). */
const OPEN_CALL_BEFORE = /(?:^|[\s=,(])[A-Za-z_$][\w$.]+\([^()"'`“”‘’\n]*$/;

/**
 * A span that stands for a value or names one, whatever rule took it: a shell's command substitution
 * ("$(vault kv get …)"), Python's interpolation ("%(SMTP_PASS)s"), a function's call
 * ("getpass.getpass()", "psycopg2.connect(host=…"), a mask, an example, a network's name, a key's
 * fingerprint.
 */
function standsForValue(text: string, s: PiiSpan): boolean {
  const value = text.slice(s.start, s.end);
  // (A call is a name in lower case, dotted or with an argument's quote or name after it: "psycopg2.connect(host=…", not "G0(Eaa85k9Z".)
  // (Not a getter of a chosen word, "getRocket()": {@link isCodeShapedPassword}.)
  if (HIDDEN.test(value) || (/^\$\(|%\([A-Za-z_]\w*\)s|^(?:[a-z_]\w*\.)+[a-z_]\w*\(|^[a-z_]\w{2,}\((?:["')]|\w+=)/.test(value) && !isCodeShapedPassword(value)) || (/^[A-Za-z_][\w.]*$/.test(value) && text[s.end] === '(')) return true;
  // (A member read in code whose last name is what it holds: "req.body.pass", "user.credentials.token".)
  if (MEMBER_READ.test(value)) return true;
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  const head = text.slice(Math.max(lineStart, s.start - 60), s.start);
  // (Inside a command substitution still open on its line: "$(vault kv get -field=pw secret/db)".)
  const open = head.lastIndexOf('$(');
  // (The argument of a client's user flag is the user: "mysql -u backup01 -h db # prompts for the password".)
  // (Nor an argument of a call still open, unquoted: "bcrypt(pw, rounds=13)".)
  return (open !== -1 && !head.slice(open).includes(')')) || NOT_GIVEN_BEFORE.test(head) || USER_FLAG_BEFORE.test(head) || OPEN_CALL_BEFORE.test(head);
}

function* findContextSecretsInAnySyntax(text: string): Generator<PiiSpan> {
  yield* findSentencePasswords(text);
  yield* findAccessCodes(text);
  yield* findGivenPasswords(text);
  yield* findPassphrases(text);
  yield* findOtherScriptPasswords(text);
  yield* findFormFieldPasswords(text);
  yield* findNewKeyValues(text);
  yield* findMemoPasswords(text);
  yield* findAnyShapePasswords(text);
  yield* findNearbySecrets(text);
  yield* findUserPairs(text);
  yield* findExclaimedPhrases(text);
  yield* findFollowUpPasswords(text);
  yield* findLoginLabelPasswords(text);
  yield* findValueUnderUserLine(text);
  yield* findNetworkLinePasswords(text);
  yield* findTypingNotePasswords(text);
  yield* findCorrectedPasswords(text);
  yield* findShortPasswords(text);
  yield* findPointedPasswords(text);
  yield* findStickyNotePasswords(text);
  yield* findOtherScriptValues(text);
  // Each pattern runs only where the text has what it cannot match without.
  const assigns = text.includes('=');
  if (assigns) yield* trimTrailingPunctuation(regexSpans(URL_SECRET_PARAM, text, 1), text);
  if (text.includes('://')) yield* regexSpans(URL_PASSWORD, text, 1);
  if (text.includes('Bearer') || text.includes('Basic') || text.includes('Token')) yield* trimTrailingPunctuation(regexSpans(BEARER, text, 1), text);
  for (const m of assigns || text.includes(':') ? execAll(SECRET_WORD_ASSIGNED, text) : []) {
    const word = /^[A-Za-z_-]+/.exec(m[0])?.[0] ?? '';
    let nameStart = m.index;
    while (nameStart > 0 && m.index - nameStart < MAX_NAME_LENGTH && /[A-Za-z0-9_.-]/.test(text[nameStart - 1] ?? '')) nameStart--;
    const name = text.slice(nameStart, m.index + word.length);
    if (!SECRET_NAME.test(name)) continue;
    // A quoted value is read to its closing quote, spaces and commas included
    // ('WPA_PASSPHRASE="mango orange otter"', "PGPASSWORD='tiger,dragon249'").
    QUOTED_ASSIGNED_VALUE.lastIndex = m.index + m[0].length;
    const q = QUOTED_ASSIGNED_VALUE.exec(text);
    const quoted = q?.[2];
    if (q !== null && quoted !== undefined && /\S/.test(quoted)) {
      const start = QUOTED_ASSIGNED_VALUE.lastIndex - quoted.length - 1;
      const words = quoted.trim().split(/\s+/);
      // Words of prose in quotes are no value ('password: "same as before"').
      // A template's expression stands for the value ('"{{ secrets.DB_PASS }}"', '"${DB_PASSWORD}"').
      const template = TEMPLATE_EXPRESSION.test(quoted.trimStart());
      const secret = template ? false : words.length === 1 ? looksLikeSecretValue(name, quoted.trim()) : !words.every((w) => !isChosenWord(w)) && (/passphrase/i.test(name) || /pass|pwd|^pw$|psk$/i.test(name) || isSecretConstant(name));
      if (secret) yield { start, end: start + quoted.length };
      continue;
    }
    ASSIGNED_VALUE.lastIndex = m.index + m[0].length;
    const v = ASSIGNED_VALUE.exec(text);
    const value = v?.[1];
    if (v === null || value === undefined) continue;
    let start = ASSIGNED_VALUE.lastIndex - value.length;
    let end = ASSIGNED_VALUE.lastIndex;
    // A query parameter ("…&client_token=…&page=2") ends at the next '&' or '#'.
    if (/[?&;#]/.test(text[nameStart - 1] ?? '')) {
      const stop = value.search(/[&#;]/);
      if (stop > 0) end = start + stop;
    }
    while (end > start + 1 && /[.,;:]/.test(text[end - 1] ?? '')) end--;
    // "Credentials: svc_report:azerty2024": a user and a password joined by a colon; the password is the secret.
    if (/credential/i.test(name)) start += userBeforeColon(text.slice(start, end));
    // ('=' glued to the name, or ":=" and "=>": a setting's syntax, not a sentence's colon.)
    const assigned = /^[A-Za-z_-]+s?["']?(?:=|:=|=>)$/.test(m[0]);
    if (looksLikeSecretValue(name, text.slice(start, end), assigned)) yield { start, end };
  }
  for (const m of AWS_HINT.test(text) ? execAll(AWS_SECRET, text) : []) {
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    if (AWS_SECRET_CONTEXT.test(before) && /[A-Z]/.test(m[0]) && /[a-z]/.test(m[0]) && /\d/.test(m[0])) {
      yield { start: m.index, end: m.index + m[0].length };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// High-entropy strings: random-looking tokens with no recognisable issuer.
// ---------------------------------------------------------------------------------------------

/** Shortest token considered. Shorter random strings are rarely credentials. */
export const ENTROPY_MIN_LENGTH = 20;
/**
 * Largest share of the token that may sit in pieces (split at `-_/+`) made only of lower-case
 * letters, 3 or more: `api-server-7d9f8b6c5-x2x4z` and `x86_64-unknown-linux-gnu` are names
 * built from words, a base64url key is not.
 */
const ENTROPY_MAX_WORDY_SHARE = 0.3;
/** An IBAN-shaped token (country, check digits, BBAN) that failed mod-97 is a typo, not a key. */
const IBAN_SHAPE = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
/**
 * Minimum Shannon entropy as a share of the most a string of this length can have over the
 * character classes it uses: log2(min(length, alphabet)), the alphabet being 10 per digit
 * class, 26 per letter case and 4 for `+/_-`. Uniformly random keys reach ≈ 0.9 of it
 * (base62/base64 of length 20–64 pass 99%); English identifiers, which also fail the
 * class-change test below, sit around 0.7.
 */
const ENTROPY_RATIO = 0.82;
/** Share of adjacent character pairs whose class (upper, lower, digit) differs: ≈ 0.6 for
 * random base62, ≈ 0.1–0.2 for camelCase or snake_case words. */
const ENTROPY_MIN_CLASS_CHANGES = 0.3;

// '=' only as trailing base64 padding, followed by a space, punctuation or the end: `NAME=…`
// splits at the '=' whether or not the value has been replaced yet (idempotence).
const ENTROPY_TOKEN = /(?<![A-Za-z0-9+\/_-])[A-Za-z0-9+\/_-]{20,}(?:={1,2}(?=[\s"'`,;:.)\]}]|$))?(?![A-Za-z0-9+\/=_-])/g;
/** Hex-only strings (git SHAs, digests, UUIDs, trace ids) are ids, not credentials. */
const HEX_ID = /^[0-9a-fA-F-]+$/;

function charClass(c: number): number {
  if (c >= 48 && c <= 57) return 0;
  if (c >= 65 && c <= 90) return 1;
  if (c >= 97 && c <= 122) return 2;
  return 3;
}

/** Exported for tests: the decision for one token. */
export function isHighEntropyToken(token: string): boolean {
  if (token.length < ENTROPY_MIN_LENGTH || HEX_ID.test(token) || IBAN_SHAPE.test(token) || isCodeValue(token)) return false;
  let wordy = 0;
  for (const piece of token.split(/[-_\/+=]/)) if (piece.length >= 3 && /^[a-z]+$/.test(piece)) wordy += piece.length;
  if (wordy / token.length > ENTROPY_MAX_WORDY_SHARE) return false;
  let changes = 0;
  let pairs = 0;
  let prev = -1;
  const seen = [false, false, false, false];
  for (let i = 0; i < token.length; i++) {
    const cls = charClass(token.charCodeAt(i));
    seen[cls] = true;
    if (cls === 3) {
      prev = -1;
      continue;
    }
    if (prev !== -1) {
      pairs++;
      if (prev !== cls) changes++;
    }
    prev = cls;
  }
  const classes = (seen[0] ? 1 : 0) + (seen[1] ? 1 : 0) + (seen[2] ? 1 : 0);
  if (classes < 2) return false;
  if (pairs === 0 || changes / pairs < ENTROPY_MIN_CLASS_CHANGES) return false;
  const alphabet = (seen[0] ? 10 : 0) + (seen[1] ? 26 : 0) + (seen[2] ? 26 : 0) + (seen[3] ? 4 : 0);
  const ideal = Math.log2(Math.min(token.length, alphabet));
  return shannonEntropy(token) >= ENTROPY_RATIO * ideal;
}

function* findHighEntropy(text: string): Generator<PiiSpan> {
  for (const m of execAll(ENTROPY_TOKEN, text)) {
    // A path segment (`/static/…/`) or an identifier glued to a dot is not a free token.
    if (codeAt(text, m.index - 1) === 46 || (isWordCode(codeAt(text, m.index + m[0].length + 1)) && text[m.index + m[0].length] === '.')) {
      continue;
    }
    // A key's fingerprint ("SHA256:fPD7csTB…") is public: it names a key, it opens nothing.
    if (/(?:sha(?:1|256|512)|md5):$/i.test(text.slice(Math.max(0, m.index - 7), m.index))) continue;
    let token = m[0];
    // Trailing '=' padding belongs to the token; a trailing '-' or '/' does not.
    while (/[-\/_]$/.test(token)) token = token.slice(0, -1);
    if (isHighEntropyToken(token)) yield { start: m.index, end: m.index + token.length };
  }
}

/** Issuer-formatted keys, JWTs and PEM private keys. */
export const structuredSecretScrubber: Scrubber = { type: 'SECRET', priority: 0, find: findStructuredSecrets };
/** Secret values named by their context (URL parameter, URL password, assignment). */
export const contextSecretScrubber: Scrubber = { type: 'SECRET', priority: 45, find: findContextSecrets };
/** Random-looking tokens. */
export const entropySecretScrubber: Scrubber = { type: 'SECRET', priority: 90, find: findHighEntropy };
