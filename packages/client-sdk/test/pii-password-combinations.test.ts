// Passwords in combinations of layout, cue and value shape (twenty-first pass, bench/pii-password-matrix.ts):
// each rule of the pass pinned by cases that fail without it, and the lines with no secret it must keep.
import { describe, expect, it } from 'vitest';
import { expectNoSecret, expectSecrets, findingsOf } from './fixtures/pii/findings.ts';

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

describe('a misspelt cue before a value of any shape', () => {
  it('reads the value as it reads one after "password"', () => {
    expectSecrets([
      ['passwrod is $fennel51 fyi', '$fennel51'],
      ['passowrd /opt/kayak74 for svc_sync', '/opt/kayak74'],
      ['psswd = $koala73', '$koala73'],
    ]);
  });

  it('keeps words near the cue\'s look-alikes', () => {
    expectNoSecret(['the passport is 123456', 'passed 12 tests', 'pasword: TBD', 'pswd: see vault']);
  });
});

describe('a constant named a secret', () => {
  it('holds a secret whatever it looks like', () => {
    expectSecrets([
      ["export API_SECRET='Vanilla4880'", 'Vanilla4880'],
      ["export API_SECRET='façade'", 'façade'],
      ["export API_SECRET='oyster anchor feather 53'", 'oyster anchor feather 53'],
      ['CLIENT_SECRET=1qa2ws3ed', '1qa2ws3ed'],
    ]);
  });

  it('keeps a switch, a variable and a placeholder', () => {
    expectNoSecret(['CLIENT_SECRET=false', 'JWT_SECRET=${JWT_SECRET}', "API_SECRET='<your secret here>'", 'the client secret is rotated yearly']);
  });
});

describe('code beside a cue', () => {
  it('takes no member read, no user flag\'s argument and no argument of an open call', () => {
    expectNoSecret(['const password = req.body.pass;', 'const password = req.body.password;', 'mysql -u backup01 -h nas2   # prompts for the password', 'password_hash = bcrypt(pw, rounds=13)']);
  });

  it('still takes the password beside them', () => {
    expectSecrets([
      ['the password is maple.orbit.cactus', 'maple.orbit.cactus'],
      ['curl -u admin:Secret123x https://ci.example.org', 'Secret123x'],
      ['Password (case-sensitive): Vanilla4880', 'Vanilla4880'],
    ]);
  });
});

describe('a follow-up after a line that names the password', () => {
  it('reads "try X" and "new one: X"', () => {
    expectSecrets([
      ["> password doesn't work\nmy bad, try 504180", '504180'],
      ['the pw changed last night\nnew one: 12/11/1982', '12/11/1982'],
      ['wifi password was wrong\ncorrect one → Tu3+x', 'Tu3+x'],
    ]);
  });

  it('keeps advice, paths, versions and follow-ups with no password before them', () => {
    expectNoSecret([
      "> password doesn't work\ntry restarting",
      'password reset page is broken, try v2.3 of the app',
      'the password file moved, try /etc/app/pass.conf',
      'the build failed again\nnew one: 12/11/1982',
      'try 504180 if the line is busy',
    ]);
  });
});

describe('a login\'s label', () => {
  it('gives a value no user\'s name looks like', () => {
    expectSecrets([
      ["Kiosk login: Fenerbahce1907. Don't share outside the team.", 'Fenerbahce1907'],
      ['guest login - falconcorrect&', 'falconcorrect&'],
      ['Kiosk login: GPtlNRknSvoKKXngPiP', 'GPtlNRknSvoKKXngPiP'],
    ]);
  });

  it('keeps a user\'s name, an address and a time', () => {
    expectNoSecret(['Login: JSmith2', 'Login: McDonald', 'Login: tomorrow 9am', 'login: nordvik123', 'Login: svc_backup-01']);
    expectSecrets([['login: jdoe pw: Secret123!', 'Secret123!']]);
  });
});

describe('a login written as lines', () => {
  it('takes the token alone under the user\'s line when it has a password\'s shape', () => {
    expectSecrets([
      ['NAS\nuser jdoe\nSaddle6453!', 'Saddle6453!'],
      ['printer\nuser backup01\nradish_oyster_nutmeg', 'radish_oyster_nutmeg'],
    ]);
  });

  it('keeps a host, an address, a word and a product under it', () => {
    expectNoSecret(['user jdoe\nhost db01', 'User: jdoe\n192.168.1.10', 'Username: jdoe\nThanks', 'user jdoe\nWindows10', 'user jdoe\ndb01.corp.lan', 'login ops\n2024-05-01']);
  });
});

describe('a passphrase above a line that points up at its cue', () => {
  it('takes the words of the line above', () => {
    expectSecrets([
      ['hammock iris yogurt 49\n^ VPN password', 'hammock iris yogurt 49'],
      ['kayak radish chimney dolphin\n↑ the wifi pw', 'kayak radish chimney dolphin'],
    ]);
  });

  it('keeps prose above it', () => {
    expectNoSecret(['I will send it later today\n^ about the password', 'see the vault please\n^ pw']);
  });
});

describe('a bracket inside a random value', () => {
  it('is no call of code: the value is still taken', () => {
    expect(findingsOf('g,+ayz[Wb[W(bUXz — that’s the admin password', 'SECRET')).not.toEqual([]);
  });
});
