import { describe, it } from 'vitest';
import { expectNoSecret, expectSecrets } from './fixtures/pii/findings.ts';

// A value of a secret's shape near a cue, however the two are laid out (password-nearby.ts); a code's column in a
// table and a device login's short password after a slash (password-conventions.ts, password-in-prose.ts).

describe('a value on a later line of the message', () => {
  it('is taken under a question or a cue that ends its line', () => {
    expectSecrets([
      ["what's the gate code again?\n[08:41]\n5512", '5512'],
      ['> can you send me the guest wifi password?\nsure, here:\n\notter-velvet-lamp-3', 'otter-velvet-lamp-3'],
      ['Passwords for the lab:\n\nrouter\nKr8!mnz04', 'Kr8!mnz04'],
      ['=== WIFI PASSWORD ===\namber_sprocket_violin', 'amber_sprocket_violin'],
    ]);
  });
});

describe('a correction or a follow-up', () => {
  it('takes the value that replaces the old one', () => {
    expectSecrets([
      ['the lockbox code I sent is wrong\nscratch that, 771204', '771204'],
      ['vpn password got rotated\nnew one: Hx7#qa22pl', 'Hx7#qa22pl'],
      ['the alarm code changed again\nit is 40913 now', '40913'],
    ]);
  });
});

describe('a cue after the value, a misspelt or foreign cue, a short text', () => {
  it('takes digits and passwords around a cue of a code or a password', () => {
    expectSecrets([
      ['61843 for the side gate', '61843'],
      ['Qm7&rt2Lx (same as the vpn password)', 'Qm7&rt2Lx'],
      ['pascode for the bike shed is 6620', '6620'],
      ['Код от склада 903114, если что', '903114'],
      ['garage 4471802', '4471802'],
      ['the api token expired, here is a fresh one: 5be0c2a9f07d41e3b6a1d9e8', '5be0c2a9f07d41e3b6a1d9e8'],
    ]);
  });
  it('keeps numbers, ids and names that are no secret', () => {
    expectNoSecret([
      'Error code 0x80070005 when joining the domain.',
      'Postal code: 74213-037, door on the left',
      'Password reset for kiosk01 done, they can log in now.',
      'Agenda for the Spring2027 offsite: 1) password manager rollout',
      'git revert 2f29a187615a3f382b2746ddcf9e6e39f8e9b042  # "store password hints encrypted"',
      'Password reset failed — request id 7e140cd6-4b6d-4174-861e-719a5622b5e0',
      'The users table stores password_hash (bcrypt, cost 12), never the plain password.',
      'The BitLocker recovery key ID is 845D76FA; the key itself is in Intune.',
      'see inc0091879 for the password rotation',
      'Meeting ID 898 5590 7676, no passcode needed.',
      'tests pass on ubuntu-24.04',
      'Courier note: code 4471 opens the loading bay door.',
    ]);
  });
});

describe("a table's code column", () => {
  it("takes the digits under a PIN's column or under Code beside a door", () => {
    expectSecrets([
      ['Copier | PIN\nSales | 20417\nLegal | (badge)', '20417'],
      ['door,code,notes\nloading bay,550913,ask Ben', '550913'],
      ['wlan_name,wifi_password\nStaff-5G,Tulip-Anchor-Maple-8', 'Tulip-Anchor-Maple-8'],
    ]);
  });
  it('keeps a code column of other things', () => {
    expectNoSecret(['Country | Code\nGermany | 0049\nFrance | 0033', 'product,code,price\nmug,4411,12']);
  });
});

describe("a device login's short password", () => {
  it('is taken after the user and a slash', () => {
    expectSecrets([
      ['login admin/B@d', 'B@d'],
      ['wifi: guest / K9!', 'K9!'],
    ]);
  });
});

describe("a login's user and password side by side", () => {
  it('takes the value after the user, a slash, a colon, "//", "+" or "and"', () => {
    expectSecrets([
      ['ops_backup/Harbor7741 on nas-2.lan', 'Harbor7741'],
      ['svc-print // Maple_Otter_Quartz', 'Maple_Otter_Quartz'],
      ['jdoe + lemonTiger^71 for the wiki admin page', 'lemonTiger^71'],
      ["for the scanner it's kiosk and Pebble.42", 'Pebble.42'],
      ['deploy:Gr4nite!wolf', 'Gr4nite!wolf'],
      ['ldapsearch -D cn=svc_read -w Violet5943 -H ldap://ldap.example.net', 'Violet5943'],
    ]);
  });
  it('keeps paths, branches, images and times', () => {
    expectNoSecret(['see docs/setup.md on the wiki', 'merge origin/feature-x2 first', 'docker pull redis:7.2-alpine', 'meet at 10:30 on monday', 'ldapsearch -x -W -D cn=admin']);
  });
});

describe('an exclamation given as the value', () => {
  it('takes it whole, unless it is a remark about the password', () => {
    expectSecrets([
      ["password: don't panic!", "don't panic!"],
      ["the wifi password is Can't Stop!", "Can't Stop!"],
    ]);
    expectNoSecret(["password: don't share it!", "password: can't remember!", "pw: it's in the vault!"]);
  });
});

describe('more layouts', () => {
  it('reads a key row beside an SSID, a value in CJK corner brackets, digits after "disarm" or before "on the keypad"', () => {
    expectSecrets([
      ['| Item | Value |\n|---|---|\n| SSID | Lab-2G |\n| Key | amberFalcon_27 |', 'amberFalcon_27'],
      ['パスワードは「maple river stone lantern」です', 'maple river stone lantern'],
      ['disarm 7302', '7302'],
      ["it's 5519 on the keypad", '5519'],
      ['Kx7&pl2mQ\n\n(that is the vpn password, delete this)', 'Kx7&pl2mQ'],
      ['pin no. 48213 for the franking machine', '48213'],
    ]);
  });
  it('keeps a key that names no network and a time after a login', () => {
    expectNoSecret(['Key: ABC123', '| Key | Value |\n| env | prod |', 'login: tomorrow noon', 'vault.kdbx is the password policy doc', 'see passwords.kdbx for the password manager rollout']);
  });
});
