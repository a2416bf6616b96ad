import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PiiError, createScrubber, scrubPii } from '../src/pii/index.ts';
import type { PiiFinding, Scrubber } from '../src/pii/index.ts';
import { PATTERN_TYPES, evaluate, loadCorpus } from './fixtures/pii/corpus-eval.ts';

/** The values a text's findings cover, as `TYPE:value`. */
function found(text: string): string[] {
  return scrubPii(text).findings.map((f) => `${f.type}:${text.slice(f.start, f.end)}`);
}

/** Positives: each value, placed in the sentence, is found exactly. */
function expectFound(type: string, cases: ReadonlyArray<readonly [sentence: string, value: string]>): void {
  for (const [sentence, value] of cases) {
    expect(found(sentence), sentence).toContain(`${type}:${value}`);
  }
}

/** Negatives: nothing of `type` is found. */
function expectNone(type: string, sentences: readonly string[]): void {
  for (const s of sentences) {
    expect(found(s).filter((f) => f.startsWith(`${type}:`)), s).toEqual([]);
  }
}

// Ordinary tokens that no scrubber may touch.
const ORDINARY = [
  'Deadline is 2026-11-24, or 24/11/2026, or Nov 24, or 24.11.2026.',
  'Stand-up at 10:30, retro at 14:00:00 UTC, lunch at 12pm.',
  'The laptop costs $1,299.99, the adapter €15 and shipping £2.50.',
  'See PROJ-1234 and OPS-77 before the release.',
  'Upgrade to v1.2.3, Windows 10.0.19045, node 20.19.0, ^4.10.2, 1.2.3-beta.1.',
  'We had 42 incidents, 1,234,567 requests and 99.9% uptime.',
  'Order ORD-2026-000123 and invoice INV-88231, tracking 1Z999AA10123456784.',
  'Fixed in 3f2a9c1 (full: 3f2a9c1b4d5e6f708192a3b4c5d6e7f8091a2b3c).',
  'Job 123e4567-e89b-12d3-a456-426614174000 failed.',
  'Edit src/pii/index.ts or C:\\Users\\Public\\report.xlsx or /var/log/nginx/access.log.',
  'Docs: https://docs.example.com/guide?page=2&sort=asc and https://github.com/acme/widgets/pull/1234.',
  'ISBN 978-3-16-148410-0, colour #ff00aa, localhost:3000, index.ts:42:7, HTTP 404, PR #1234.',
  'Image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 from api-server-7d9f8b6c5-x2x4z.',
  'Rename getUserAccountSettings and max_retry_count_per_host in FederatedAveragingStrategy.',
  'UA: Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0.6099.109 Safari/537.36',
  'Role arn:aws:iam::123456789012:role/Deploy; pin nginx:1.25-alpine and @types/node@20.19.0.',
  'Population 1 234 567 (+12.5%), coordinates 51.5074, -0.1278, score 3-1.',
  'logo@2x.png and git@github.com:acme/widgets.git are not mailboxes.',
  'std::vector and Foo::Bar are not addresses; neither is 12:30:45.',
];

describe('EMAIL', () => {
  it('finds addresses', () => {
    expectFound('EMAIL', [
      ['Mail grace.hopper@navy.mil today', 'grace.hopper@navy.mil'],
      ['<J.Smith+jira@mail.example.co.uk>', 'J.Smith+jira@mail.example.co.uk'],
      ['mailto:ops_team@acme.io?subject=hi', 'ops_team@acme.io'],
      ['UPPER@EXAMPLE.COM.', 'UPPER@EXAMPLE.COM'],
    ]);
  });
  it('ignores package specs, image names and git remotes', () => {
    expectNone('EMAIL', ['react@18.2.0', 'logo@2x.png', 'git@github.com:org/repo.git', 'a@b', '@types/node']);
  });
});

describe('PHONE', () => {
  it('finds international and national formats', () => {
    expectFound('PHONE', [
      ['Call +44 20 7946 0958 now', '+44 20 7946 0958'],
      ['Call (555) 123-4567 now', '(555) 123-4567'],
      ['Call 555-123-4567 now', '555-123-4567'],
      ['Call +1-555-123-4567 now', '+1-555-123-4567'],
      ['Call 0049 30 1234567 now', '0049 30 1234567'],
      ['Call +44 (0)20 7946 0958 now', '+44 (0)20 7946 0958'],
      ['Call 020 7946 0958 now', '020 7946 0958'],
      ['Call 06 12 34 56 78 now', '06 12 34 56 78'],
      ['Call 06.12.34.56.78 now', '06.12.34.56.78'],
      ['Call +33 6 12 34 56 78 now', '+33 6 12 34 56 78'],
      ['Call +81 3-1234-5678 now', '+81 3-1234-5678'],
      ['Call +4915112345678 now', '+4915112345678'],
      ['Call 555.123.4567 now', '555.123.4567'],
      ['tel:+15551234567', '+15551234567'],
      ['call me at 5551234567 tomorrow', '5551234567'],
      ['Mobile: 07700900123', '07700900123'],
      ['Office 555-123-4567 x204', '555-123-4567 x204'],
    ]);
  });
  it('leaves dates, times, versions, ids, ISBNs and bare numbers', () => {
    expectNone('PHONE', [
      ...ORDINARY,
      '2026-11-24 10:30',
      '05.11.2026 13:45',
      'Order 0123456789 shipped',
      'build 20261124.3',
      '+1 for this idea',
      'call this 1000000 times',
    ]);
  });
});

describe('CREDIT_CARD', () => {
  it('finds Luhn-valid numbers of the major networks, grouped or not', () => {
    expectFound('CREDIT_CARD', [
      ['Visa 4111 1111 1111 1111 declined', '4111 1111 1111 1111'],
      ['Visa 4111-1111-1111-1111.', '4111-1111-1111-1111'],
      ['MC 5555555555554444', '5555555555554444'],
      ['MC 2223 0031 2200 3222', '2223 0031 2200 3222'],
      ['Amex 3782 822463 10005', '3782 822463 10005'],
      ['Discover 6011 1111 1111 1117', '6011 1111 1111 1117'],
      ['Diners 3056 930902 5904', '3056 930902 5904'],
      ['JCB 3530111333300000', '3530111333300000'],
      ['Visa13 4222222222222', '4222222222222'],
    ]);
  });
  it('rejects Luhn failures, unknown issuers and digits inside ids', () => {
    expectNone('CREDIT_CARD', [
      '4111 1111 1111 1112',
      '1234 5678 9012 3456',
      '1700000000000 ms epoch',
      'ORD-4111111111111111',
      '4111111111111111.5',
      // A 19-digit layout whose first 16 digits happen to pass Luhn is not a 16-digit card.
      '4046 5889 2377 7140 449',
      ...ORDINARY,
    ]);
  });
});

describe('IBAN', () => {
  it('finds mod-97-valid IBANs with or without spaces', () => {
    expectFound('IBAN', [
      ['Pay DE89 3704 0044 0532 0130 00 now', 'DE89 3704 0044 0532 0130 00'],
      ['Pay DE89370400440532013000.', 'DE89370400440532013000'],
      ['GB82 WEST 1234 5698 7654 32 (GBP)', 'GB82 WEST 1234 5698 7654 32'],
      ['FR1420041010050500013M02606', 'FR1420041010050500013M02606'],
      ['NL91ABNA0417164300', 'NL91ABNA0417164300'],
      ['PT50 0002 0123 1234 5678 9015 4', 'PT50 0002 0123 1234 5678 9015 4'],
      ['TR33 0006 1005 1978 6457 8413 26', 'TR33 0006 1005 1978 6457 8413 26'],
    ]);
  });
  it('rejects wrong check digits, wrong lengths and unknown countries', () => {
    expectNone('IBAN', ['DE88 3704 0044 0532 0130 00', 'DE89370400440532013001', 'DE8937040044053201300', 'ZZ89370400440532013000', 'GB82WEST12345698765432X']);
  });
});

describe('SSN', () => {
  it('finds dashed SSNs, and spaced or bare ones after a keyword', () => {
    expectFound('SSN', [
      ['SSN 123-45-6789 on file', '123-45-6789'],
      ['ssn: 123 45 6789', '123 45 6789'],
      ['Social security number 123456789.', '123456789'],
    ]);
  });
  it('rejects areas 000/666/9xx, group 00, serial 0000, and bare digits without keyword', () => {
    expectNone('SSN', ['000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000', 'order 123456789', 'v123-45-6789']);
  });
});

describe('IP_ADDRESS', () => {
  it('finds IPv4 and IPv6, compressed, mapped and scoped', () => {
    expectFound('IP_ADDRESS', [
      ['from 192.168.1.10.', '192.168.1.10'],
      ['ssh 10.0.0.5:22', '10.0.0.5'],
      ['allow 10.0.0.0/24', '10.0.0.0'],
      ['v6 2001:db8::8a2e:370:7334 up', '2001:db8::8a2e:370:7334'],
      ['v6 2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:0db8:0000:0000:0000:ff00:0042:8329'],
      ['link fe80::1%eth0', 'fe80::1%eth0'],
      ['loopback ::1.', '::1'],
      ['mapped ::ffff:192.0.2.128', '::ffff:192.0.2.128'],
      ['[2001:db8::1]:8080', '2001:db8::1'],
    ]);
  });
  it('rejects out-of-range octets, versions, MACs and times', () => {
    expectNone('IP_ADDRESS', ['256.1.1.1', '1.2.3', '1.2.3.4.5', 'v1.2.3.4', 'Chrome/120.0.0.0', '00:1a:2b:3c:4d:5e', '12:30:45', '2001:db8::1::2', ...ORDINARY]);
  });
});

describe('SECRET', () => {
  it('finds issuer-formatted keys, JWTs and PEM private keys', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7xQ1\nq2w3e4r5t6y7u8i9o0p=\n-----END RSA PRIVATE KEY-----';
    const jwt =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expectFound('SECRET', [
      ['key AKIAIOSFODNN7EXAMPLE leaked', 'AKIAIOSFODNN7EXAMPLE'],
      ['token ghp_0123456789abcdefghijABCDEFGHIJ012345', 'ghp_0123456789abcdefghijABCDEFGHIJ012345'],
      ['github_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456', 'github_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456'],
      ['slack xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
      ['stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
      ['maps AIzaSyA-1234567890abcdefghijklmnopqrstu', 'AIzaSyA-1234567890abcdefghijklmnopqrstu'],
      [`Bearer ${jwt}.`, jwt],
      [`Found:\n${pem}\nrotate`, pem],
    ]);
  });
  it('scrubs only the value of secrets named by their context', () => {
    expectFound('SECRET', [
      ['aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      ['The AWS secret key is wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, rotate it', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      ['https://x.io/cb?access_token=abcDEF123456xyz&page=2', 'abcDEF123456xyz'],
      ['https://x.io/cb?api_key=abcDEF123456xyz.', 'abcDEF123456xyz'],
      ['postgres://admin:s3cr3tPw@db:5432/app', 's3cr3tPw'],
      ['password: hunter2!', 'hunter2!'],
      ['export GITHUB_TOKEN=abcDEF123456xyz7', 'abcDEF123456xyz7'],
      ['"client_secret": "Zm9vYmFyYmF6cXV4MTIz"', 'Zm9vYmFyYmF6cXV4MTIz'],
    ]);
    const r = scrubPii('https://x.io/cb?access_token=abcDEF123456xyz&page=2');
    expect(r.text).toBe('https://x.io/cb?access_token=[SECRET]&page=2');
  });
  it('finds random high-entropy tokens', () => {
    expectFound('SECRET', [
      ['staging key mlq0LbHvU_hXt2acWZgesDZF ok', 'mlq0LbHvU_hXt2acWZgesDZF'],
      ['secret: x9Kq2LmP8vRt4ZwYb7NcJ3hF', 'x9Kq2LmP8vRt4ZwYb7NcJ3hF'],
      ['blob dGhpcyBpcyBhIHNlY3JldCB2YWx1ZTEyMw==', 'dGhpcyBpcyBhIHNlY3JldCB2YWx1ZTEyMw=='],
    ]);
  });
  it('keeps hashes, UUIDs, identifiers, placeholders and prose', () => {
    expectNone('SECRET', [
      ...ORDINARY,
      'password: reset it via the portal',
      'token: expired',
      'api_key = ${API_KEY}',
      'password=<your-password>',
      'secret: true',
      'ClientSdkConfigurationBuilder and x86_64-unknown-linux-gnu and PII_SCRUBBER_ENABLED',
      'IBAN typo FR137734691922DF8X2D80CHB75',
    ]);
  });
});

describe('PERSON', () => {
  it('finds names in greetings, sign-offs, headers, titles and "wrote:"', () => {
    expectFound('PERSON', [
      ['Hi Mark, can you check?', 'Mark'],
      ['Thanks, Grace', 'Grace'],
      ['Thanks Will for the review', 'Will'],
      ['Best regards,\nHope', 'Hope'],
      ['Cheers,\nJoy Okafor', 'Joy Okafor'],
      ['Dr. Grace Hopper joins at 3', 'Grace Hopper'],
      ['Ms. Patel approved', 'Patel'],
      ['Dr van der Berg approved', 'van der Berg'],
      ['June Park wrote:', 'June Park'],
      ['On Nov 24, Mark Chen wrote:', 'Mark Chen'],
      ['From: Page Watson <page@example.com>', 'Page Watson'],
      ['Assignee: Chase Whitfield', 'Chase Whitfield'],
      ['[10:32] Art: deploying now', 'Art'],
      ['cc Kendra and Sky.', 'Sky'],
      ['Hi Priya,', 'Priya'],
      ['Priya Raman wrote:', 'Priya Raman'],
      ['Jennifer said the build is green', 'Jennifer'],
      ['I spoke with Jennifer Lopez about it', 'Jennifer Lopez'],
      ["Ask Jennifer O'Brien-Smith", "Jennifer O'Brien-Smith"],
      ['Robbie Van Dijk will present', 'Robbie Van Dijk'],
      ['thanks to Grace for fixing it', 'Grace'],
      ['@Jennifer can you check?', 'Jennifer'],
    ]);
  });
  it('does not take everyday words for names', () => {
    expectNone('PERSON', [
      'Will you review PROJ-1234?',
      'May I take the on-call shift?',
      'The release slipped to May.',
      'Mark the ticket as done.',
      'Bill the client for 12 hours.',
      'Grace period ends on Nov 24.',
      'Hope this helps!',
      'Art direction is due Friday.',
      'See Page 3 of the runbook.',
      'Chase Bank flagged the payment.',
      'Faith in the plan is low.',
      'Sky is the limit.',
      'Round Robin scheduling is used.',
      'Release Notes: Mark As Read Fixed In v1.2',
      '[10:01] <user7> Joy of refactoring: it is gone.',
      "Don't merge on Friday.",
      'Hi Team, hi all, Dear Customer,',
      'Upgrade Ruby to 3.3 and Perl to 5.38 in the Austin office.',
      ...ORDINARY,
    ]);
  });
});

describe('scrubPii', () => {
  it('replaces findings by [TYPE] and reports offsets into the original text', () => {
    const text = 'Hi Mark, card 4111 1111 1111 1111 is blocked';
    const r = scrubPii(text);
    expect(r.text).toBe('Hi [PERSON], card [CREDIT_CARD] is blocked');
    expect(r.findings).toEqual([
      { type: 'PERSON', start: 3, end: 7 },
      { type: 'CREDIT_CARD', start: 14, end: 33 },
    ]);
  });

  it('returns empty text unchanged', () => {
    expect(scrubPii('')).toEqual({ text: '', findings: [] });
  });

  it('resolves overlaps: longest span first, then the more specific scrubber', () => {
    // A custom scrubber that claims the first half of an e-mail loses to the longer EMAIL.
    const half: Scrubber = { type: 'HALF', find: (t) => [{ start: 0, end: t.indexOf('@') }] };
    expect(scrubPii('grace@example.com', { scrubbers: [half] }).findings).toEqual([{ type: 'EMAIL', start: 0, end: 17 }]);
    // Equal spans: the lower priority wins, whatever the order of the list.
    const same = (type: string, priority: number): Scrubber => ({ type, priority, find: (t) => [{ start: 0, end: t.length }] });
    expect(scrubPii('zzz', { scrubbers: [same('B', 7), same('A', 3)] }).text).toBe('[A]');
    // An IBAN without spaces is also a high-entropy token: the checksum-checked type wins.
    expect(scrubPii('DE89370400440532013000').text).toBe('[IBAN]');
  });

  it('runs custom scrubbers and can switch types off', () => {
    const employeeIds: Scrubber = {
      type: 'EMPLOYEE_ID',
      find: (t) => [...t.matchAll(/\bEMP-\d{6}\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
    };
    const text = 'EMP-004211 (grace@example.com) from 10.0.0.1';
    expect(scrubPii(text, { scrubbers: [employeeIds] }).text).toBe('[EMPLOYEE_ID] ([EMAIL]) from [IP_ADDRESS]');
    expect(scrubPii(text, { scrubbers: [employeeIds], disable: ['IP_ADDRESS'] }).text).toBe('[EMPLOYEE_ID] ([EMAIL]) from 10.0.0.1');

    const scrubber = createScrubber({ extra: [employeeIds], disable: ['EMAIL', 'PERSON'] });
    expect(scrubber.types).toContain('EMPLOYEE_ID');
    expect(scrubber.types).not.toContain('EMAIL');
    expect(scrubber.scrub(text).text).toBe('[EMPLOYEE_ID] (grace@example.com) from [IP_ADDRESS]');
  });

  it('refuses bad spans and bad scrubbers instead of leaving text unscrubbed', () => {
    const bad = (start: number, end: number): Scrubber => ({ type: 'BAD', find: () => [{ start, end }] });
    for (const [s, e] of [[-1, 2], [2, 2], [3, 1], [0, 99], [0.5, 2]] as const) {
      expect(() => scrubPii('hello', { scrubbers: [bad(s, e)] })).toThrowError(PiiError);
    }
    try {
      scrubPii('hello', { scrubbers: [bad(0, 99)] });
    } catch (e) {
      expect(e).toBeInstanceOf(PiiError);
      expect((e as PiiError).code).toBe('INVALID_SPAN');
      expect((e as PiiError).message).toBe('scrubber "BAD" returned span 0..99; expected integers 0 <= start < end <= 5');
    }
    expect(() => createScrubber({ extra: [{ type: 'has space', find: () => [] }] })).toThrowError(/not a label/);
  });
});

describe('sixth pass: values in other languages and shapes, guesses cut around formats', () => {
  it('takes a password tied to its cue in six languages, quoted, spaced after "passphrase", digits only, or a common one', () => {
    expectFound('SECRET', [
      ['la contraseña es Verano2024!', 'Verano2024!'],
      ['das Passwort ist superman', 'superman'],
      ['Passwort lautet gartenzwerg', 'gartenzwerg'],
      ['le mot de passe est soleilcouchant', 'soleilcouchant'],
      ['mdp : 77404463', '77404463'],
      ['a senha é P@ssw0rd', 'P@ssw0rd'],
      ['la password è gardenrivergardencastle', 'gardenrivergardencastle'],
      ['het wachtwoord is "orange battery staple"', 'orange battery staple'],
      ['Password for the vault is “river tomato candle”', 'river tomato candle'],
      ['passphrase: correct horse battery staple', 'correct horse battery staple'],
      ['the password is sunshine', 'sunshine'],
      ["the password's Winter2025", 'Winter2025'],
      ['Your temporary password has been set to Harborfalcon', 'Harborfalcon'],
      ['password reset to famrd6Fz!DA2TTHz, ticket closed', 'famrd6Fz!DA2TTHz'],
      ['das passwort ist 9LtbeMLZ', '9LtbeMLZ'],
      ['login with jdoe and walnut_prairie', 'walnut_prairie'],
      ['secret for the shared inbox is falconlagoonember', 'falconlagoonember'],
      ['la clave del wifi es verano2024', 'verano2024'],
      ["le mdp c'est soleil123", 'soleil123'],
      ['psswd: RzSSbduz', 'RzSSbduz'],
      ['Temp password (valid 24h): Kx9!mmQ2', 'Kx9!mmQ2'],
      ['SUNSHINE IS THE PASSWORD', 'SUNSHINE'],
      ['passphrase: Correct Horse Battery Staple', 'Correct Horse Battery Staple'],
      ['senha do email: Spring25@', 'Spring25@'],
      ['la contraseña ahora es dragon', 'dragon'],
      ['Zugangsdaten: admin / 40650786', '40650786'],
      ['the wifi password is purple monkey', 'purple monkey'],
      ['the password is correct horse battery staple', 'correct horse battery staple'],
    ]);
  });

  it('keeps prose about passwords and dates after "login"', () => {
    expectNone('SECRET', [
      'the password is stored in the vault',
      'password: ask IT',
      'Password: (unchanged)',
      'the password is case sensitive',
      'Last login 13/09/1984',
      'the password reset link expired',
      'log in with SSO and MFA',
      'the password is case sensitive',
      'the password is changed every month',
      'le mot de passe est trop court',
      'password: kept in the safe',
    ]);
  });

  it('finds dates of birth written with month names of seven languages, two-digit years, and words between cue and date', () => {
    expectFound('DATE_OF_BIRTH', [
      ['nacido el 3 de marzo de 1962 en Sevilla', '3 de marzo de 1962'],
      ['Geburtsdatum: 8. Oktober 2002', '8. Oktober 2002'],
      ['née le 1er mars 1985 à Lyon', '1er mars 1985'],
      ['data de nascimento: 26 de maio de 1978', '26 de maio de 1978'],
      ['nato il 13 settembre 1968', '13 settembre 1968'],
      ['geboren op 27-5-1980', '27-5-1980'],
      ['DOB 05 JUL 54', '05 JUL 54'],
      ["born 20 Jun '71, joined us in 2019", "20 Jun '71"],
      ['Employee born 03DEC1990', '03DEC1990'],
      ['date of birth - 27/Apr/1968', '27/Apr/1968'],
      ['born Jan-16-1989 in Manila', 'Jan-16-1989'],
      ['dob: February the 12th, 1983', 'February the 12th, 1983'],
      ['BIRTH: November 1976', 'November 1976'],
      ['she was born in Porto on 4 May 1990', '4 May 1990'],
      ['9th of March, 1987 is my date of birth', '9th of March, 1987'],
      ['DOB 19850315', '19850315'],
      ['"date_of_birth": "1985-03-15"', '1985-03-15'],
      ['Geb.-Datum: 15.03.1985', '15.03.1985'],
      ['dob 15-mrt-1985', '15-mrt-1985'],
      ['dob:05031985', '05031985'],
      ['DOB: 1985 Mar 05', '1985 Mar 05'],
      ['Date of birth........: 05/03/1985', '05/03/1985'],
      ['DOB | 05/03/1985', '05/03/1985'],
    ]);
  });

  it('keeps dates in other languages without a birth cue', () => {
    expectNone('DATE_OF_BIRTH', ['fecha de entrega: 3 de marzo de 2026', 'Lieferdatum 8. Oktober 2026', 'the contract was signed on 4 abril 1978', 'Invoice date: 22 maart 2024']);
  });

  it('drops a name guess that runs into a password, date or street, and cuts names at function words of other languages', () => {
    // "la contraseña es" is no name, and the value is the SECRET's, not the PERSON's.
    expect(scrubPii('la contraseña es gardenrivergardencastle').text).toBe('la contraseña es [SECRET]');
    expect(scrubPii('le mot de passe est dans le coffre').findings).toEqual([]);
    // A month's name next to a day or a year is a date's, even when it is also a given name.
    expect(scrubPii('Invoice date: 3. Mai. 2004').findings).toEqual([]);
    // A custom guess (priority ≥ 80) longer than an e-mail gives way to it; one of priority 79 does not.
    const guess = (priority: number): Scrubber => ({ type: 'GUESS', priority, find: (t) => [{ start: 0, end: t.length }] });
    expect(scrubPii('Grace grace@example.com', { scrubbers: [guess(80)] }).findings).toEqual([{ type: 'EMAIL', start: 6, end: 23 }]);
    expect(scrubPii('Grace grace@example.com', { scrubbers: [guess(79)] }).findings).toEqual([{ type: 'GUESS', start: 0, end: 23 }]);
  });
});

describe('properties', () => {
  // Independent check-digit helpers for the generators below (not the scrubber's).
  const luhnComplete = (body: string): string => {
    let sum = 0;
    for (let i = 0; i < body.length; i++) {
      let d = Number(body[body.length - 1 - i]);
      if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    return body + String((10 - (sum % 10)) % 10);
  };
  const digitString = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
  const card = digitString(15).map((d) => luhnComplete('4' + d.slice(1)));
  const iban = digitString(18).map((bban) => {
    const r = BigInt(bban + '131400') % 97n; // "DE" = 13 14, check digits 00
    return `DE${String(98n - r).padStart(2, '0')}${bban}`;
  });
  const email = fc
    .tuple(fc.stringMatching(/^[a-z]{2,8}$/), fc.stringMatching(/^[a-z]{2,8}$/), fc.constantFrom('com', 'org', 'io', 'co.uk'))
    .map(([a, b, tld]) => `${a}.${b}@${b}mail.${tld}`);
  const ipv4 = fc.ipV4().filter((ip) => ip.split('.').every((o) => o === '0' || !o.startsWith('0')));
  const ipv6 = fc.ipV6().filter((ip) => /[0-9a-f]/i.test(ip));
  const planted = fc.oneof(
    card.map((v) => ({ type: 'CREDIT_CARD', v })),
    iban.map((v) => ({ type: 'IBAN', v })),
    email.map((v) => ({ type: 'EMAIL', v })),
    ipv4.map((v) => ({ type: 'IP_ADDRESS', v })),
    ipv6.map((v) => ({ type: 'IP_ADDRESS', v })),
  );
  const filler = fc.constantFrom('please', 'check', 'the', 'deploy', 'on', '2026-11-24', 'v1.2.3', '$1,299.99', 'PROJ-1234', 'at', '10:30', 'and', 'then', 'report');
  const doc = fc.array(fc.tuple(fc.array(filler, { minLength: 1, maxLength: 4 }), planted), { minLength: 1, maxLength: 6 });

  function buildDoc(parts: Array<[string[], { type: string; v: string }]>): { text: string; spans: Array<{ type: string; start: number; end: number }> } {
    let text = '';
    const spans: Array<{ type: string; start: number; end: number }> = [];
    for (const [words, { type, v }] of parts) {
      text += words.join(' ') + ' ';
      spans.push({ type, start: text.length, end: text.length + v.length });
      text += v + ' ';
    }
    return { text, spans };
  }

  function checkStructure(text: string, findings: readonly PiiFinding[], out: string): void {
    let at = 0;
    let rebuilt = '';
    for (const f of findings) {
      expect(Number.isInteger(f.start) && Number.isInteger(f.end)).toBe(true);
      expect(f.start).toBeGreaterThanOrEqual(at); // sorted, non-overlapping
      expect(f.end).toBeGreaterThan(f.start);
      expect(f.end).toBeLessThanOrEqual(text.length);
      rebuilt += text.slice(at, f.start) + `[${f.type}]`;
      at = f.end;
    }
    expect(out).toBe(rebuilt + text.slice(at));
  }

  it('findings are in bounds, sorted, non-overlapping, and the output is the input with each replaced', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), doc.map((d) => buildDoc(d).text)), (text) => {
        const r = scrubPii(text);
        checkStructure(text, r.findings, r.text);
      }),
      { numRuns: 300 },
    );
  });

  it('planted cards, IBANs, e-mails and IPs are found exactly, and none survives in the output', () => {
    fc.assert(
      fc.property(doc, (parts) => {
        const { text, spans } = buildDoc(parts);
        const r = scrubPii(text);
        for (const s of spans) {
          expect(r.findings, `${s.type} ${text.slice(s.start, s.end)} in ${text}`).toContainEqual(s);
          expect(r.text.includes(text.slice(s.start, s.end))).toBe(false);
        }
        for (const f of r.findings) {
          const value = text.slice(f.start, f.end);
          // A finding's text survives only where the input holds it again outside every finding.
          if (r.text.includes(value)) expect(value.length).toBeLessThan(4);
        }
      }),
      { numRuns: 300 },
    );
  });

  // The documented exceptions (values glued to a neighbour without a separator, names refused
  // because of a word that was then replaced) do not arise in these texts.
  it('is idempotent: scrubbing scrubbed text finds nothing new', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 200 }), doc.map((d) => buildDoc(d).text)), (text) => {
        const once = scrubPii(text).text;
        const twice = scrubPii(once);
        expect(twice.findings).toEqual([]);
        expect(twice.text).toBe(once);
      }),
      { numRuns: 300 },
    );
    for (const text of [...ORDINARY, readFileSync(fileURLToPath(new URL('./fixtures/pii/corpus.jsonl', import.meta.url)), 'utf8').slice(0, 20_000)]) {
      const once = scrubPii(text).text;
      expect(scrubPii(once).findings).toEqual([]);
    }
  });
});

describe('corpus (test/fixtures/pii/corpus.jsonl)', () => {
  const lines = loadCorpus();
  const report = evaluate(lines, (text) => scrubPii(text).findings);
  const row = (type: string) => report.byType.find((r) => r.type === type);

  it('is current: the committed corpus equals what the seeded generator writes', () => {
    const script = fileURLToPath(new URL('../scripts/make-pii-corpus.mjs', import.meta.url));
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it.each(PATTERN_TYPES)('%s recall >= 0.99', (type) => {
    const r = row(type);
    expect(r?.gold).toBeGreaterThan(300);
    expect(r?.recall).toBeGreaterThanOrEqual(0.99);
    expect(r?.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('PERSON recall >= 0.9', () => {
    const r = row('PERSON');
    expect(r?.gold).toBeGreaterThan(1000);
    expect(r?.recall).toBeGreaterThanOrEqual(0.9);
    expect(r?.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('removes at most 1% of ordinary tokens', () => {
    expect(report.keepTotal).toBeGreaterThan(5000);
    expect(report.keepRemoved / report.keepTotal).toBeLessThanOrEqual(0.01);
    expect(report.backgroundRemoved / report.backgroundTokens).toBeLessThanOrEqual(0.01);
  });
});

describe('isomorphic build', () => {
  const dir = fileURLToPath(new URL('../src/pii/', import.meta.url));
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('src/pii imports no Node built-ins and nothing outside itself', () => {
    for (const f of files) {
      const src = readFileSync(dir + f, 'utf8');
      for (const m of src.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)) {
        expect(m[1], `${f} imports ${m[1]}`).toMatch(/^(?:\.\/[\w-]+\.ts|#pii-lexicon-loader)$/);
      }
      expect(src).not.toMatch(/\brequire\(|process\.|Buffer\b/);
    }
  });

  it('the lexicon loader the package maps is a file of src/pii: eager in Node, lazy elsewhere', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { imports: Record<string, { source: Record<string, string> }> };
    expect(manifest.imports['#pii-lexicon-loader']?.source).toEqual({ node: './src/pii/lexicon-eager.ts', default: './src/pii/lexicon-lazy.ts' });
  });

  it('the compiled-in name lists stay small', () => {
    expect(statSync(dir + 'names-data.ts').size).toBeLessThan(200_000);
  });
});
