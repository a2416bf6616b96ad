import { describe, it } from 'vitest';
import { expectNoSecret, expectSecrets } from './fixtures/pii/findings.ts';

// Passphrases with no digit and no symbol (password-passphrases.ts): ordinary words, joined or run together,
// taken where a link, a form's field, a login's pair or a line of its own leaves no doubt they are the value.

describe('passphrases without digits', () => {
  it('takes one ordinary word or joined words after a strong cue and its link', () => {
    expectSecrets([
      ['the password is crystal', 'crystal'],
      ['the password is DATABASE', 'DATABASE'],
      ['I reset your password to Anchor-Storm for now', 'Anchor-Storm'],
      ['remember: wifi = launch.travel', 'launch.travel'],
      ['PW ....... Cupcake', 'Cupcake'],
      ['for the vpn-gw console the magic word is peacock+backup+indigo', 'peacock+backup+indigo'],
      ['the passwort — sorry, autocorrect — is SANDAL', 'SANDAL'],
      ['is the wifi pw still DAKOTA or did it change?', 'DAKOTA'],
      ['the key for the encrypted USB stick is pocket', 'pocket'],
      ['Neues WLAN-Passwort: Jungle Icy', 'Jungle Icy'],
    ]);
  });
  it('takes the value on the line after a cue that ends its line, or a chat reply to a question naming it', () => {
    expectSecrets([
      ['password:\nHoney Sunflower', 'Honey Sunflower'],
      ['wifi\nMadridEmber', 'MadridEmber'],
      ['STICKY NOTE (monitor, lab):\nwifi Acme-Guest\nbridge+upload+olive', 'bridge+upload+olive'],
      ['pw? \nReef Wagon\nthx', 'Reef Wagon'],
      ['Noor: what was the magic word for the label printer?\nKenji: violet umbrella\nNoor: ty', 'violet umbrella'],
    ]);
  });
  it('takes the value before its cue, or pointed at from the line below', () => {
    expectSecrets([
      ['cursor is het nieuwe wachtwoord van de NAS', 'cursor'],
      ['PATCH\n^ that\'s the VPN password', 'PATCH'],
      ['golden.june <- new password', 'golden.june'],
      ["Tidyvanilla (that's the router login)", 'Tidyvanilla'],
      ['TODO: rotate pw (currently daisynoodlebasil)', 'daisynoodlebasil'],
      ["It's braveflorencebluedragon. The password, I mean.", 'braveflorencebluedragon'],
      ['29019785 is the PIN for the shared phone', '29019785'],
      ['phone unlock PIN 24108 (the old one stopped working)', '24108'],
    ]);
  });
  it('takes the second of a login pair', () => {
    expectSecrets([
      ['user a.nowak pass BINARY.OSLO.DATABASE', 'BINARY.OSLO.DATABASE'],
      ['inloggen met ops en COPPER', 'COPPER'],
      ['a.nowak / Fuzzy-Cobweb', 'Fuzzy-Cobweb'],
      ['backup share login\nsvc_deploy:Järvi', 'Järvi'],
      ["here's the login for the old CRM\n\npi\nFuzzy-Denver-Cluster\n\ndelete this msg after", 'Fuzzy-Denver-Cluster'],
      ['identifiant m.keller, mot de passe DUMPLING, à changer à la première connexion', 'DUMPLING'],
      ['use bright-rusty to log in, user is j.smith', 'bright-rusty'],
    ]);
  });
  it('keeps states, pointers, names of things and other languages\' prose', () => {
    expectNoSecret([
      'the password is expired, reset it via the portal',
      'password: (in the vault)',
      'pw below\n(ask Dana)',
      "what's the wifi pw?\n> no idea, ask Dana",
      'pass: Dana has it',
      'creds: jdoe (pw in 1Password)',
      'login with ops and the password from the welcome letter',
      'tag v2-chimney is the one with the password fix',
      "le réseau s'appelle Studio_2G, le mot de passe est à l'accueil",
      'WLAN-Name: Studio_2G, Passwort am Router',
      'pwd\n/home/ops/projects',
      'how to rotate FederatedAveragingStrategy credentials.',
      'Awareness is also key for the brand',
      'senha incorreta',
      'Kennwort zurückgesetzt',
      'hasło jest nieprawidłowe',
      'Şifre: kasada',
      'Password: invariata, chiedi a Lena',
      'passordet er feil',
      'Hasło: [UKRYTE]',
      "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)",
      'login failed: password mismatch. Try again.',
      'such as system administrator interaction and a large passwd\nfile.',
      'the magic word is please, as my mum used to say',
    ]);
  });
});
