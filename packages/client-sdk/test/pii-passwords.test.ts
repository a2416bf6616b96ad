// Passwords given in prose, seventh pass (src/pii/password-in-prose.ts, password-values.ts): each
// rule of the pass pinned by cases that fail without it, and the prose about passwords it must keep.
import { describe, expect, it } from 'vitest';
import { scrubPii } from '../src/pii/index.ts';
import { PASSWORD_CUE_PATTERN, passwordCueMatches } from '../src/pii/password-cues.ts';
import { execAll } from '../src/pii/text.ts';
import { loadCorpus } from './fixtures/pii/corpus-eval.ts';
import { expectNoSecret, expectSecrets, findingsOf, found } from './fixtures/pii/findings.ts';
import { makePatternCases } from './fixtures/pii/pattern-eval.ts';


describe('password cues', () => {
  it('reads a misspelt "password" (two edits at most) and "pword"', () => {
    expectSecrets([
      ['passwrod is Marble7690!', 'Marble7690!'],
      ['passowrd: Aa123456', 'Aa123456'],
      ['pasword: Coco_Kai19', 'Coco_Kai19'],
      ['pword hello123', 'hello123'],
    ]);
  });

  it('reads a cue that closes a compound or takes a suffix', () => {
    expectSecrets([
      ['het wifi-wachtwoord is !@#$qwer', '!@#$qwer'],
      ['wlan-salasana: biscuit4449#', 'biscuit4449#'],
      ['Şifreniz: thunder1729*', 'thunder1729*'],
      ['kata sandinya kitten7148%', 'kitten7148%'],
    ]);
  });

  it('reads "pass" before a link, after a comma and before "for"', () => {
    expectSecrets([
      ['Shared Zoom account: events@acme.com, pass k1tt3n', 'k1tt3n'],
      ['Username - jdoe\nPass - Milo_Ana17', 'Milo_Ana17'],
      ['la pass è Winter2019', 'Winter2019'],
      ['biscuit5754$ <- pass for the router', 'biscuit5754$'],
    ]);
  });

  it('keeps words near "password" that are no misspelling of it, and flags after dashes', () => {
    expectNoSecret(['my passport AB1234567 is in the drawer', 'I passed the exam on 2026-05-02', 'tests pass on node 20', 'run it with --password-file ./secrets/db2']);
  });
});

describe('links and qualifiers between the cue and its value', () => {
  it('reads the copulas of other languages, and "on"/"to" after the Finnish and Polish cues', () => {
    expectSecrets([
      ['lösenordet är Rainbow', 'Rainbow'],
      ['adgangskoden er Mango', 'Mango'],
      ['heslo je pancake-ocean-gizmo', 'pancake-ocean-gizmo'],
      ['salasana on waffle-jasmine-kitten', 'waffle-jasmine-kitten'],
      ['hasło to 706879', '706879'],
    ]);
  });

  it('skips one or two words before the colon or "is"', () => {
    expectSecrets([
      ['Mot de passe provisoire : qazwsx123', 'qazwsx123'],
      ['Hasło tymczasowe: göl1973#', 'göl1973#'],
      ['senha pra entrar: 65058205', '65058205'],
      ['the wifi pw here is 77516495', '77516495'],
    ]);
  });

  it('takes the next line when the cue ends its line, and only a line that is all value', () => {
    expectSecrets([
      ['new pw below\nPirateOcean1', 'PirateOcean1'],
      ['PASSWORD\n46896895', '46896895'],
      ['passphrase\nkitten rainbow cobalt pancake', 'kitten rainbow cobalt pancake'],
    ]);
    expectNoSecret(['password:\nsee the vault', 'Password\nask IT', 'password:\nreset link sent, check your inbox']);
  });
});

describe('password values', () => {
  it('takes one chosen word after a link, capitalised or a rarer English word, not an everyday one', () => {
    expectSecrets([
      ['the password is Cricket', 'Cricket'],
      ['a jelszó: Thunder', 'Thunder'],
      ['passphrase: Biscuit', 'Biscuit'],
      ['password for grafana is password (same as last time)', 'password'],
    ]);
    expectNoSecret(['the password is Below', 'The Password Is Required', 'the password is simple']);
  });

  it('takes digits, a common password or a chosen word with no link where the clause ends', () => {
    expectSecrets([
      ['pw 339275', '339275'],
      ['Netflix (office TV) pw Marble', 'Marble'],
      ['New VPN password letmein, rotate on Monday', 'letmein'],
    ]);
    expectNoSecret(['I changed my password Today', 'password 2024 policy is out']);
  });

  it('takes values in German and French quotes, and quoted values of any shape before the cue', () => {
    expectSecrets([
      ['das Passwort ist „8752478700“', '8752478700'],
      ['"Cobalt" is the passphrase', 'Cobalt'],
      ['"ocean marble ocean cobalt" is the passphrase', 'ocean marble ocean cobalt'],
      ['Qwer1234! — that’s the admin password', 'Qwer1234!'],
      ['Waffle is the password to the shared drive', 'Waffle'],
    ]);
  });

  it('takes no user name after a cue that names a login', () => {
    const f = found('Zugangsdaten: Benutzer t.yilmaz, Passwort 76707244');
    expect(f).toContain('SECRET:76707244');
    expect(f).not.toContain('SECRET:Benutzer');
  });
});

describe('prose about passwords stays', () => {
  it('keeps paths, what a password is written on, and how it is typed', () => {
    expectNoSecret([
      'run pwd, you should see /srv/app/current',
      'pwd prints ~/projects/api',
      'the wifi password is taped under the router',
      'the wifi password is printed on the sign',
      'the pw is case-sensitive',
    ]);
  });

  it('keeps a word of another language after its cue with no link, or after a copula when it is no ASCII run', () => {
    expectNoSecret(['Kennwort abgelaufen', 'Kennwort zurückgesetzt', 'hasło jest nieprawidłowe', 'das Passwort ist abgelaufen']);
  });

  it('keeps prose with a cue and a number, a version or an id', () => {
    expectNoSecret([
      'the minimum password length is 14',
      'password reset fixed in v2.14.1',
      'see SEC-4821 for the password rotation',
      'password changed for 32 accounts',
      'we rotate the password every 90 days',
    ]);
  });

  it('types a value in an e-mail address\'s shape tied to its cue as a password; an address beside a cue stays an e-mail', () => {
    expect(scrubPii('pwd: Pancake@91.gizmo').findings.map((f) => f.type)).toEqual(['SECRET']);
    expect(scrubPii('"Bluebird@10.thunder" is the passphrase').findings.map((f) => f.type)).toEqual(['SECRET']);
    expect(scrubPii('Lösenord: Rainbow@72.thunder').findings.map((f) => f.type)).toEqual(['SECRET']);
    const owner = scrubPii('password for jdoe@acme.com: gl@ci3r42');
    expect(owner.findings.map((f) => f.type)).toEqual(['EMAIL', 'SECRET']);
    expect(scrubPii('mail the password reset link to jdoe@acme.com').findings.map((f) => f.type)).toEqual(['EMAIL']);
  });

  it('finds nothing new when scrubbing scrubbed text', () => {
    for (const text of ['new pw below\nPirateOcean1', 'salasana on waffle-jasmine-kitten', '"Cobalt" is the passphrase', 'pw 339275', 'Netflix (office TV) pw Marble']) {
      const once = scrubPii(text).text;
      expect(scrubPii(once).findings, once).toEqual([]);
    }
  });
});

describe('passwords by convention (ninth pass)', () => {
  const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

  it('takes a chosen word with digits near a cue, a login or an account, on the next or previous line too', () => {
    expect(secrets("what's the guest wifi pw?\nit's Meadow4417 now")).toEqual(['Meadow4417']);
    expect(secrets('reset your account, Kestrel#208 works for now')).toEqual(['Kestrel#208']);
    expect(secrets('Otter55! — dont share')).toEqual(['Otter55!']);
    // Numbered things and versions are no passwords, near a cue or not.
    expect(secrets('the login page broke on Windows11 in Room101')).toEqual([]);
  });

  it('reads login pairs, command lines, Wi-Fi stickers and password columns', () => {
    expect(secrets('root / Maple0917 for the backup box')).toEqual(['Maple0917']);
    expect(secrets('mysql -u deploy -p Tundra77x prod')).toEqual(['Tundra77x']);
    expect(secrets('curl -u ops:Qz8mVb2LpT https://ci.example.net')).toEqual(['Qz8mVb2LpT']);
    expect(secrets('app --user svc --password Heron_4410 --verbose')).toEqual(['Heron_4410']);
    expect(secrets('SSID: Lab-5G\nKey: pebble*73')).toEqual(['pebble*73']);
    expect(secrets('| host | user | password |\n| --- | --- | --- |\n| db-1 | app | Lantern82 |\n| db-2 | app | see vault |')).toEqual(['Lantern82']);
  });

  it('takes passphrases with spaces in brackets or quotes, and keyboard walks', () => {
    expect(secrets('passphrase: [copper lantern drift meadow]')).toEqual(['copper lantern drift meadow']);
    expect(secrets('the password is literally "blue heron eats toast"')).toEqual(['blue heron eats toast']);
    expect(secrets('WIFI_PASSPHRASE="quiet orchard rain"')).toEqual(['quiet orchard rain']);
    expect(secrets('credentials: backup / 1qaz2wsx')).toEqual(['1qaz2wsx']);
  });

  it('keeps questions, channels, template expressions, placeholders and masked values', () => {
    for (const text of [
      'does anyone know the pw for the printer? (see #it-help)',
      'password: ${{ secrets.DB_PASSWORD }}',
      'password: {{ vault_db_password }}',
      'password=<your password here>',
      'pw: ••••••• thx',
      'Passwort vergessen?',
    ]) {
      expect(secrets(text), text).toEqual([]);
    }
    expect(secrets('login details: admin / letmein!')).toEqual(['letmein!']);
  });
});

describe('passwords of other shapes and where conventions put them (tenth pass)', () => {
  const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

  it('reads passwords off command lines by position or flag', () => {
    expect(secrets("mysql -uadmin -p'Harvest2025!' billing")).toEqual(['Harvest2025!']);
    expect(secrets('sshpass -p orbit-lemon-77 ssh ops@bastion.internal')).toEqual(['orbit-lemon-77']);
    expect(secrets('htpasswd -b /etc/nginx/.htpasswd k.ito Quill4Marsh')).toEqual(['Quill4Marsh']);
    expect(secrets('net user backupsvc Tundra!2026 /domain')).toEqual(['Tundra!2026']);
    expect(secrets('net use Y: \\\\fs02\\scans /user:scanner Copper55')).toEqual(['Copper55']);
    expect(secrets("$pw = ConvertTo-SecureString 'OatmealRiver' -AsPlainText -Force")).toEqual(['OatmealRiver']);
    expect(secrets("curl -s -u 'ops:walnut88' https://ci.internal/api")).toEqual(['walnut88']);
    expect(secrets('db01.corp.lan:5432:*:report:Lantern.Fox.Quiet')).toEqual(['Lantern.Fox.Quiet']);
    expect(secrets('export REDIS_PASSWORD=marblecanyonfig')).toEqual(['marblecanyonfig']);
  });

  it('reads login pairs on two lines, in a table without outer pipes, and after a question', () => {
    expect(secrets('user deploy\npass Pebble.Hollow.Crane')).toEqual(['Pebble.Hollow.Crane']);
    expect(secrets('SSID | Key\nAtrium-5G | HoneyOrbitCastle')).toEqual(['HoneyOrbitCastle']);
    expect(secrets("Q: what's the password for the demo box?\nA: Vx82mQpLt")).toEqual(['Vx82mQpLt']);
    expect(secrets("[09:01] ana: what's the login for the printer?\n[09:02] raj: it's maple-otter-sky-12 btw")).toEqual(['maple-otter-sky-12']);
    expect(secrets('Zugang: empfang / Kiwi-Dose-31')).toEqual(['Kiwi-Dose-31']);
    expect(secrets('Anmeldung mit kasse und Falke#2026')).toEqual(['Falke#2026']);
  });

  it('takes a value where a phrase puts a password without naming one', () => {
    expect(secrets('the archive is locked, open it with Sorbet71')).toEqual(['Sorbet71']);
    expect(secrets('use Bramble2026 to log in, then change it')).toEqual(['Bramble2026']);
    expect(secrets('the vpn one is Pelican44')).toEqual(['Pelican44']);
    expect(secrets('the key for the guest wifi is TeapotLadderSun')).toEqual(['TeapotLadderSun']);
    expect(secrets('PASSWORD FOR THE KIOSK 👇\n\nRaven_Lake9')).toEqual(['Raven_Lake9']);
    expect(secrets('Willow.Quartz@88\n^ pw for the lab tenant')).toEqual(['Willow.Quartz@88']);
  });

  it('takes seasons in leet, joined words, Title-case passphrases and generated strings', () => {
    expect(secrets('$ummer2026 is the password for the lab')).toEqual(['$ummer2026']);
    expect(secrets('password: ButterflyKettleDrum')).toEqual(['ButterflyKettleDrum']);
    expect(secrets('the pdf password is Cedar.Moss.Violet')).toEqual(['Cedar.Moss.Violet']);
    expect(secrets('Ihr Einmalkennwort lautet: QX7FB2L9KM3T')).toEqual(['QX7FB2L9KM3T']);
    expect(secrets('the router password was changed from the default to Oregano5')).toEqual(['Oregano5']);
  });

  it('keeps ids, products, periods, code references and prose in other languages', () => {
    for (const text of [
      'Updated bank account: DE80909576323767397265 (ref 1Z8SOBZQTJZ9V6GM5Q).',
      "can't type my password on my iPhone15",
      'Before resetting your password, read the Autumn2026 release notes.',
      'const password = process.env.SMTP_PASSWORD;',
      '"password": "{{ secrets.SMTP_PASS }}"',
      'Passwort: kommt per Post',
      'Password issue: INC0045512 (duplicate)',
      'the password is whatever you chose at onboarding',
      'Reminder: rotate passwords #SecurityFirst',
      'login: svc_build (password via the self-service portal)',
      'unlock it with your fingerprint',
    ]) {
      expect(secrets(text), text).toEqual([]);
    }
  });
});

describe('passwords in Japanese, Chinese, Russian and Arabic, exports and login pairs (eleventh pass)', () => {
  const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

  it('takes the value after a cue of those languages and its link', () => {
    expect(secrets('初期パスワードは Tq7!vLm2x です。ログイン後に変更してください。')).toEqual(['Tq7!vLm2x']);
    expect(secrets('パスワード：HarborLamp58#')).toEqual(['HarborLamp58#']);
    expect(secrets('初始密码：Vb9$kq2Lm')).toEqual(['Vb9$kq2Lm']);
    expect(secrets('Временный пароль: Kx82!mzq')).toEqual(['Kx82!mzq']);
    expect(secrets('كلمة المرور المؤقتة: Rp4&zL9q')).toEqual(['Rp4&zL9q']);
  });

  it('keeps what those languages say about a password', () => {
    for (const text of ['パスワードの有効期限はあと9日です。', '密码长度至少8位。', '密码：请查看密码管理器', 'パスワード：別途お知らせします']) {
      expect(secrets(text), text).toEqual([]);
    }
  });

  it('takes the Wi-Fi named with a copula only before a password-shaped value', () => {
    expect(secrets("pour le wifi c'est Zq8#nVt2")).toEqual(['Zq8#nVt2']);
    expect(secrets('the wifi is K2v!9xPq btw')).toEqual(['K2v!9xPq']);
    expect(secrets('the wifi is terrible again today')).toEqual([]);
  });

  it('takes login pairs after "Access:" and "basic auth", a key for an archive, vendor defaults and Greek and Hebrew links', () => {
    expect(secrets('Access: ops / Fjord-harbor-76')).toEqual(['Fjord-harbor-76']);
    expect(secrets('basic auth for the staging site is staging / Qk1b5?u85')).toEqual(['Qk1b5?u85']);
    expect(secrets('Key for the encrypted archive: Sunshine$47')).toEqual(['Sunshine$47']);
    expect(secrets('La clave del wifi de la oficina es cisco')).toEqual(['cisco']);
    expect(secrets('Ο κωδικός πρόσβασης είναι Silver-lantern')).toEqual(['Silver-lantern']);
    expect(secrets('הסיסמה הזמנית שלך היא WindowIglooCorrect')).toEqual(['WindowIglooCorrect']);
    expect(secrets('Kiosk exit password is igloo pillow violet thunder 93 – keep it away from visitors.')).toEqual(['igloo pillow violet thunder 93']);
  });

  it('takes the password of a pair after a login cue, not the user before the slash', () => {
    expect(secrets('creds: ops-bot / Tz8!qwLm')).toEqual(['Tz8!qwLm']);
    expect(secrets('Zugangsdaten: admin / Kp2#vb9X')).toEqual(['Kp2#vb9X']);
  });

  it('keeps access in prose, a key to success and prose about a password in other scripts', () => {
    expect(secrets('Ask Dana for access. Pin nginx:1.21-alpine and @types/node@20.16.1.')).toEqual([]);
    expect(secrets('The key for a good review: write it down early.')).toEqual([]);
    expect(secrets('Пароль: см. менеджер паролей')).toEqual([]);
    expect(secrets('סיסמה: ראה כספת הסיסמאות')).toEqual([]);
  });

  it('takes values a phrase gives without a word for a password, and after cues of Persian, Thai, Korean and Swahili', () => {
    expect(secrets('the safe in the server room opens with 11032015')).toEqual(['11032015']);
    expect(secrets('the zip from legal is locked with staple1%')).toEqual(['staple1%']);
    expect(secrets('sudo wants tiger+coffee+55 on that box, not your AD one')).toEqual(['tiger+coffee+55']);
    expect(secrets('ssh in as ops with River$1989, then sudo -i')).toEqual(['River$1989']);
    expect(secrets('login is ops and B6K*5PB%@mbX')).toEqual(['B6K*5PB%@mbX']);
    expect(secrets('use violin_correct_window_55 to get into the shared admin account')).toEqual(['violin_correct_window_55']);
    expect(secrets('ops:Harbor97 works for the staging host')).toEqual(['Harbor97']);
    expect(secrets('vpn: a.kowalczyk / Nairobi2014$')).toEqual(['Nairobi2014$']);
    expect(secrets('entrá con ops y 121307, después te pide cambiarla')).toEqual(['121307']);
    expect(secrets('رمز موقت شما D9j7Wmk!yKS+K7 است؛ لطفاً بعد از ورود عوضش کنید.')).toEqual(['D9j7Wmk!yKS+K7']);
    expect(secrets('รหัสผ่าน wifi ชั้น 18 คือ Zaq12wsx นะคะ')).toEqual(['Zaq12wsx']);
    expect(secrets('임시 비밀번호: Sarang#1 (첫 로그인 후 꼭 변경해 주세요)')).toEqual(['Sarang#1']);
  });

  it('keeps what follows those words when it is no value', () => {
    expect(secrets('the door opens with a badge, not a code')).toEqual([]);
    expect(secrets('sudo wants your AD password, not the local one')).toEqual([]);
    expect(secrets('رمز عبور را از مدیر بپرسید')).toEqual([]);
    expect(secrets('รหัสผ่าน wifi ขอได้ที่แผนกไอที')).toEqual([]);
  });

  it("takes a CSV export's password column, the password of a user:password pair, and not a Swedish ending's colon", () => {
    expect(secrets('system,username,password\nrouter,admin,Gz71!kq\nnas,backup,"m4ple#Syrup"')).toEqual(['Gz71!kq', 'm4ple#Syrup']);
    expect(secrets('Credentials: svc_report:azerty2024')).toEqual(['azerty2024']);
    expect(secrets('Lösenordet till wifi:t är monk3y1054')).toEqual(['monk3y1054']);
  });
});

describe('passwords in records, configuration and command lines, whole (twelfth pass)', () => {
  const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

  it('ends the value where the record syntax ends it', () => {
    expect(secrets('Server=tcp:sql01,1433;Initial Catalog=hr;User ID=svc_hr;Password=Lark$feather9;TrustServerCertificate=True;')).toEqual(['Lark$feather9']);
    expect(secrets('jdbc:mysql://db01:3306/hr?user=svc_hr&password=Lark$feather9&useSSL=true')).toEqual(['Lark$feather9']);
    expect(secrets('<credentials>\n  <user>svc_hr</user>\n  <password>Lark$feather9!</password>\n</credentials>')).toEqual(['Lark$feather9!']);
    expect(secrets('app.mail.smtp.password=Lark$feather9')).toEqual(['Lark$feather9']);
  });

  it('takes a KeePass entry\'s password and a PHP constant, all of the value', () => {
    expect(secrets('<String><Key>UserName</Key><Value>svc_hr</Value></String>\n<String><Key>Password</Key><Value ProtectInMemory="True">Quill.Harbor.7?</Value></String>')).toEqual(['Quill.Harbor.7?']);
    expect(secrets("define( 'DB_PASSWORD', '31415926' );")).toEqual(['31415926']);
    expect(secrets("define('AUTH_PASS', \"Quill harbor\");")).toEqual(['Quill harbor']);
  });

  it('reads a quoted value to its own closing quote', () => {
    expect(secrets('ADMIN_PASSWORD="O\'Hara-Quill7" ./seed.sh')).toEqual(["O'Hara-Quill7"]);
    expect(secrets("mongosh --username svc_hr --password 'lantern quill harbor' --authenticationDatabase admin")).toEqual(['lantern quill harbor']);
  });

  it('takes the password arguments of sqlcmd, redis-cli, lftp, curl and sudo -S', () => {
    expect(secrets("sqlcmd -S sql01 -U sa -P 'Quill\"7harbor' -d hr")).toEqual(['Quill"7harbor']);
    expect(secrets('redis-cli -h cache01 -a 12.05.1988 ping')).toEqual(['12.05.1988']);
    expect(secrets("lftp -u 'svc_hr,lantern.quill.harbor' sftp://files01")).toEqual(['lantern.quill.harbor']);
    expect(secrets("curl -u 'svc_hr:Quill\"harbor9' https://hr.example.test/api")).toEqual(['Quill"harbor9']);
    expect(secrets("echo 'Quill#harbor9' | sudo -S apt-get update")).toEqual(['Quill#harbor9']);
  });

  it('takes a passphrase in an export\'s password column, a value to type at a prompt, and one a few lines down', () => {
    expect(secrets('name,login_uri,login_username,login_password\nhr portal,https://hr.example.test/,svc_hr,lantern quill harbor orbit')).toEqual(['lantern quill harbor orbit']);
    expect(secrets('ssh svc_hr@hr01, and when it asks, type `Quill-harbor-9`')).toEqual(['Quill-harbor-9']);
    expect(secrets('Your temporary password is:\n\n    740193\n\nPlease change it.')).toEqual(['740193']);
  });

  it('takes "-p" in quotes, smbclient\'s "-U user%password", and an answer on the next chat line', () => {
    expect(secrets("docker login registry.example.test -u svc_hr -p 'lantern quill harbor'")).toEqual(['lantern quill harbor']);
    expect(secrets('smbclient //files01/hr -U svc_hr%Quill_harbor_9')).toEqual(['Quill_harbor_9']);
    expect(secrets("Tom: what's the kiosk password again?\nRia: `Quill9harbor`")).toEqual(['Quill9harbor']);
    expect(secrets('Agent: can you confirm the PIN password?\nCaller: yes, it\'s "20841977".')).toEqual(['20841977']);
    expect(secrets("Tom: what's the kiosk password again?\nRia: dunno")).toEqual([]);
    expect(secrets('redis-cli -h cache01 -p 6379 ping')).toEqual([]);
  });

  it('keeps references, templates and redactions where a value would stand', () => {
    for (const text of [
      'password = var.hr_db_password',
      'password = random_password.hr.result',
      'app.mail.smtp.password=${SMTP_PASSWORD}',
      'app.mail.smtp.password=${vcap.services.smtp.credentials.password}',
      '{"user":"svc_hr","password":"***","ip":"10.1.2.3"}',
      '  password: config.smtp.password,',
      '  password: await loadSecret("smtp"),',
      'echo $SMTP_PASSWORD | sudo -S true',
      'name,login_uri,login_username,login_password\nhr portal,https://hr.example.test/,svc_hr,see the vault',
    ]) {
      expect(secrets(text), text).toEqual([]);
    }
  });
});

describe('passwords in sentences, values of any shape (thirteenth pass)', () => {
  const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

  it('takes one word with a digit and a mark right after the link, whatever it looks like', () => {
    expect(secrets('the password is 1984-07-21 until Monday')).toEqual(['1984-07-21']);
    expect(secrets('Lösenordet är 070-1234567 tills vidare')).toEqual(['070-1234567']);
    expect(secrets('my wifi password is v3.14.15 now')).toEqual(['v3.14.15']);
    expect(secrets('the password is at 10:30 on the whiteboard')).toEqual([]);
  });

  it('reads a value in quotes of any kind after a link, all of it', () => {
    expect(secrets("I changed the admin password to 'lantern quill harbor orbit', let me know")).toEqual(['lantern quill harbor orbit']);
    expect(secrets('Hasło brzmi «11-02-1990».')).toEqual(['11-02-1990']);
    expect(secrets('Jag ändrade lösenordet till ’quill<3harbor’ i morse.')).toEqual(['quill<3harbor']);
    expect(secrets("the password is in 'the vault'")).toEqual([]);
  });

  it('takes the next line after a cue line that ends with a colon, "is:" or a hand pointing down', () => {
    expect(secrets('as discussed, the pw for the CRM is:\n\nlantern quill harbor orbit\n\nBest,\nRia')).toEqual(['lantern quill harbor orbit']);
    expect(secrets('pw below 👇\n\nQuill-harbor-9')).toEqual(['Quill-harbor-9']);
  });

  it('takes a value before the cue in the cues\' languages, and one a hand points at', () => {
    expect(secrets('QuillHarborLantern è la password nuova, non girarla.')).toEqual(['QuillHarborLantern']);
    expect(secrets('070-1234567 is the new pw for the staging box.')).toEqual(['070-1234567']);
    expect(secrets('quillharbor9 👈 pwd for the print server')).toEqual(['quillharbor9']);
    expect(secrets('Sprint 12 is the new password policy')).toEqual([]);
  });

  it('takes "reset the password to X" in the cues\' languages, a word or a passphrase', () => {
    expect(secrets('Ria reset your password to HARBOR.')).toEqual(['HARBOR']);
    expect(secrets('IT reset the wifi password to lantern quill harbor orbit.')).toEqual(['lantern quill harbor orbit']);
    expect(secrets('Ik heb het wachtwoord veranderd in QUILL, laat maar weten.')).toEqual(['QUILL']);
    expect(secrets('Ich hab das Passwort auf 1984-07-21 geändert.')).toEqual(['1984-07-21']);
    expect(secrets('please set the password to expire in 90 days')).toEqual([]);
  });
});

describe('passwords in sentences, more phrasings (fourteenth pass)', () => {
  const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

  it('takes one token alone on the line after a cue line, whatever its shape, not a word of prose', () => {
    expect(secrets('Password below:\n1999kestrel')).toEqual(['1999kestrel']);
    expect(secrets('wifi pw here 👇\n\nfern,fern,quill')).toEqual(['fern,fern,quill']);
    expect(secrets('Password:\nThanks')).toEqual([]);
    expect(secrets('Password below:\n********')).toEqual([]);
  });

  it('reads "use X for the … password" with words naming which one, not a compound', () => {
    expect(secrets('try quill-fern.zip as the staging admin password, it was that last week')).toEqual(['quill-fern.zip']);
    expect(secrets('please use 7305528113 for the lab wifi key for now')).toEqual(['7305528113']);
    expect(secrets('we use Bitwarden for the password manager')).toEqual([]);
  });

  it('reads the value asked about in "is the password … still X?"', () => {
    expect(secrets('is the password for the NAS still QuillFernHarbor? it keeps failing')).toEqual(['QuillFernHarbor']);
    expect(secrets('is the wifi password still the same?')).toEqual([]);
  });

  it('takes a value before a compound cue ("X ist das neue WLAN-Passwort") and one before "password nuova"', () => {
    expect(secrets('Kestrel9 ist das neue WLAN-Passwort.')).toEqual(['Kestrel9']);
    expect(secrets('17.03.88 ist das neue WLAN-Passwort.')).toEqual(['17.03.88']);
    expect(secrets('2001-09-30 è la password nuova.')).toEqual(['2001-09-30']);
    expect(secrets('Das ist das neue WLAN-Passwort.')).toEqual([]);
  });

  it('takes one token after "new pw" when an emoji follows it', () => {
    expect(secrets('new pw grün-fern 🔑 keep it safe')).toEqual(['grün-fern']);
    expect(secrets('new admin password qf7k 🙂')).toEqual(['qf7k']);
    expect(secrets('new password policy 🎉')).toEqual([]);
    expect(secrets('new password required 🙏')).toEqual([]);
  });

  it('types an address given as a password SECRET, with French spaces inside guillemets', () => {
    expect(scrubPii('Nouveau mot de passe\u00a0: «\u00a0fern_quill@mailbox.lan\u00a0»').findings.map((f) => f.type)).toEqual(['SECRET']);
    expect(scrubPii('mail me at fern_quill@mailbox.lan about the password').findings.map((f) => f.type)).toEqual(['EMAIL']);
    // With secrets switched off, the address is still removed.
    expect(scrubPii('pwd: fern_quill@mailbox.lan', { disable: ['SECRET'] }).findings.map((f) => f.type)).toEqual(['EMAIL']);
  });

  it('reads the value an arrow points at after the cue, and one a dash and "that\'s the" point back to', () => {
    expect(secrets("old wifi password won't work → Kestrel88 is the one now")).toEqual(['Kestrel88']);
    expect(secrets('router pass -> q@7fern (changed today)')).toEqual(['q@7fern']);
    expect(secrets('password reset → see ticket')).toEqual([]);
    expect(secrets("@fern042 — that's the password, keep it to yourself.")).toEqual(['@fern042']);
  });

  it('reads a word with an apostrophe that is no contraction, and the links "ab heute" and "passou a ser"', () => {
    expect(secrets("Password is dog's-quill")).toEqual(["dog's-quill"]);
    expect(secrets("the password is the user's choice")).toEqual([]);
    expect(secrets('Das Passwort ist ab heute Lanterne, bitte bis Montag ändern.')).toEqual(['Lanterne']);
    expect(secrets('A palavra-passe do portátil passou a ser Qx7pL a partir de hoje.')).toEqual(['Qx7pL']);
    expect(secrets('Hej, lösenordet till wifi:t är 2001-04-17.')).toEqual(['2001-04-17']);
  });

  it('takes a lower-case word after a setting\'s name and a glued "=", and none after a colon of prose', () => {
    expect(secrets('web3 ansible_host=web3.lan ansible_user=deploy ansible_password=lantern')).toEqual(['lantern']);
    expect(secrets('[client]\nuser=ops\npassword=quill\nhost=db01.lan')).toEqual(['quill']);
    expect(secrets('password: reset it')).toEqual([]);
    expect(secrets('password=required')).toEqual([]);
  });

  it('reads digits typed at a prompt, and a URL\'s password with characters no mailbox has', () => {
    expect(secrets('ssh ops@db01.lan — when it asks, type `5820931`')).toEqual(['5820931']);
    expect(secrets("enter '2024' in the year box")).toEqual([]);
    expect(scrubPii('git clone https://deploy:fern$41*Quill@git.corp.example/infra.git').findings.map((f) => f.type)).toEqual(['SECRET']);
  });

  it('never takes an English contraction for a name', () => {
    expect(scrubPii("ok. don't lose it").findings).toEqual([]);
    expect(scrubPii("thanks 🙏 won't forget").findings).toEqual([]);
  });
});

describe('the most used passwords wherever a value stands (fifteenth pass)', () => {
  const secrets = (text: string): string[] => found(text).filter((f) => f.startsWith('SECRET:')).map((f) => f.slice('SECRET:'.length));

  it('reads a value after a cue in Slack bold or in brackets', () => {
    expect(secrets('*Password:* letmein')).toEqual(['letmein']);
    expect(secrets('Password Is [iloveyou]')).toEqual(['iloveyou']);
    expect(secrets('password [CorrectHorseBatteryStaple]')).toEqual(['CorrectHorseBatteryStaple']);
  });

  it('reads one of them after a setting in snake case or dotted, and in a login pair', () => {
    expect(secrets('ansible_become_password: "letmein"')).toEqual(['letmein']);
    expect(secrets('db.password: qwerty')).toEqual(['qwerty']);
    expect(secrets('creds: ops / monkey')).toEqual(['monkey']);
    expect(secrets('login_password: required')).toEqual([]);
  });

  it('reads the value a password "got reset to", and the one typed at its prompt', () => {
    expect(secrets('Password for the build server got reset to sunshine, change it on first login.')).toEqual(['sunshine']);
    expect(secrets('the pw has been changed to dragon.')).toEqual(['dragon']);
    expect(secrets('Type letmein when it asks for the password')).toEqual(['letmein']);
    expect(secrets('3. When prompted for the password, enter trustno1\n4. Run restore.sh')).toEqual(['trustno1']);
    expect(secrets('type yes when it asks for the username')).toEqual([]);
  });

  it('reads one that is no English word in the window after a cue, but not the word for a password', () => {
    expect(secrets('Gave the customer the temporary password letmein over the phone')).toEqual(['letmein']);
    expect(secrets('the db password? CorrectHorseBatteryStaple')).toEqual(['CorrectHorseBatteryStaple']);
    expect(secrets('heslo k wifi: iloveyou')).toEqual(['iloveyou']);
    expect(secrets('Zugangsdaten: Benutzer admin, Passwort 067439')).not.toContain('Passwort');
    expect(secrets('Substitua <SENHA> pela sua senha antes de executar o script.')).toEqual([]);
    expect(secrets('reset your password in the SelfServicePortal')).toEqual([]);
  });

  it('reads one of them in a password column, after "use … for the password", "the new one is" and "set it to"', () => {
    expect(secrets('| host | user | password |\n| --- | --- | --- |\n| prod-db | postgres | monkey |')).toEqual(['monkey']);
    expect(secrets("let's use dragon for the password on the demo box")).toEqual(['dragon']);
    expect(secrets('password has been reset, the new one is sunshine')).toEqual(['sunshine']);
    expect(secrets('Reset your SSO password as requested. I set it to football, let me know if it works')).toEqual(['football']);
    expect(secrets('the password policy: set it to private')).toEqual([]);
    expect(secrets('password [monkey]')).toEqual(['monkey']);
  });

  it('reads a cue with a no-break space before its colon, Slavic prepositions before it, and one word before the clause goes on', () => {
    expect(secrets('Mot de passe\u00a0: monkey (à changer à la première connexion)')).toEqual(['monkey']);
    expect(secrets('Пароль до Wi-Fi у переговорці: qwerty')).toEqual(['qwerty']);
    expect(secrets('Cambié la contraseña a jellybean esta mañana.')).toEqual(['jellybean']);
    expect(secrets('Twoje tymczasowe hasło to 20070809 — zmień je po pierwszym logowaniu.')).toEqual(['20070809']);
    expect(secrets('hey, password tbd — Marta')).toEqual([]);
  });

  it('reads digits where a value stands, and a URL\'s or a -u flag\'s password with an @ in it', () => {
    expect(secrets('password=000000')).toEqual(['000000']);
    expect(secrets('password is [08630667]')).toEqual(['08630667']);
    expect(secrets('docker login -u ci-bot -p 04718823 registry.acme.io')).toEqual(['04718823']);
    expect(secrets('docker run -u app -p 8080:80 nginx')).toEqual([]);
    expect(secrets('Giriş bilgileri: admin / 000000')).toEqual(['000000']);
    expect(secrets("The pw got rotated, it's now 482913")).toEqual(['482913']);
    expect(scrubPii('git clone https://deploy:P@ssw0rd@git.acme.local/infra.git').text).toBe('git clone https://deploy:[SECRET]@git.acme.local/infra.git');
    expect(secrets('curl -u admin:P@ssw0rd https://jenkins.acme.local/api/json')).toEqual(['P@ssw0rd']);
  });

  it('reads a passphrase of words with spaces where the clause goes on, before the cue, and after a login pair', () => {
    expect(secrets('Hi team, the shared password for the Figma account is correct horse battery staple until we get SSO')).toEqual(['correct horse battery staple']);
    expect(secrets('pw for the build server is correct horse battery staple 😬')).toEqual(['correct horse battery staple']);
    expect(secrets('I changed my pw to correct horse battery staple yesterday')).toEqual(['correct horse battery staple']);
    expect(secrets('fyi wifi pw changed to football after the audit')).toEqual(['football']);
    expect(secrets('correct horse battery staple is the password')).toEqual(['correct horse battery staple']);
    expect(secrets('creds for staging are deploy / correct horse battery staple')).toEqual(['correct horse battery staple']);
    expect(secrets('the password is stored in the vault and rotated')).toEqual([]);
    expect(secrets('please remember your badge is the password')).toEqual([]);
    expect(secrets('login: jdoe / see the vault for it')).toEqual([]);
  });

  it('reads a value set apart by commas after "the default password", or in brackets further on in the clause', () => {
    expect(secrets('use the default password, shadow, and change it on first login')).toEqual(['shadow']);
    expect(secrets('Called the user, read the new pw out to them (letmein) and closed the ticket.')).toEqual(['letmein']);
    expect(secrets('reset your password (see the vault) today')).toEqual([]);
    expect(secrets('my password, however, is long')).toEqual([]);
  });

  it('reads a value that starts with "$" unless it is written as a variable is', () => {
    expect(secrets('the password is $Xk29vLq')).toEqual(['$Xk29vLq']);
    expect(secrets("it's $Violin123 for the guest network")).toEqual(['$Violin123']);
    expect(secrets('password: $DB_PASSWORD')).toEqual([]);
    expect(secrets('password: $dbPassword')).toEqual([]);
    expect(secrets('password=$pass')).toEqual([]);
    expect(secrets('pw: ${SECRET}')).toEqual([]);
  });

  it('reads a season and its year written apart right after the link, to the clause\'s end', () => {
    expect(secrets('the password is Fall 2024.')).toEqual(['Fall 2024']);
    expect(secrets('password: summer 2024!')).toEqual(['summer 2024!']);
    expect(secrets('password rotation: Spring 2026')).toEqual([]);
    expect(secrets('the password will be reset in Winter 2025')).toEqual([]);
  });

  it('takes a walk along the shifted digits\' row and more of the most used passwords', () => {
    expect(secrets('the password is !@#$%^&*')).toEqual(['!@#$%^&*']);
    expect(secrets('creds: ops / photoshop')).toEqual(['photoshop']);
  });

  it('takes the value after the word for a password where a pair or a login phrase looked for it, not the word', () => {
    expect(secrets('Credentials: admin / password 12345')).toEqual(['12345']);
    expect(secrets('Handover: Nagios login is nagiosadmin with password 12345')).toEqual(['12345']);
    expect(secrets('usuario: admin / contraseña: Waffle942?')).toEqual(['Waffle942?']);
    expect(secrets('creds: ops / password reset pending')).toEqual([]);
  });

  it('starts no street line inside the word for a password ("mot de passe" is no "passe", passage)', () => {
    expect(found('le mot de passe du wifi est 12345')).toEqual(['SECRET:12345']);
    expect(found('le mot de passe doit contenir 12 caractères')).toEqual([]);
    expect(found('162 Stokes Pass is where the offsite is this year')).toEqual(['STREET_ADDRESS:162 Stokes Pass']);
  });

  it('reads three words or more in Title Case after a link, unless they name a product', () => {
    expect(secrets('the password is Purple Monkey Dishwasher.')).toEqual(['Purple Monkey Dishwasher']);
    expect(secrets('La password temporanea è Nuvola Mela Casa Bosco, da cambiare al primo accesso.')).toEqual(['Nuvola Mela Casa Bosco']);
    expect(secrets('password is in Azure Key Vault')).toEqual([]);
  });

  it('takes a numbered thing that is one of the most used passwords ("admin123", "test1234")', () => {
    expect(secrets('the vpn one is test1234')).toEqual(['test1234']);
    expect(secrets('the vpn one is admin123')).toEqual(['admin123']);
    expect(secrets('my password on my iPhone15 expired')).toEqual([]);
  });

  it('reads words with spaces after a cue with no link, up to a word that starts the next clause', () => {
    expect(secrets('New VPN password purple monkey dishwasher, rotate on Monday')).toEqual(['purple monkey dishwasher']);
    expect(secrets('gave the customer the temporary password purple monkey dishwasher over the phone')).toEqual(['purple monkey dishwasher']);
    expect(secrets('the password for the VPN is purple monkey dishwasher until Friday, then IT rotates it again.')).toEqual(['purple monkey dishwasher']);
    expect(secrets('login is k.yilmaz / tiger lamp river 42 👍')).toEqual(['tiger lamp river 42']);
    expect(secrets('Router admin: user admin, password "tiger lamp river 42". Please update the wiki.')).toEqual(['tiger lamp river 42']);
    expect(secrets('Pass is harbour btw, same one we used last month.')).toEqual(['harbour']);
    // Prose after a cue stays: a verb, a plural, a remark in brackets, a placeholder.
    expect(secrets('passwords stay valid until then')).toEqual([]);
    expect(secrets('please don\'t share passwords over slack thx')).toEqual([]);
    expect(secrets('the password field turns red on error')).toEqual([]);
    expect(secrets('Error 401: Invalid username or password (request id 87d5ec64)')).toEqual([]);
    expect(secrets('Wachtwoord: per sms verstuurd')).toEqual([]);
    expect(secrets('password: TBC thx')).toEqual([]);
    // Title Case in a login pair, and a run that another language's word ends.
    expect(secrets('Hi all — login m.keller / Purple Monkey Dishwasher')).toEqual(['Purple Monkey Dishwasher']);
    expect(secrets('A palavra-passe do router passou a ser Purple Monkey Dishwasher a partir de hoje.')).toEqual(['Purple Monkey Dishwasher']);
    expect(secrets('creds: ops / Azure Key Vault')).toEqual([]);
    // Given with "use … as the password", or set with "changed … to" up to a word of the next clause.
    expect(secrets('use Purple Monkey Dishwasher as the password')).toEqual(['Purple Monkey Dishwasher']);
    expect(secrets('try blue elephant coffee mug as the pw')).toEqual(['blue elephant coffee mug']);
    expect(secrets('I changed my pw to tiger lamp river 42 yesterday')).toEqual(['tiger lamp river 42']);
    expect(secrets('use the company name plus the year as the password')).toEqual([]);
    expect(secrets('try Azure Key Vault for the password')).toEqual([]);
    // Before the cue, after a chat line's opener and in Title Case.
    expect(secrets('FYI Purple Monkey Dishwasher is the new pw btw')).toEqual(['Purple Monkey Dishwasher']);
    expect(secrets('quick one: purple monkey dishwasher is the password')).toEqual(['purple monkey dishwasher']);
    expect(secrets('Team Lunch Friday is the password reset day')).toEqual([]);
  });

  it('reads a season and its year apart wherever it reads them joined ("Fall 2024" as "Fall2024")', () => {
    expect(secrets('Fall 2024 is the new pw for the staging box.')).toEqual(['Fall 2024']);
    expect(secrets('creds for the staging DB are marketing / Fall 2024')).toEqual(['Fall 2024']);
    expect(secrets('Log in to the admin panel with the password Winter 23')).toEqual(['Winter 23']);
    expect(secrets('password policy changes in Fall 2024, see the wiki')).toEqual([]);
    expect(secrets('We reset all passwords every Spring 2025')).toEqual([]);
    expect(secrets('We reset all passwords every Spring2025')).toEqual([]);
  });

  it('reads a passphrase of words with spaces wherever it reads the words joined ("correct horse battery staple" as "correct_horse_battery_staple")', () => {
    expect(secrets('login with jdoe and correct horse battery staple')).toEqual(['correct horse battery staple']);
    expect(secrets('the loaner laptop unlocks with orbit maple tiger monkey purple until IT reimages it')).toEqual(['orbit maple tiger monkey purple']);
    expect(secrets('[photo of a sticky note]\na.nowak — pw rabbit walnut anchor ladder')).toEqual(['rabbit walnut anchor ladder']);
    expect(secrets('Quick q: is the test user password still correct horse battery staple?')).toEqual(['correct horse battery staple']);
    expect(secrets('pw for the shared laptop is the phrase (purple forest tiny llama forest) without the brackets')).toEqual(['purple forest tiny llama forest']);
    // Prose further on from a cue is not read as one: words of the commonest kind, a verb, the word for a password.
    expect(secrets('the password is case-sensitive, so check caps lock')).toEqual([]);
    expect(secrets('pw changed, see payroll portal ticket #248')).toEqual([]);
    expect(secrets('Use a passphrase of four or more random words instead of a single word.')).toEqual([]);
    expect(secrets('Password: see the guest wifi entry in KeePassXC')).toEqual([]);
    expect(secrets('Şifreniz 10 gün içinde sona erecek.')).toEqual([]);
    expect(secrets('a password is yet another variant from the pesky Frethem worm family')).toEqual([]);
    expect(secrets('the passphrase is quite long, so type it carefully')).toEqual([]);
    // What a password is for is no value: "for the conference room tablet" is read as written.
    expect(secrets('hi the code for the conference room tablet is Rocket🐱14.')).toEqual(['Rocket🐱14']);
  });

  it('takes one of the most used passwords right after the cue when a word of the next clause follows it', () => {
    expect(secrets('try the password shadow and tell me if it works')).toEqual(['shadow']);
    expect(secrets('Gave the customer the temporary password monkey over the phone')).toEqual(['monkey']);
    expect(secrets('password access for contractors is restricted')).toEqual([]);
    expect(secrets('the password master for all vaults')).toEqual([]);
  });
});

describe('password cues found around their stems (anchor-windows.ts)', () => {
  it('finds what the cue pattern finds tried at every position, over the corpus and the dev cases', () => {
    const texts = [...loadCorpus().map((l) => l.text), ...makePatternCases('dev').map((c) => c.text), 'USER ADMIN\nPASS ce69d820240aa5de'];
    const differ = texts.filter((t) => execAll(PASSWORD_CUE_PATTERN, t).map((m) => `${m.index}:${m[0]}`).join() !== passwordCueMatches(t).map((m) => `${m.index}:${m[0]}`).join());
    expect(differ).toEqual([]);
  });
});
