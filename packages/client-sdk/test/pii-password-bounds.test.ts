import { describe, expect, it } from 'vitest';
import { expectNoSecret, expectSecrets, findingsOf } from './fixtures/pii/findings.ts';

// The bounds of a password read once more (password-value-bounds.ts): a question's mark after it, a device's
// user before a slash, a cell of a table with one comma; a wifi's pre-shared key assigned; and words that
// stand in for a password in another language, or a script's argument, are no password.

describe("a question's mark", () => {
  it('is cut from a value asked about', () => {
    expectSecrets([
      ['is the pw Jk8!sd9?', 'Jk8!sd9'],
      ['hey, is the wifi password hunter2x?', 'hunter2x'],
      ['was the vpn password still Tr0ub4dor&3? it failed for me', 'Tr0ub4dor&3'],
    ]);
  });
  it('stays in a value given, not asked about', () => {
    expectSecrets([
      ['my password is Gr33nT3a!\nchanged it to Bl4ckC0ffee?', 'Bl4ckC0ffee?'],
      ['[pw: Jk8!sd9]', 'Jk8!sd9'],
    ]);
  });
});

describe("a device's user before a slash", () => {
  it('is left out of the password', () => {
    expectSecrets([
      ['use admin/B@d for the router', 'B@d'],
      ['creds: admin/B@d9x', 'B@d9x'],
      ['camera login root/Xv9!kk2 (factory default)', 'Xv9!kk2'],
    ]);
    expect(findingsOf('use admin/B@d for the router', 'SECRET')).not.toContain('admin/B@d');
  });
});

describe("a table's cells", () => {
  it('takes the password cell of a row with one comma', () => {
    expectSecrets([
      ['user,password\nalice,Xy7!pp2q\nbob,Kk88#zz', 'Xy7!pp2q'],
      ['user,password\nalice,Xy7!pp2q\nbob,Kk88#zz', 'Kk88#zz'],
    ]);
    expect(findingsOf('user,password\nalice,Xy7!pp2q', 'SECRET')).toEqual(['Xy7!pp2q']);
  });
});

describe("a wifi's pre-shared key", () => {
  it('is a password assigned in wpa_supplicant.conf or hostapd.conf', () => {
    expectSecrets([
      ['network={\n  ssid="HomeNet"\n  psk="correct horse battery"\n}', 'correct horse battery'],
      ['psk=Sup3rS3cret', 'Sup3rS3cret'],
      ['wpa_psk = mangotree77', 'mangotree77'],
    ]);
  });
  it('keeps what is no value', () => {
    expectNoSecret(['psk = $WIFI_PSK', 'key_mgmt=WPA-PSK', 'psk: see the label under the router']);
  });
});

describe('words that stand in for a password', () => {
  it('are no password in another language', () => {
    expectNoSecret(['Passwort: vergessen', 'mot de passe : oublié', 'Contraseña: olvidada', 'wachtwoord: vergeten', 'Kennwort: abgelaufen']);
  });
  it("nor a script's argument", () => {
    expectNoSecret(['pw = $arg1', 'password = $1', 'PASS=%1', 'set password=%~1']);
  });
  it('while a value of the same shape stays', () => {
    expectSecrets([
      ['Passwort: vergessen123', 'vergessen123'],
      ['pw = $ummer65', '$ummer65'],
    ]);
  });
});
