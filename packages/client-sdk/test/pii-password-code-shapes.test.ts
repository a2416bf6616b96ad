import { describe, it } from 'vitest';
import { expectNoSecret, expectSecrets } from './fixtures/pii/findings.ts';

// Causes of misses left by the nineteenth blind set (password values that look like something else): a value written
// like a name in code that names nothing code keeps, a redis directive's argument with spaces, a phrase answering a
// question or under "here's the pw", chosen words with a bang or "my X is Y" after a form's colon.

describe('a password written like a name in code, where a cue gives it', () => {
  it('takes an attribute, a getter, a flag or a numbered variable of one chosen word', () => {
    expectSecrets([
      ['the wifi password is getRocket() btw', 'getRocket()'],
      ["it's isWinterEnabled, the password I mean", 'isWinterEnabled'],
      ['Şifre: $lemon_58', '$lemon_58'],
      ['mot de passe : self.mango67', 'self.mango67'],
      ['Temp password self.ginger68 valid 24h', 'self.ginger68'],
    ]);
  });

  it('leaves code that reads a password, or names what code keeps', () => {
    expectNoSecret([
      'password = getPassword()',
      'password: self.password',
      'password = self.field2',
      'the password is read by getConfig()',
    ]);
  });
});

describe('a phrase as the whole value, where a cue gives it', () => {
  it("takes a redis directive's argument to its line's end", () => {
    expectSecrets([
      ['requirepass spring harbor mustang', 'spring harbor mustang'],
      ['requirepass foobared # change me', 'foobared'],
    ]);
    expectNoSecret(['requirepass is set in redis.conf']);
  });

  it('takes a phrase with a mark or a digit that answers a question or stands under "here\'s the pw"', () => {
    expectSecrets([
      ["[09:14] mia: router pw?\n[09:15] dev: rock 'n' banana", "rock 'n' banana"],
      ['can u send me the pw\n> Pickle Walrus 4', 'Pickle Walrus 4'],
      ["here's the pw\nI <3 mustang", 'I <3 mustang'],
    ]);
    expectNoSecret(["what's the wifi pw?\nit's on the fridge, room 4", "here's the new password:\nsee the vault at 3pm"]);
  });

  it('takes chosen words with a bang, or "my X is Y", after a form\'s colon', () => {
    expectSecrets([
      ['password = spring ginger!', 'spring ginger!'],
      ['User: a.khan\nPassword: my ginger is pickle\nServer: vpn.example.org', 'my ginger is pickle'],
    ]);
    expectNoSecret(['Password: thanks everyone!', 'Password: good luck!', 'Password: my name is Bob', 'password: see you!']);
  });
});

describe('a word no English list holds, set off before its cue; a keyboard walk or a repeated run', () => {
  it('takes a word of another language or of none set off before a cue, and a walk or a run after one', () => {
    expectSecrets([
      ["It's girasole! — the password, I mean.", 'girasole!'],
      ["it's sotmhlozYCnG, the password I mean", 'sotmhlozYCnG'],
      ["it's asdfgh, the password I mean", 'asdfgh'],
      ['Yeni şifren abcabcabc', 'abcabcabc'],
    ]);
  });

  it('leaves English words and a name set off before the cue', () => {
    expectNoSecret(['password: reset', "it's fine, the password I mean", 'Thanks Priya, the password.', "it's xxxxxxxx, the password I mean", 'Password: xxxxxxxx']);
  });
});
