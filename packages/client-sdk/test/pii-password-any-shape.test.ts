import { describe, expect, it } from 'vitest';
import { scrubPii } from '../src/pii/index.ts';
import { expectNoSecret, expectSecrets } from './fixtures/pii/findings.ts';

// Causes of misses found by the nineteenth blind set (password values that look like something else): a value of any
// shape right after a cue and its link (a date, an address, a phone number, a path, three characters), a redis
// directive, a user and "pass" with no link, a value before its cue or on the line a caret points up to, a phrase to
// the line's end after a form's colon; and the look-alikes that a cue's phrase names (a change's date, a column's
// type, a file, a place, a day, a tool).

describe('a password that looks like something else, where a cue gives it', () => {
  it('takes a date, an address, a phone number, a path or a short value after a cue and its link', () => {
    expectSecrets([
      ['Password ........ 192.168.6.172!', '192.168.6.172!'],
      ['the wifi key: #67', '#67'],
      ['Password changed successfully. New password: hi7', 'hi7'],
      ['pw 18/05/1988! pls dont lose it', '18/05/1988!'],
      ['passcode 13:06:27', '13:06:27'],
      ['the password\'s SN-674697 (case sensitive)', 'SN-674697'],
      ['WLAN-Schlüssel: 472-6054', '472-6054'],
      ['Hasło to lemon.tar.gz', 'lemon.tar.gz'],
      ["pass '2016-09-22' — same as last time", '2016-09-22'],
    ]);
  });

  it('reads a clause of a person between the cue and "is", "to" after a verb that sets it, digit groups and a -u flag', () => {
    expectSecrets([
      ["The password we agreed on is 07202001, don't write it down.", '07202001'],
      ['set your password to #80 and change it on first login', '#80'],
      ['Password (case-sensitive): 72043 238354', '72043 238354'],
      ['curl -u admin:15:12h https://ci.example.org/api', '15:12h'],
    ]);
    expectNoSecret(['curl -u $USER:$TOKEN https://ci.example.org/api', 'the password SHA1.', 'pw MD5 only']);
  });

  it('takes an address-shaped password as a secret, not as an IP address', () => {
    const text = 'password: "10.0.9.147"';
    expect(scrubPii(text).findings.map((f) => `${f.type}:${text.slice(f.start, f.end)}`)).toEqual(['SECRET:10.0.9.147']);
  });

  it('reads a redis directive, a user and "pass", a value before its cue and a line a caret points up to', () => {
    expectSecrets([
      ['requirepass setup23.exe!', 'setup23.exe!'],
      ['user ops pass 1q2w3e4r', '1q2w3e4r'],
      ['(739)555-6962 <- new pw', '(739)555-6962'],
      ['remember: B@d is the password for the printer', 'B@d'],
      ['26.09.2016\n^ that\'s the VPN password', '26.09.2016'],
      ['Please find the login below.\n\n#Silver23\n\nIt expires Friday.', '#Silver23'],
    ]);
  });

  it('takes a phrase to the line end after a form colon when it has a digit or a mark no prose has', () => {
    expectSecrets([
      ['Password ........ the 4 little oranges', 'the 4 little oranges'],
      ['wifi: Office-5G\npass: Silver & Sunshine', 'Silver & Sunshine'],
    ]);
  });

  it('keeps what a cue phrase names: a change date, a column type, a file, a place, a day, a tool', () => {
    expectNoSecret([
      'Password last changed: 03.05.2021',
      'The password column is char(60).',
      'The password column is nullable.',
      'The password-protected file is export_151.json.',
      'I exported the password report to policy_v3.pdf.',
      'The login script is at /var/log/auth.log.',
      'I changed my password on Monday.',
      'We use Keeper as our password manager.',
      'Password expiry: 180 days',
      'Key rotation: 2024-03-15',
      'PASSWORD_MAX_AGE=90',
      'Password: see the vault',
      'Password: (not set)',
      'the password reset page is https://id.example.org/reset',
      'password v2.0 (beta)',
      'rotate passwords #SecurityFirst',
      'Password issue: INC0045512 (duplicate)',
      'Login details — username: m.ortiz, password: see below',
    ]);
  });
});
