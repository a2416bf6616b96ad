// Passwords in combinations of layout, cue and value shape (twenty-first pass, bench/pii-password-matrix.ts):
// each rule of the pass pinned by cases that fail without it, and the lines with no secret it must keep.
import { describe, it } from 'vitest';
import { expectNoSecret, expectSecrets } from './fixtures/pii/findings.ts';

describe('a cue line with the value on the next line', () => {
  it('reads "below" in the cues\' languages', () => {
    expectSecrets([
      ['Nowe hasło poniżej\n\nKc-*??*?VM!', 'Kc-*??*?VM!'],
      ['Das Passwort unten\n\n22835681', '22835681'],
    ]);
  });

  it('reads a heading\'s rule after the cue', () => {
    expectSecrets([
      ['=== ADMIN PASSWORD ===\n3193', '3193'],
      ['*** PASSWORD ***\nYw=$--$UvN#', 'Yw=$--$UvN#'],
    ]);
  });

  it('reads what the password is for, ending the line', () => {
    expectSecrets([
      ['Wachtwoord voor Jenkins\n22835681', '22835681'],
      ['Senha do VPN\n0877\nabraço', '0877'],
    ]);
  });

  it('reads a Japanese or Chinese cue that ends its line', () => {
    expectSecrets([
      ['新しいパスワード\n22835681', '22835681'],
      ['パスワード\nFennel9627', 'Fennel9627'],
    ]);
  });

  it('keeps prose on the next line', () => {
    expectNoSecret(['Password for the account was reset\nThanks', 'Passwort unten\nsiehe Tresor', 'パスワード\n別途お知らせします']);
  });
});

describe('a key / value table', () => {
  it('reads the value beside a password key', () => {
    expectSecrets([
      ['| Key | Value |\n|---|---|\n| Password | Käsebrot! |\n| Expires | never |', 'Käsebrot!'],
      ['| Key | Value |\n|---|---|\n| Password | 48542586 |', '48542586'],
    ]);
  });

  it('reads a passphrase that ends in a number in a password column', () => {
    expectSecrets([['| system | user | password |\n|---|---|---|\n| NAS | kchen | ladder quiver paddle koala 50 |', 'ladder quiver paddle koala 50']]);
  });

  it('keeps a stand-in and a header', () => {
    expectNoSecret(['| Key | Value |\n|---|---|\n| Password | see vault |', '| Password | Owner |\n|---|---|\n| (reset) | IT |']);
  });
});
