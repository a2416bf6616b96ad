import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

// A wireless network's label opening a line (password-network-lines.ts).
describe("a line opened by a wireless network's label", () => {
  it('takes the key to the line’s end', () => {
    expect(secrets('wifi: 155703')).toEqual(['155703']);
    expect(secrets('wifi: t^t')).toEqual(['t^t']);
    expect(secrets('- WLAN = V@qFSniL5X=b')).toEqual(['V@qFSniL5X=b']);
    expect(secrets('wifi: quiver koala yogurt vanilla')).toEqual(['quiver koala yogurt vanilla']);
  });
  it('keeps what a listing says of a network, and the name beside a password', () => {
    expect(secrets('WiFi: free')).toEqual([]);
    expect(secrets('Wifi: available in all rooms')).toEqual([]);
    expect(secrets('WiFi: 100 Mbps')).toEqual([]);
    expect(secrets('WiFi: https://portal.example.com/login')).toEqual([]);
    expect(secrets('- Wifi: Guest_2G / lato22')).toEqual(['lato22']);
    expect(secrets('WiFi: AcmeGuest\nPassword: Tr0ub4dor&3')).toEqual(['Tr0ub4dor&3']);
  });
});

// A note on how to type the line above (password-typing-notes.ts).
describe('a value with a note on how to type it', () => {
  it('takes the line above the note', () => {
    expect(secrets('here you go:\nhollow\n(case sensitive)')).toEqual(['hollow']);
    expect(secrets('here you go:\nasdfjkl;\n(case sensitive)')).toEqual(['asdfjkl;']);
    expect(secrets('here you go:\n猫咪\n(case sensitive)')).toEqual(['猫咪']);
    expect(secrets('here:\n9.0.7rc5\nall lower case, no spaces')).toEqual(['9.0.7rc5']);
  });
  it("keeps a user's name, a label and prose", () => {
    expect(secrets('Username:\njdoe\n(case sensitive)')).toEqual([]);
    expect(secrets('The field is\nrequired\n(case sensitive)')).toEqual([]);
    expect(secrets('Passwords are case sensitive.')).toEqual([]);
  });
});

// A value given again to correct one given before (password-corrections.ts).
describe('a corrected value', () => {
  it('takes a password-shaped value without a cue', () => {
    expect(secrets('typo in my last msg, should be 7380 not the old one')).toEqual(['7380']);
    expect(secrets('typo in my last msg, should be koala_candle_utopia not the old one')).toEqual(['koala_candle_utopia']);
    expect(secrets('ignore the earlier one, use 사랑 instead')).toEqual(['사랑']);
  });
  it('takes any shape a password takes after a cue', () => {
    expect(secrets("sorry, wrong NAS password earlier — it's dolphin feather paddle")).toEqual(['dolphin feather paddle']);
    expect(secrets("sorry, wrong printer password earlier — it's yogurt")).toEqual(['yogurt']);
    expect(secrets("sorry, wrong Jenkins password earlier — it's mw5")).toEqual(['mw5']);
    expect(secrets('the pw changed last night\nnew one: Hollow')).toEqual(['Hollow']);
  });
  it('keeps corrections of anything else', () => {
    expect(secrets('typo in my last msg, should be 1974-10-27 not the old one')).toEqual([]);
    expect(secrets('typo: the meeting should be at 3pm not 2pm')).toEqual([]);
    expect(secrets('typo, should be python3 not python')).toEqual([]);
    expect(secrets('ignore the previous one, use Chrome instead')).toEqual([]);
    expect(secrets("sorry, wrong password earlier — it's fine now")).toEqual([]);
    expect(secrets("sorry, the password was wrong, it's expired")).toEqual([]);
    expect(secrets('sorry, wrong link, use https://example.com/reset instead')).toEqual([]);
  });
});

// A value of three to five characters where a cue gives it (password-short-values.ts).
describe('a short value given by a cue', () => {
  it('takes digits, a mark between characters and letters in an irregular case', () => {
    expect(secrets('User: kchen\nPassword:\n  9!Q\n')).toEqual(['9!Q']);
    expect(secrets('Hi,\n\nthe printer password:\n\n949\n\nThanks')).toEqual(['949']);
    expect(secrets('**Password:** xhT')).toEqual(['xhT']);
    expect(secrets('PASSWORD\nZoM')).toEqual(['ZoM']);
    expect(secrets('Heslo je DNn díky')).toEqual(['DNn']);
    expect(secrets('Пароль: T-r')).toEqual(['T-r']);
  });
  it('keeps stand-ins, placeholders, counts and what the cue is said of', () => {
    expect(secrets('Password: TBD')).toEqual([]);
    expect(secrets('Password: n/a')).toEqual([]);
    expect(secrets('password: Yes')).toEqual([]);
    expect(secrets('Password: iOS')).toEqual([]);
    expect(secrets('pw: (see vault)')).toEqual([]);
    expect(secrets('Password: [see vault]')).toEqual([]);
    expect(secrets('passphrase: <your own four words>')).toEqual([]);
    expect(secrets('Password: 123 characters minimum')).toEqual([]);
    expect(secrets('Who changed the wifi password on 01.07.2025?')).toEqual([]);
    expect(secrets("password for the staging box is 127001z — don't share")).toEqual(['127001z']);
  });
});

// A value opening its line that points at the cue after it (password-pointed-values.ts).
describe('a value pointed at by the cue after it', () => {
  it('takes any shape a password takes', () => {
    expect(secrets("use 03391479, that's the admin password")).toEqual(['03391479']);
    expect(secrets("use солнце, that's the admin password")).toEqual(['солнце']);
    expect(secrets("use dune, that's the admin password")).toEqual(['dune']);
    expect(secrets('www.koala77.com <- pw for Jenkins')).toEqual(['www.koala77.com']);
    expect(secrets("/opt/nutmeg20 — that's the wifi key")).toEqual(['/opt/nutmeg20']);
    expect(secrets('563 is the new HR portal password')).toEqual(['563']);
  });
  it('keeps a common word and a cue that names another thing', () => {
    expect(secrets('Chrome is the password manager we use')).toEqual([]);
    expect(secrets('Below is the new password')).toEqual([]);
    expect(secrets('Attached is the password')).toEqual([]);
    expect(secrets("Yes, that's the password")).toEqual([]);
    expect(secrets('https://reset.example.com is the password reset page')).toEqual([]);
  });
});

// A login noted as three short lines (password-sticky-notes.ts).
describe("a login's note of three lines", () => {
  it('takes the last line whatever its shape', () => {
    expect(secrets('NAS\nuser kchen\n7585')).toEqual(['7585']);
    expect(secrets('staging DB\nuser jdoe\noyster paddle utopia goblet vanilla')).toEqual(['oyster paddle utopia goblet vanilla']);
    expect(secrets('Jenkins\nuser svc_sync\nKäsebrot')).toEqual(['Käsebrot']);
    expect(secrets('printer\nuser svc_sync\n~/chimney/14')).toEqual(['~/chimney/14']);
  });
  it("keeps a host, an address, a common word and a title's words", () => {
    expect(secrets('UX Lead\nUser Research\nLondon')).toEqual([]);
    expect(secrets('NAS\nuser jdoe\nnas.local')).toEqual([]);
    expect(secrets('Hello team,\nuser jdoe\nThanks')).toEqual([]);
    expect(secrets('NAS\nuser jdoe\nsee vault')).toEqual([]);
  });
});

// A password column's cells that are short, of another script or a plain word (password-conventions.ts).
describe("a password column's cells", () => {
  it('takes a short value, a word of another script and a plain word', () => {
    expect(secrets('| Key | Value |\n|---|---|\n| Password | fq5 |\n| Expires | never |')).toEqual(['fq5']);
    expect(secrets('| system | user | password |\n|---|---|---|\n| router | kchen | 猫咪! |')).toEqual(['猫咪!']);
    expect(secrets('"host","user","password"\n"db02.corp.lan","root","354"')).toEqual(['354']);
    expect(secrets('| system | user | password |\n|---|---|---|\n| HR portal | ops-admin | ladder |')).toEqual(['ladder']);
  });
  it('keeps stand-ins and words of prose', () => {
    expect(secrets('| system | user | password |\n|---|---|---|\n| HR portal | ops-admin | TBD |')).toEqual([]);
    expect(secrets('| system | user | password |\n|---|---|---|\n| HR portal | ops-admin | n/a |')).toEqual([]);
    expect(secrets('| system | user | password |\n|---|---|---|\n| HR portal | ops-admin | required |')).toEqual([]);
  });
});

describe("a login's note: a labelled last line", () => {
  it("is left to its label's rules", () => {
    expect(secrets('Login details:\nUser: reception\nPassphrase: noodle jasmine noodle pirate pancake')).toEqual(['noodle jasmine noodle pirate pancake']);
    expect(secrets('  with:\n    username: deploy\n    password: ${{ secrets.SMTP_PASSWORD }}')).toEqual([]);
  });
});

describe("a password column's note in brackets", () => {
  it('is no value', () => {
    expect(secrets('| Service | User | Password |\n|---|---|---|\n| Jira | ops | (SSO) |')).toEqual([]);
  });
});

// A word of another script than its cue's (password-script-values.ts).
describe("a word of another script than its cue's", () => {
  it('takes it after the cue, on its line or the next', () => {
    expect(secrets('p/w: 사랑!')).toEqual(['사랑!']);
    expect(secrets('**Password:** 猫咪')).toEqual(['猫咪']);
    expect(secrets('Password ......... 東京')).toEqual(['東京']);
    expect(secrets('Пароль от NAS:\nさくら!\nне пересылай')).toEqual(['さくら!']);
  });
  it("keeps a stand-in, a single character and the cue's own script", () => {
    expect(secrets('Password: 无')).toEqual([]);
    expect(secrets('The password 是 what you set')).toEqual([]);
    expect(secrets('パスワードは 必須 です')).toEqual([]);
  });
});
