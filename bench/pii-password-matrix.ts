// Password cross-product evaluation (issue 13, twenty-first pass): value SHAPES × FRAMES.
// The earlier blind sets (seventh … twentieth) each varied one axis — the value's shape, or the
// cue and the layout — holding the other to ordinary partners. This bench crosses them: every
// shape family meets every frame family that can hold it (a passphrase with spaces after a foreign
// cue on the next line, a symbol-heavy value in a correction, a value with quotes in a table …),
// plus look-alikes (prose, config, markup and mail lines with no secret) to watch precision.
// Written before reading the scrubber: the frames say how a careful reader bounds the value, not
// what any rule does.
//   pnpm exec tsx --conditions=source bench/pii-password-matrix.ts [--seeds 1,2,3] [--per 4] [--examples N] [--cell SHAPE/FRAME]
// Seeds 1–3 are for work; 7–9 are held back (read their numbers only).
// Found: a SECRET finding overlaps the value (as bench/pii-names.ts scores a pattern row); whole:
// SECRET findings cover every character of the value. Look-alike kept: no SECRET finding anywhere.
import { scrubPii } from '@conclave/client-sdk';

const arg = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const seeds = (arg('--seeds') ?? '1,2,3').split(',').map(Number);
/** Cases per (shape × frame family) cell and seed. */
const PER_CELL = Number(arg('--per') ?? '4');
const examples = Number(arg('--examples') ?? '0');
const cellFilter = arg('--cell');
/** Look-alike texts per seed. */
const LOOK_ALIKES = 400;

function rng(seed: number): () => number {
  let s = (seed * 0x9e3779b1) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
function helpers(rand: Rand) {
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number): boolean => rand() < p;
  const chars = (set: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += set[Math.floor(rand() * set.length)];
    return s;
  };
  return { int, pick, chance, chars };
}
type H = ReturnType<typeof helpers>;

// Words of this file's own; none chosen from an earlier set's list.
const WORDS = [
  'anchor', 'blossom', 'candle', 'dolphin', 'eclipse', 'feather', 'gravel', 'hammock', 'iris', 'jigsaw', 'koala',
  'ladder', 'mittens', 'nutmeg', 'oyster', 'paddle', 'quiver', 'radish', 'saddle', 'teapot', 'utopia', 'vanilla',
  'wafer', 'yogurt', 'zipper', 'bramble', 'chimney', 'dune', 'fennel', 'goblet', 'hollow', 'kayak', 'lobster',
];
const FOREIGN_WORDS = ['Käsebrot', 'Straßenbahn', 'étoile', 'château', 'piña', 'corazón', 'açúcar', 'żaba', 'ørken', 'sjö', 'hüzün', 'Ærø', 'façade', 'Übermut'];
const NON_LATIN = ['солнце', 'Москва', 'καλημέρα', '猫咪', '東京', 'さくら', '사랑', 'שלום', 'مرحبا', 'नमस्ते', 'ქართ'];
const EMOJI = ['🐙', '🌵', '🍩', '🎯', '🦊', '💎', '🌈', '⚡'];
const USERS = ['jdoe', 'a.petrova', 'svc_sync', 'root', 'ops-admin', 'kchen', 'm.silva', 'backup01'];
const HOSTS = ['db02.corp.lan', 'nas2', 'git.acme.io', 'vpn.acme.net', 'erp.example.org'];
const SYSTEMS = ['VPN', 'NAS', 'guest wifi', 'Jenkins', 'HR portal', 'printer', 'staging DB', 'router'];

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const SYM = '!#$%&*+-=?@^_~';

/** Shape families: [name, maker]. */
const SHAPES: readonly (readonly [string, (h: H) => string])[] = [
  ['word+digits', (h) => cap(h.pick(WORDS)) + h.int(1, 9999) + h.pick(['', '!', '#'])],
  ['random mix', (h) => h.chars(ALNUM, 1) + h.chars(ALNUM + SYM, h.int(8, 14)) + h.chars(ALNUM, 1)],
  ['symbol-heavy', (h) => h.chars(ALNUM, 2) + h.chars('!@#$%^&*()-+=~?', h.int(3, 6)) + h.chars(ALNUM, h.int(2, 4)) + h.chars('!@#$%^&*', 1)],
  ['pin digits', (h) => h.chars('0123456789', h.pick([4, 4, 6, 6, 8]))],
  ['joined phrase', (h) => [h.pick(WORDS), h.pick(WORDS), h.pick(WORDS)].join(h.pick(['-', '.', '_', '+']))],
  ['spaced phrase', (h) => Array.from({ length: h.int(3, 5) }, () => h.pick(WORDS)).join(' ') + (h.chance(0.3) ? ' ' + h.int(2, 99) : '')],
  ['quote inside', (h) => h.pick([`${h.pick(WORDS)}'s${h.int(1, 99)}`, `${cap(h.pick(WORDS))}"${h.int(1, 99)}`, `it's${h.pick(WORDS)}!`, `O'${cap(h.pick(WORDS))}${h.int(10, 99)}`])],
  ['unicode letters', (h) => h.pick(FOREIGN_WORDS) + h.pick(['', String(h.int(1, 99)), '!', '#' + h.int(1, 9)])],
  ['non-latin', (h) => h.pick(NON_LATIN) + h.pick(['', String(h.int(1, 999)), '!'])],
  ['emoji', (h) => h.pick([`${h.pick(EMOJI)}${h.pick(WORDS)}${h.int(1, 99)}`, `${h.pick(WORDS)}${h.pick(EMOJI)}${h.int(1, 9)}`, `${h.pick(EMOJI)}${h.pick(EMOJI)}${h.int(100, 999)}`])],
  ['very long', (h) => h.chance(0.5) ? h.chars(ALNUM + SYM, h.int(40, 72)) + h.chars(ALNUM, 1) : Array.from({ length: h.int(6, 9) }, () => h.pick(WORDS)).join('-') + h.int(1, 99)],
  ['very short', (h) => h.pick([h.chars('abcdefghjkmnpqrstuvwxyz', 2) + h.int(1, 9), h.chars('0123456789', 3), h.chars(ALNUM, 1) + h.chars(SYM, 1) + h.chars(ALNUM, 1), h.chars(ALNUM, 3)])],
  ['trailing punct', (h) => cap(h.pick(WORDS)) + h.int(1, 99) + h.pick(['.', '!', '?', ',', ';', ':', '...', ')'])],
  ['leading symbol', (h) => h.pick(['#', '$', '!', '@', '*', '-', '.', '%', '&']) + h.pick(WORDS) + h.int(1, 99)],
  ['url-ish', (h) => h.pick([`https://${h.pick(WORDS)}.io/${h.int(1, 99)}`, `www.${h.pick(WORDS)}${h.int(1, 99)}.com`, `${h.pick(WORDS)}.net/${h.chars(ALNUM, 4)}`])],
  ['path-ish', (h) => h.pick([`/opt/${h.pick(WORDS)}${h.int(1, 99)}`, `C:\\${cap(h.pick(WORDS))}\\${h.int(1, 99)}`, `~/${h.pick(WORDS)}/${h.int(1, 99)}`, `../${h.pick(WORDS)}${h.int(1, 9)}!`])],
  ['base64', (h) => h.chars(B64, h.pick([16, 20, 24, 28])) + h.pick(['', '=', '=='])],
  ['hex', (h) => h.pick(['', '0x']) + h.chars('0123456789abcdef', h.pick([8, 12, 16, 32, 40]))],
  ['jwt-like', (h) => `eyJ${h.chars(B64URL, h.int(12, 20))}.eyJ${h.chars(B64URL, h.int(16, 30))}.${h.chars(B64URL, h.int(20, 43))}`],
  ['email-like', (h) => `${h.pick(WORDS)}@${h.pick(WORDS)}${h.int(1, 99)}`],
  ['date-like', (h) => h.pick([`${h.int(10, 28)}/${h.int(10, 12)}/${h.int(1970, 2020)}`, `${h.int(1970, 2020)}-${h.int(10, 12)}-${h.int(10, 28)}`, `${h.int(10, 28)}.${h.int(10, 12)}.${h.int(1970, 2020)}!`])],
  ['version-like', (h) => h.pick([`v${h.int(1, 9)}.${h.int(0, 20)}.${h.int(0, 9)}-${h.pick(WORDS)}`, `${h.int(1, 9)}.${h.int(0, 9)}.${h.int(0, 9)}rc${h.int(1, 5)}`])],
  ['keyboard walk', (h) => h.pick(['qwertz123', 'zxcvb!@#', '1qa2ws3ed', 'poiu0987', 'asdfjkl;', 'Qaz!wsx2', 'mju7nhy6', '!QAZxsw2'])],
  ['plain word', (h) => h.pick([h.pick(WORDS), cap(h.pick(WORDS)), h.pick(WORDS).toUpperCase()])],
  ['brackets inside', (h) => h.pick([`${h.pick(WORDS)}[${h.int(1, 99)}]`, `{${h.pick(WORDS)}}${h.int(1, 9)}`, `${cap(h.pick(WORDS))}(${h.int(1, 99)})x`, `<${h.pick(WORDS)}>${h.int(1, 9)}`])],
];

/**
 * Frames: [template, bound, ban?]. `{v}` is the value; {U} a user, {H} a host, {S} a system.
 * Bound: Q = in quotes/backticks (the value may hold spaces and end in punctuation, never the
 * closing quote); L = alone to the end of its line (spaces and a final . , ; : belong to it);
 * O = open (no white space, no final . , ; : ! ? ) … — a space, a line break or the end follows);
 * P = punctuation follows at once (the value ends in a letter or digit and holds no space).
 */
type Bound = 'Q' | 'L' | 'O' | 'P';
/** `only`: 'digits' for a PIN's or a door code's place, 'long' (16 characters or more) for a token's. */
type Frame = readonly [template: string, bound: Bound, ban?: string, only?: 'digits' | 'long'];

const FRAMES: Record<string, readonly Frame[]> = {
  'same line en': [
    ['the password for {S} is {v} btw', 'O'], ['new password: {v}', 'L'], ['pw is {v} for the {S}', 'O'],
    ['I reset it, your password is now {v}', 'L'], ['Temporary password {v} — change it on first login', 'O'],
    ['set the {S} password to {v} and let me know', 'O'],
  ],
  'foreign cue': [
    ['Das Passwort für {S} ist {v} — bitte nicht weitergeben', 'O'], ['Kennwort: {v}', 'L'], ['Le mot de passe est {v} (à changer)', 'O'],
    ['La contraseña del {S} es {v} por ahora', 'O'], ['A senha nova: {v}', 'L'], ['Het wachtwoord is {v} voor nu', 'O'],
    ['Hasło do {S}: {v}', 'L'], ['Пароль: {v}', 'L'], ['パスワードは {v} です', 'O'], ['密码：{v}', 'L'], ['Lösenordet är {v} tills vidare', 'O'],
    ['Şifre {v} olarak değişti', 'O'], ['Heslo je {v} díky', 'O'], ['La password è {v} ciao', 'O'],
  ],
  'foreign next line': [
    ['Hallo,\nhier das neue Passwort für {S}:\n{v}\nGrüße', 'L'], ['Bonjour,\nle mot de passe :\n\n{v}\n\nCordialement', 'L'],
    ['Hola, la contraseña del wifi:\n{v}', 'L'], ['Wachtwoord voor {S}\n{v}', 'L'], ['Пароль от {S}:\n{v}\nне пересылай', 'L'],
    ['新しいパスワード\n{v}', 'L'], ['Nowe hasło poniżej\n\n{v}', 'L'], ['Senha do {S}\n{v}\nabraço', 'L'],
  ],
  'next line en': [
    ['Hi,\n\nthe {S} password:\n\n{v}\n\nThanks', 'L'], ['> what is the wifi pw?\n{v}', 'L'], ['Password for {S} below\n\n{v}', 'L'],
    ['[10:01] pw for {S}?\n[10:02] {v}', 'L'], ['User: {U}\nPassword:\n  {v}\n', 'L'], ['here you go:\n{v}\n(case sensitive)', 'L'],
  ],
  'md table': [
    ['| system | user | password |\n|---|---|---|\n| {S} | {U} | {v} |', 'L', '|'], ['| Key | Value |\n|---|---|\n| Password | {v} |\n| Expires | never |', 'L', '|'],
    ['| host | pw |\n| --- | --- |\n| {H} | {v} |', 'L', '|'],
  ],
  'csv/tsv': [
    ['system,user,password\n{S},{U},{v}\nwiki,svc-wiki,(vault)', 'P', ',"'], ['user\tpass\n{U}\t{v}', 'L', '\t'], ['"host","user","password"\n"{H}","{U}","{v}"', 'Q', '"'],
    ['name;pin\nfront desk;{v}', 'L', ';', 'digits'],
  ],
  'correction': [
    ['sorry, wrong {S} password earlier — it\'s {v}', 'L'], ['Correction: the password is {v}', 'L'], ['typo in my last msg, should be {v} not the old one', 'O'],
    ['> password doesn\'t work\nmy bad, try {v}', 'L'], ['the pw changed last night\nnew one: {v}', 'L'], ['ignore the earlier one, use {v} instead', 'O'],
  ],
  'cue after value': [
    ['{v} is the new {S} password', 'O'], ['{v} — that\'s the wifi key', 'O'], ['{v}\n^ VPN password', 'L'], ['{v} <- pw for {S}', 'O'],
    ['use {v}, that\'s the admin password', 'P', ','],
  ],
  'quoted': [
    ['the password is "{v}" (no quotes)', 'Q', '"'], ['pw: `{v}`', 'Q', '`'], ['password \'{v}\' for {S}', 'Q', '\''], ['Passwort „{v}“', 'Q', '“„'],
    ['mot de passe « {v} »', 'Q', '«»'], ['the wifi pw is “{v}”.', 'Q', '“”'],
  ],
  'user/pass pair': [
    ['login: {U} / {v}', 'O', '/'], ['user {U} pass {v}', 'O'], ['creds for {S}: {U}:{v}', 'O'], ['u: {U} p: {v}', 'L'],
    ['Username: {U}   Password: {v}', 'L'], ['log in as {U} with {v}', 'O'],
  ],
  'json/yaml': [
    ['{\n  "user": "{U}",\n  "password": "{v}"\n}', 'Q', '"\\'], ['db:\n  user: {U}\n  password: {v}\n  port: 5432', 'L', '#'],
    ['{"username":"{U}","pass":"{v}"}', 'Q', '"\\'], ['auth:\n  password: "{v}"', 'Q', '"\\'],
  ],
  'env/ini': [
    ['DB_USER={U}\nDB_PASSWORD={v}\nDB_PORT=5432', 'L', ' #"\'$'], ['[smtp]\nuser = {U}\npassword = {v}', 'L', ';#'], ['export API_SECRET=\'{v}\'', 'Q', '\''],
    ['app.datasource.password={v}', 'L', ' '],
  ],
  'cli': [
    ['mysql -u {U} -p\'{v}\' -h {H}', 'Q', '\''], ['./deploy --user {U} --password={v} --env prod', 'O', '"\'$`&|;<>()\\'], ['sshpass -p "{v}" ssh {U}@{H}', 'Q', '"$`\\'],
    ['curl -u {U}:{v} https://{H}/api', 'O', '"\'$`&|;<>()\\@:/#?'],
  ],
  'chat': [
    ['[09:14] ana: what\'s the {S} pw?\n[09:15] raj: {v}', 'L'], ['@{U} pw for {S} is {v} 👍', 'O'], ['kk the pass is {v}', 'L'],
    ['psst {S} password = {v}', 'L'], ['<{U}> password is {v}', 'L'],
  ],
  'mail': [
    ['Hi Lena,\n\nYour account on {S} is ready. Temporary password: {v}\n\nBest regards,\nIT Service Desk\nAcme GmbH | +49 30 1234567', 'L'],
    ['Dear all,\n\nthe new {S} password is {v} as of today.\n\nKind regards\nTom', 'O'],
    ['-----Original Message-----\nFrom: helpdesk\nSubject: reset\n\nPassword: {v}\n\n--\nSent from my iPhone', 'L'],
    ['Hello,\nas agreed on the phone, the PDF password is {v}\nCheers,\nMarta', 'L'],
  ],
  'bullets': [
    ['Access:\n- user: {U}\n- password: {v}\n- mfa: yes', 'L'], ['* {S} pw: {v}\n* backup at 02:00', 'L'], ['1. log in as {U}\n2. password {v}\n3. change it', 'L'],
    ['• Wi-Fi key: {v}', 'L'],
  ],
  'misspelled cue': [
    ['pasword for {S}: {v}', 'L'], ['passwrod is {v} fyi', 'O'], ['pwd {v}', 'L'], ['psswd = {v}', 'L'], ['p/w: {v}', 'L'], ['passowrd {v} for {U}', 'O'],
  ],
  'heading/label': [
    ['PASSWORD\n{v}', 'L'], ['## Wi-Fi key\n\n{v}', 'L'], ['**Password:** {v}', 'L'], ['Password ......... {v}', 'L'], ['=== ADMIN PASSWORD ===\n{v}', 'L'],
  ],
  'no password word': [
    ['login for {S}: {U} / {v}', 'O', '/'], ['{S}\nuser {U}\n{v}', 'L'], ['the code for the side door is {v}', 'L', '', 'digits'], ['wifi: {v}', 'L'],
    ['token for the webhook:\n{v}', 'L', '', 'long'], ['PIN {v}', 'L', '', 'digits'],
  ],
};

function fits(frame: Frame, value: string): boolean {
  const [, bound, ban = '', only] = frame;
  if (only === 'digits' && !/^\d+$/.test(value)) return false;
  if (only === 'long' && (value.length < 16 || /\s/.test(value))) return false;
  for (const ch of ban) if (value.includes(ch)) return false;
  if (value.includes('\n')) return false;
  if (bound === 'Q') return !/^\s|\s$/.test(value);
  if (bound === 'L') return !/^\s|\s$/.test(value);
  if (/\s/.test(value)) return false;
  if (bound === 'P') return /[\p{L}\p{N}]$/u.test(value);
  return !/[.,;:!?)\]}'"…]$/.test(value) && !/^[('"\[{]/.test(value);
}

interface Case { shape: string; frame: string; text: string; start: number; end: number }

function fill(h: H, s: string): string {
  return s.replace(/\{([UHS])\}/g, (_m, k: string) => (k === 'U' ? h.pick(USERS) : k === 'H' ? h.pick(HOSTS) : h.pick(SYSTEMS)));
}

function makeCases(seed: number): Case[] {
  const h = helpers(rng(seed));
  const out: Case[] = [];
  for (const [shape, make] of SHAPES) {
    for (const [family, frames] of Object.entries(FRAMES)) {
      let made = 0;
      for (let tries = 0; made < PER_CELL && tries < PER_CELL * 40; tries++) {
        const frame = h.pick(frames);
        const value = make(h);
        if (!fits(frame, value)) continue;
        const [pre, post] = frame[0].split('{v}') as [string, string];
        const a = fill(h, pre);
        const b = fill(h, post);
        out.push({ shape, frame: family, text: a + value + b, start: a.length, end: a.length + value.length });
        made++;
      }
    }
  }
  return out;
}

/** Look-alikes: no secret anywhere; config, markup, CSS, code, logs and mail lines among them. */
const LOOKS: readonly ((h: H) => string)[] = [
  (h) => `Password policy: at least ${h.int(8, 16)} characters, rotated every ${h.int(30, 180)} days.`,
  (h) => `I reset my password on ${h.pick(['Monday', 'Friday', 'the 3rd'])} and it works now.`,
  (h) => `the password is ${h.pick(['expired', 'wrong', 'case-sensitive', 'in the vault', 'too short'])}`,
  (h) => `Password: ${h.pick(['see the vault', 'sent separately', '(unchanged)', 'ask the helpdesk', '********'])}`,
  (h) => `PASSWORD_MIN_LENGTH=${h.int(8, 20)}`,
  (h) => `password_hash = bcrypt(${h.pick(['pw', 'plain', 'raw'])}, rounds=${h.int(10, 14)})`,
  (h) => `<td style="color:#${h.chars('0123456789ABCDEF', 6)}" border=0>Password</td>`,
  (h) => `.login-box input[type=password] { color: #${h.chars('0123456789abcdef', 6)}; border: ${h.int(0, 2)}px solid; }`,
  (h) => `if (password.length < ${h.int(6, 12)}) return false;`,
  (h) => `const password = req.body.${h.pick(['password', 'pwd', 'pass'])};`,
  (h) => `Forgot your password? Click the link below to reset it within ${h.int(1, 48)} hours.`,
  (h) => `${h.pick(['Mon', 'Tue', 'Wed'])} ${h.int(1, 28)} 10:${h.int(10, 59)}:01 host sshd[${h.int(1000, 9999)}]: Failed password for ${h.pick(USERS)} from 10.0.${h.int(0, 9)}.${h.int(1, 254)} port ${h.int(1024, 65000)} ssh2`,
  (h) => `warning: unused variable 'password_${h.pick(WORDS)}' [-Wunused-variable]`,
  (h) => `The ${h.pick(SYSTEMS)} password manager is ${h.pick(['Bitwarden', 'KeePass', '1Password'])}.`,
  (h) => `On ${h.pick(['Mon', 'Tue'])}, ${h.int(1, 28)} Aug 2002, ${h.pick(['Bob', 'Ann'])} wrote:\n> I forgot my password again\nJust use the reset page.`,
  (h) => `Subject: Re: password reset\n\nDone, check your inbox for the link. It expires at ${h.int(1, 12)}pm.`,
  (h) => `You can change your subscription password at http://lists.example.org/mailman/options/${h.pick(WORDS)}`,
  (h) => `Passwort vergessen? Der Link gilt bis ${h.int(1, 28)}.${h.int(1, 12)}.`,
  (h) => `Le mot de passe expire le ${h.int(1, 28)} ${h.pick(['mars', 'mai', 'juin'])}.`,
  (h) => `pin ${h.pick(['this thread', 'the roadmap', 'it'])} to the top`,
  (h) => `the pass rate was ${h.int(50, 99)}% this term`,
  (h) => `key: ${h.pick(['value', 'name', 'id'])}\nvalue: ${h.int(1, 999)}`,
  (h) => `font-family: ${h.pick(['Arial', 'Verdana'])}; color: #${h.chars('0123456789abcdef', 6)}; password-field-width: ${h.int(100, 300)}px`,
  (h) => `mysql -u ${h.pick(USERS)} -p -h ${h.pick(HOSTS)}   # prompts for the password`,
  (h) => `--password-file=/run/secrets/${h.pick(WORDS)}`,
  (h) => `password: \${${h.pick(['DB_PASSWORD', 'SECRET', 'PW'])}}`,
  (h) => `"password": null,`,
  (h) => `Your one-time code will arrive within ${h.int(2, 10)} minutes.`,
  (h) => `> The password field should be ${h.pick(['required', 'optional', 'masked'])}.\nAgreed, I'll change the form.`,
  (h) => `$ ls -la /etc/passwd\n-rw-r--r-- 1 root root ${h.int(1000, 4000)} Aug ${h.int(1, 28)} /etc/passwd`,
  (h) => `Use \`${h.pick(['passwd', 'chpasswd', 'usermod -p'])}\` to change it.`,
  (h) => `I'll send the wifi password after lunch, ${h.pick(['ok', 'cheers', 'thanks'])}.`,
  (h) => `The key to success is ${h.pick(['patience', 'practice', 'focus'])}.`,
  (h) => `${h.pick(['Password', 'Passwort'])} changed successfully.`,
  (h) => `ssh -p ${h.int(2000, 2300)} ${h.pick(USERS)}@${h.pick(HOSTS)}`,
];

interface Cell { n: number; found: number; whole: number; misses: string[] }
const cells = new Map<string, Cell>();
let looksN = 0;
let looksKept = 0;
const lookMisses: string[] = [];
const shapeTot = new Map<string, Cell>();
const frameTot = new Map<string, Cell>();
const add = (m: Map<string, Cell>, k: string, f: boolean, w: boolean, miss: string): void => {
  const c = m.get(k) ?? { n: 0, found: 0, whole: 0, misses: [] };
  c.n++;
  if (f) c.found++;
  else c.misses.push(miss);
  if (w) c.whole++;
  m.set(k, c);
};

for (const seed of seeds) {
  for (const c of makeCases(seed)) {
    const key = `${c.shape} / ${c.frame}`;
    if (cellFilter !== undefined && key !== cellFilter) continue;
    const fs = scrubPii(c.text).findings.filter((f) => f.type === 'SECRET');
    const found = fs.some((f) => f.start < c.end && c.start < f.end);
    let whole = true;
    for (let i = c.start; i < c.end; i++) if (!fs.some((f) => f.start <= i && i < f.end)) { whole = false; break; }
    const miss = `${JSON.stringify(c.text)} [${c.text.slice(c.start, c.end)}]${fs.length ? ' got ' + fs.map((f) => JSON.stringify(c.text.slice(f.start, f.end))).join(',') : ''}`;
    add(cells, key, found, whole, miss);
    add(shapeTot, c.shape, found, whole, miss);
    add(frameTot, c.frame, found, whole, miss);
  }
  const h = helpers(rng(seed * 7919 + 1));
  for (let i = 0; i < LOOK_ALIKES; i++) {
    const text = h.pick(LOOKS)(h);
    const fs = scrubPii(text).findings.filter((f) => f.type === 'SECRET');
    looksN++;
    if (fs.length === 0) looksKept++;
    else lookMisses.push(`${JSON.stringify(text)} took ${fs.map((f) => JSON.stringify(text.slice(f.start, f.end))).join(',')}`);
  }
}

const pct = (a: number, b: number): string => (b === 0 ? '—' : (a / b).toFixed(3));
let n = 0;
let found = 0;
let whole = 0;
for (const c of cells.values()) {
  n += c.n;
  found += c.found;
  whole += c.whole;
}
console.log(`# password matrix: seeds ${seeds.join(',')}, ${PER_CELL} per cell per seed\n`);
console.log(`pooled found ${found}/${n} = ${pct(found, n)}; whole ${whole}/${n} = ${pct(whole, n)}; look-alikes kept ${looksKept}/${looksN} = ${pct(looksKept, looksN)}\n`);
console.log('## by shape');
for (const [k, c] of [...shapeTot].sort((a, b) => a[1].found / a[1].n - b[1].found / b[1].n)) console.log(`${k.padEnd(18)} ${pct(c.found, c.n)} (${c.found}/${c.n}) whole ${pct(c.whole, c.n)}`);
console.log('\n## by frame');
for (const [k, c] of [...frameTot].sort((a, b) => a[1].found / a[1].n - b[1].found / b[1].n)) console.log(`${k.padEnd(18)} ${pct(c.found, c.n)} (${c.found}/${c.n}) whole ${pct(c.whole, c.n)}`);
console.log('\n## weakest cells (found < 0.9)');
const weak = [...cells].filter(([, c]) => c.found / c.n < 0.9).sort((a, b) => a[1].found / a[1].n - b[1].found / b[1].n);
for (const [k, c] of weak) console.log(`${k.padEnd(40)} ${pct(c.found, c.n)} (${c.found}/${c.n})`);
console.log(`(${weak.length} of ${cells.size} cells below 0.9)`);
if (examples > 0) {
  console.log('\n## misses');
  for (const [k, c] of weak.length ? [...cells] : []) for (const m of c.misses.slice(0, examples)) console.log(`- ${k}: ${m}`);
  console.log('\n## look-alikes taken');
  for (const m of lookMisses.slice(0, examples * 5)) console.log(`- ${m}`);
}
