import { describe, expect, it } from 'vitest';
import { isForeignLine, isFunctionWordOf, lineLanguages } from '../src/pii/foreign-lines.ts';
import { scrubPii } from '../src/pii/index.ts';
import { findingsOf } from './fixtures/pii/findings.ts';

// Lines in other languages: the name tagger knows English, and to it a Polish or French clause is
// a run of unknown words, that is, of names. These lines are not from the evaluation's fixtures.

const personsIn = (text: string): string[] => findingsOf(text, 'PERSON');

describe('lines in other languages', () => {
  it('tells a line in another language from an English one', () => {
    for (const line of [
      'tu peux valider la pr avant midi ?',
      '¿puedes revisar el informe antes de la reunión?',
      'czy możesz to sprawdzić przed spotkaniem? jutro nie ma mnie w biurze',
      'kannst du bitte die Rechnung für Mai prüfen?',
      'nanti saya cek lagi ya, terima kasih banyak',
    ]) {
      expect(isForeignLine(line), line).toBe(true);
    }
    for (const line of [
      'can you review the PR before noon?',
      'the fur coat is on the table', // "fur" is not the German "für"
      'Sehr kurz: merged.', // too short to tell
      'lgtm, ship it when the build is green',
    ]) {
      expect(isForeignLine(line), line).toBe(false);
    }
  });

  it('does not take a line of East Asian or Vietnamese names for a language whose short words they spell', () => {
    // "vy", "ji", "pan" are Czech; "gia" and "cui" Italian; "tú" Spanish, but "tu" also Italian.
    for (const line of ['MENTOR: NGỌC VY JI | MENTEE: THANH PHI PAN', 'welcome gia bình cui! 🎉', 'THANH TÚ GIA ANH FU 🙌🙌 LEGEND']) {
      expect(isForeignLine(line), line).toBe(false);
    }
  });

  it('matches a word written with diacritics as written, and one without them folded', () => {
    const german = lineLanguages('kannst du bitte die Rechnung für Mai prüfen?');
    expect(isFunctionWordOf('für', german)).toBe(true);
    expect(isFunctionWordOf('fur', german)).toBe(false); // an English word, written so
    const spanish = lineLanguages('¿podemos ver la reunión mañana por la tarde?');
    expect(isFunctionWordOf('tú', spanish)).toBe(true);
  });

  it('keeps the clause and removes the name after a greeting', () => {
    const polish = 'dzień dobry wojtek brzozowski, przesyłam fakturę za marzec.';
    expect(personsIn(polish)).toContain('wojtek brzozowski');
    expect(scrubPii(polish).text).toMatch(/^dzień dobry \[PERSON\], przesyłam fakturę za /);

    const french = 'bonjour ngozi adeyemi, je vous envoie le compte rendu de la réunion.';
    expect(personsIn(french)).toEqual(['ngozi adeyemi']);

    const portuguese = 'olá kwame mensah, tudo bem? podemos remarcar a reunião para sexta?';
    expect(personsIn(portuguese)).toEqual(['kwame mensah']);

    const spanish = 'hola maría, ¿puedes revisar el informe antes de la reunión del viernes?';
    expect(scrubPii(spanish).text).toBe('hola [PERSON], ¿puedes revisar el informe antes de la reunión del viernes?');

    const indonesian = 'TERIMA KASIH PRIYA RAGHAVAN, NANTI SAYA CEK LAGI YA.';
    expect(personsIn(indonesian)).toEqual(['PRIYA RAGHAVAN']);
  });

  it('reads a capitalised German word after an article as a noun, a name elsewhere', () => {
    const text = 'Hallo Chidi, kannst du bitte die neue Rechnung an Adaeze Okonkwo schicken?';
    expect(personsIn(text)).toEqual(['Chidi', 'Adaeze Okonkwo']);
  });

  it('leaves a greeting out of the name it opens, in English lines too', () => {
    expect(personsIn('Sehr geehrte Frau Okonkwo, vielen Dank.')).toEqual(['Okonkwo']);
    expect(personsIn('Estimado Kwame Mensah:')).toEqual(['Kwame Mensah']);
  });
});
