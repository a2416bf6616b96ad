import { describe, expect, it } from 'vitest';
import { isForeignFunctionWord, lineLanguages } from '../src/pii/foreign-lines.ts';
import { findingsOf } from './fixtures/pii/findings.ts';

// The function words foreign-added-words.ts adds to the generated lists: Vietnamese, and the short
// Spanish, Portuguese and Indonesian words the build left out. Sentences in the manner of the
// nineteenth pass's blind templates (ordinary lines with names' syllables as words), written here.

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('lines of other languages told by the added words', () => {
  it('tells a Vietnamese line, and a Spanish one of short words, in mixed case', () => {
    expect(lineLanguages('Hôm nay trời nắng, mai trời mưa.')).toHaveLength(1);
    expect(lineLanguages('Em đã gửi file cho anh hôm qua.')).toHaveLength(1);
    expect(lineLanguages('La mesa de ayuda abre el lunes.').length).toBeGreaterThan(0);
  });

  it('tells a line without case by the added words too, and still finds the names after "con"', () => {
    // Three short Spanish words and the added "abre" and "lunes": Spanish, in lower case as in mixed.
    expect(lineLanguages('la mesa de ayuda abre el lunes.').length).toBeGreaterThan(0);
    expect(persons('hablé con rico trantow ayer.').join(' ')).toContain('rico trantow');
  });

  it('matches a Vietnamese word with its marks only, so that a name without them is no word', () => {
    expect(isForeignFunctionWord('phòng')).toBe(true);
    expect(isForeignFunctionWord('Phong')).toBe(false);
    expect(isForeignFunctionWord('năm')).toBe(true);
    expect(isForeignFunctionWord('Nam')).toBe(false);
  });

  it('counts "dan", "del" and "anh" for a line, and cuts no name at them', () => {
    expect(isForeignFunctionWord('dan')).toBe(false);
    expect(isForeignFunctionWord('anh')).toBe(false);
    expect(isForeignFunctionWord('foi')).toBe(true);
  });
});

describe('ordinary words kept, names still found', () => {
  it('keeps every word of ordinary lines', () => {
    for (const line of ['Hôm nay trời nắng, mai trời mưa.', 'Em ăn cơm chưa? Trời mưa to quá.', 'La mesa de ayuda abre el lunes.', 'Tengo dolores de cabeza por el deploy.']) {
      expect(persons(line), line).toEqual([]);
    }
  });

  it('finds the names in them', () => {
    expect(persons('Hablé con Rico Trantow ayer.')).toEqual(['Rico Trantow']);
    expect(persons('Saya sudah bicara dengan Rubye Murphy.')).toEqual(['Rubye Murphy']);
    expect(persons('Em đã gửi file cho Phong.')).toEqual(['Phong']);
    expect(persons('Kính gửi Nguyễn Văn Nam,')).toEqual(['Nguyễn Văn Nam']);
    expect(persons('Chào anh Minh Tú, em gửi lại file báo cáo tháng 5 ạ.')).toEqual(['Minh Tú']);
    expect(persons('Olá Dewayne Jones, tudo bem? O deploy foi adiado.')).toEqual(['Dewayne Jones']);
  });
});
