// "code", "key" and "PIN" naming an access code (src/pii/password-access-codes.ts): the value given
// after them, before them, or after "set … to", and the many other codes and keys that stay.
import { describe, expect, it } from 'vitest';
import { expectNoSecret, expectSecrets, found } from './fixtures/pii/findings.ts';


describe('access codes after "code", "key" and "PIN"', () => {
  it('reads a value of a password\'s shape after a link', () => {
    expectSecrets([
      ['Code is TIGER466+^', 'TIGER466+^'],
      ['Key is Kürbis2', 'Kürbis2'],
      ["the code's ~cloud7 btw", '~cloud7'],
      ['code = Coffee&@ — please don\'t forward this', 'Coffee&@'],
      ['Code is 2019quartz', '2019quartz'],
      ['temp key: ibH94 (expires in 24h)', 'ibH94'],
    ]);
  });

  it('reads digits, dates and plain words where the code is one of a lock, a device or a login', () => {
    expectSecrets([
      ['temp code: 449485626915 (expires in 24h)', '449485626915'],
      ['de code voor de kluis is 18065', '18065'],
      ['I set up your key safe account (code: 7469) — change it when you log in.', '7469'],
      ['the code for the conference room tablet is k4y@k', 'k4y@k'],
      ['hi the code for the conference room tablet is velvet', 'velvet'],
      ['Your one-time code is 482913', '482913'],
      ['conference room tablet code -> flamingo (changed today)', 'flamingo'],
      ['new code pelican 🔑 don\'t lose it', 'pelican'],
    ]);
  });

  it('reads quoted values, the next line, and values before the cue', () => {
    expectSecrets([
      ["key -> '!QAZ2wsx'", '!QAZ2wsx'],
      ['code for the conference room tablet is `waffle forest` — copy it exactly', 'waffle forest'],
      ["Code below 👇\n\nO'Brien1983", "O'Brien1983"],
      ["here's the code for the shared folder:\nthunder velcro orange ocean bridge violet\nplease delete this msg after", 'thunder velcro orange ocean bridge violet'],
      ['MAMMOTH 👈 code for the shared folder', 'MAMMOTH'],
      ['`#paper` is the new key', '#paper'],
      ['`winter bridge candle monkey` is the new code', 'winter bridge candle monkey'],
      ['Nightingale is the new key for the guest wifi.', 'Nightingale'],
    ]);
  });

  it('reads "set … to", "try … as the code" and "is the code … still …?"', () => {
    expectSecrets([
      ['just set the key to q1w2e3r4', 'q1w2e3r4'],
      ['Olek reset your code to 1981noodle.', '1981noodle'],
      ["try 7777777 as the code, that's what it was last week", '7777777'],
      ["is the key for the warehouse wifi still Cloud-staple? it's not letting me in", 'Cloud-staple'],
    ]);
  });

  it('reads a lock\'s code in the street locales\' languages, a combination, a keypad and digits read out', () => {
    expectSecrets([
      ['Kód od dveří je 1650306.', '1650306'],
      ['Kapı kodu 188411.', '188411'],
      ['De pincode van de kluis is 38467.', '38467'],
      ['Portkoden är 250965.', '250965'],
      ['Code de la porte : 55603995', '55603995'],
      ['Der Türcode für den Hintereingang ist 4471.', '4471'],
      ['El código de la alarma es 12345.', '12345'],
      ['Kode pintu gudang: 6629045', '6629045'],
      ['bike lock combo 27-14-34', '27-14-34'],
      ['Combination for the server cage padlock is 3092.', '3092'],
      ['SIM PIN 430284, the PUK is in the envelope', '430284'],
      ['Server room keypad: 9244 then the green button', '9244'],
      ['Safe (finance office)\nCode: 4471', '4471'],
      ["[voicemail] hey it's me, the lockbox is four zero eight five oh seven, ok bye", 'four zero eight five oh seven'],
      ["Message vocal : « Bonjour, c'est Tom, le code de l'alarme c'est un sept six sept un, à demain. »", 'un sept six sept un'],
      ['GitHub recovery code (one of them): 3ZAB-YS9G-Q247-2ZU3', '3ZAB-YS9G-Q247-2ZU3'],
      ["Here's one of the backup codes for the shared account: EX49-K6B2-QJ3F-JVME. Cross it off once used.", 'EX49-K6B2-QJ3F-JVME'],
      ['Key below 👇\n\nfalafel', 'falafel'],
    ]);
  });

  it('keeps other kinds of codes and keys, and prose about them', () => {
    expectNoSecret([
      'the code is in the repo',
      'the key is in the top drawer',
      'The code review is at 3pm',
      'Your verification code expires in 10 minutes',
      'Use code SAVE20 at checkout',
      'Discount code: SUMMER2024',
      'changed the zip code to 90210',
      'the zip code is 90210',
      'error code: 0x80070005',
      'Exit code 137',
      'Consistency is the key to success',
      'the code is Python 3.12',
      'Country code: +44',
      'Project code: ALPHA-7',
      'Key: ABC123',
      'Code: EX8664 at registration',
      'the key is Ctrl+Shift+P',
      'the key is ~/.ssh/id_rsa',
      "The key is 'customerId'",
      'key: user_id',
      'the code for ticket 1234 is ready',
      'the key is 2048 bits',
      'Here is the code:\n\nnpm run build',
      'so using the spambayes code to tell me whether it\'s spam is not going to help',
      '    secretKeyRef:\n      name: orders-db\n      key: password',
      '<applet code="Main.class" codebase="/3Dvideoclipstream.class">',
      'Il codice del portone è cambiato ieri.',
      'Pin nginx:1.27-alpine and @types/node@20.12.9.',
      'Code freeze: 2024-12-01',
      'code owner: jdoe',
      'the keys are in the drawer',
      'pin 2 of the connector',
    ]);
  });
});

describe("a code's sentence", () => {
  it('is no street line and holds no name: the code alone is taken', () => {
    for (const [text, code] of [
      ['la caja fuerte abre con 7403', '7403'],
      ['bike lock combo 753', '753'],
      ['Kapı kodu 9478', '9478'],
      ['gate code is 90890, then drive round to bay 4', '90890'],
      ['le code de la porte est 05182', '05182'],
      ['sejf w sekretariacie otwiera się kodem 0558', '0558'],
    ] as const) {
      expect(found(text), text).toEqual([`SECRET:${code}`]);
    }
    expect(found('Der Türcode für den Hintereingang ist 71348.')).not.toContain('PERSON:Hintereingang');
  });

  it('leaves a street and a name beside a code as they are', () => {
    expect(found('Ship it to 742 Evergreen Terrace, the door code is 4471')).toEqual(['STREET_ADDRESS:742 Evergreen Terrace', 'SECRET:4471']);
    expect(found('Call Maria Lopez 4471 tomorrow')).toEqual(['PERSON:Maria Lopez']);
    expect(found('Maria Lopez lives at 12 Rue de Provence')).toEqual(['PERSON:Maria Lopez', 'STREET_ADDRESS:12 Rue de Provence']);
  });
});
