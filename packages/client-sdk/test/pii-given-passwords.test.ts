// Passwords given by what they do, where they go or what they answer, with no word naming one beside
// them (src/pii/password-given.ts), and the same phrases about other things, which stay.
import { describe, it } from 'vitest';
import { expectNoSecret, expectSecrets } from './fixtures/pii/findings.ts';


describe('passwords given with no word naming one', () => {
  it('reads a value by what it does and where it is typed', () => {
    expectSecrets([
      ['kr7t-wks9 works for both the NAS and the old FTP box.', 'kr7t-wks9'],
      ["cVdEwzAe7 gets you into the build mac's keychain.", 'cVdEwzAe7'],
      ['svc_deploy:Slunce123 works for the staging Jenkins', 'Slunce123'],
      ['At the prompt, enter F4ex^+s?Q6*p and hit return.', 'F4ex^+s?Q6*p'],
      ['Give it !Uztt5b8Vi when sudo asks.', '!Uztt5b8Vi'],
      ['When the VPN client pops up, put Fjord0845 in the second box.', 'Fjord0845'],
      ["Just paste lantern440 into the password field and you're in.", 'lantern440'],
      ['Log in met frontdesk en Nec7@rP3pper.', 'Nec7@rP3pper'],
      ['Melde dich mit tlee und Tr0mb0ne! an, das Passwort gilt nur heute.', 'Tr0mb0ne!'],
      ['Connect to Acme-Guest with Tulip#2024 (it rotates monthly).', 'Tulip#2024'],
    ]);
  });

  it('reads a value said in a thread, named after a device, or in chat shorthand', () => {
    expectSecrets([
      ["Did you try Walrus4786? That's what it was last week.", 'Walrus4786'],
      ['Old one expired, new one is mango9845', 'mango9845'],
      ["Scratch that, they changed it again. Now it's C0b4l7.", 'C0b4l7'],
      ["sorry, typo in my last message — it's e5a6-d7pt", 'e5a6-d7pt'],
      ["it's the same as the wifi: nimbus8392", 'nimbus8392'],
      ["Summer_26 - that's the wifi", 'Summer_26'],
      ['router: Rocket01 (admin)', 'Rocket01'],
      ['QuillFjordNectar4 (guest wifi, 2nd floor)', 'QuillFjordNectar4'],
      ['they set mine to Kettle#44 and I never changed it lol', 'Kettle#44'],
      ['u: j.silva p: ChangeMe@2026', 'ChangeMe@2026'],
      ['break room Netflix: m.keller@acme.example // Juniper&03', 'Juniper&03'],
    ]);
  });

  it('reads more ways in, in English and other languages', () => {
    expectSecrets([
      ['first login: use Horse_Staple_Cobalt, then pick your own', 'Horse_Staple_Cobalt'],
      ['用 mnbvcxz7 就能登录。', 'mnbvcxz7'],
      ['Inloggen kan met BrugKoffieSter20', 'BrugKoffieSter20'],
      ['Du kommst mit drAgOn1311 rein.', 'drAgOn1311'],
      ['Puedes entrar con Bosque9 hasta que te den tu usuario.', 'Bosque9'],
      ['user svc_ci, secret Sunshine735', 'Sunshine735'],
      ['The laptop is at the front desk, you can get in with Summer&86 until IT enrols it.', 'Summer&86'],
      ["It's Chelsea426 for the shared drive, same as last quarter.", 'Chelsea426'],
      ["Re: locked out\n\nI've set your password back to FalconCorrect. Please change it as soon as you're in.", 'FalconCorrect'],
    ]);
    expectSecrets([
      ['Nenosiri la wifi ya ofisi ni kopi123%', 'kopi123%'],
      ['masuk pakai user tnguyen dan cisco123 ya', 'cisco123'],
      ['přihlas se jako admin a zadej asdf1234', 'asdf1234'],
      ['логін svc_deploy, далі вводиш poiuytrewq', 'poiuytrewq'],
      ['เข้าเครื่องเซิร์ฟเวอร์ด้วย user tnguyen แล้วพิมพ์ Company661* นะครับ', 'Company661*'],
      ['ssh in as ops with Tr0mb0ne!, then sudo -i', 'Tr0mb0ne!'],
      ["it's Kettle44 for the guest network", 'Kettle44'],
      ['connection string: postgresql://bi_reader:rMjr6K_ozYfs@pg-1.internal:5432/warehouse (the password is the bit after the colon)', 'rMjr6K_ozYfs'],
    ]);
    expectSecrets([
      ['kubectl create secret generic db-creds --from-literal=password=domino-mosaic-harbor', 'domino-mosaic-harbor'],
      ['Connecte-toi avec 5576 et change-le tout de suite.', '5576'],
      ['Whiteboard in the lobby says WIFI 6a9i-za9x-sht4', '6a9i-za9x-sht4'],
      ['Väliaikainen salasanasi on 51183744, vaihda se ensimmäisellä kirjautumisella.', '51183744'],
      ["Unlock the loaner laptop with canyon_yellow_meadow_cactus_78 — it's the temp one I set.", 'canyon_yellow_meadow_cactus_78'],
      ['Printer (3rd floor) admin:\nglacier-lantern-cactus-kettle', 'glacier-lantern-cactus-kettle'],
    ]);
    expectNoSecret(['use your badge to get in with the crowd', "It's me for the shared drive", 'Give it password when sudo asks', 'The sign says pass 2 to the left', 'Admin:\nJohn Smith', 'Salasana on vaihdettu.']);
  });

  it('reads the answer to a line that asks for a password', () => {
    expectSecrets([
      ["what's the pw for the printer?\n> Spring@24?", 'Spring@24?'],
      ['me: whats the jenkins admin pw\nTom: one sec\nTom: summit biscuit cactus juniper', 'summit biscuit cactus juniper'],
      ['hey can u send me the vpn pw\nsure one sec\nt9k5-5jtt\nthx', 't9k5-5jtt'],
      ['can you resend the zoom passcode?\nHere you go: 87522615', '87522615'],
      ['— what do I log in with?\n— build and cactus-tundra-otter-lemon-9, same as the test tenant', 'cactus-tundra-otter-lemon-9'],
    ]);
  });

  it('keeps the same phrases about versions, products, prose and markup', () => {
    expectNoSecret([
      'Node 20 works for the build, 18 does not.',
      'v2.3.1 works for the staging cluster',
      'iPhone15 unlocks with Face ID',
      'Python3 works fine on the runners',
      'if someone *is*\n>smart, works hard, and is rich',
      'please put &quot;n/a&quot; in the box',
      'At the prompt, enter your name and hit return.',
      'Type the ticket number into the search field.',
      'Did you try turning it off and on again?',
      'the new one is better',
      "Now it's 5pm here.",
      'what is the wifi password?\nno idea, ask IT\nthanks',
      'can you send me the login page?\nhttps://intranet.example.com/login',
      '--646007810.993513231406.JavaMail.RovAdmin.rovweb002\nContent-Type: text/plain',
    ]);
  });

  it('keeps what stands for a password or names one, whichever rule read it', () => {
    expectNoSecret([
      'pwd: REDACTED',
      'wifi is down btw, password won\'t help',
      'Security training: never use a password like Summer2024 — it\'s the first thing attackers try.',
      'Guest pass G-2231 issued to the visitor from Globex.',
      'export PGPASSWORD=$(vault kv get -field=pw secret/db)',
      'pwd = $(cat /run/secrets/pw)',
      'pass = %(SMTP_PASS)s',
      'Our office wifi is called Studio_2G (password on the card).',
      'ED25519 key fingerprint is SHA256:fPD7csTBrYes/ytmC9SlvfqCXB1y7FcpBpyIFFlMuuy.',
      'conn = psycopg2.connect(host="erp-test", user="m.keller", password=getpass.getpass())',
    ]);
    // A password with a bracket in it is still one.
    expectSecrets([
      ['@ci-bot the passphrase for the release signing key is "G0(Eaa85k9Z" — it\'s also in the vault.', 'G0(Eaa85k9Z'],
      ['spring.datasource.password=WJ5([znkO82t*1G', 'WJ5([znkO82t*1G'],
    ]);
  });
});
