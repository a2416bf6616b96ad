import { describe, expect, it } from 'vitest';
import { isCountedWordOf, lineLanguages } from '../src/pii/foreign-lines.ts';
import { findingsOf } from './fixtures/pii/findings.ts';

// Lines of other languages written without case (all lower case or all capitals): told by every
// list of function words, so that their words stay, with the names that a cue, a Vietnamese form
// of address, a form's label or a word no Vietnamese syllable can be tells. Sentences written
// here, not taken from an evaluation.

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('lines without case told by the added words', () => {
  it('keeps the words of a Spanish, Portuguese or Vietnamese line in lower case or capitals', () => {
    expect(persons('hola, ¿puedes mirar el informe antes del jueves?')).toEqual([]);
    expect(persons('o deploy de ontem foi adiado para amanhã.')).toEqual([]);
    expect(persons('em đã gửi báo cáo cho chị hôm qua.')).toEqual([]);
    expect(persons('CHÀO ANH, EM GỬI LẠI FILE CHO CHỊ NHÉ.')).toEqual([]);
    expect(persons('chúc mừng năm mới cả nhà!')).toEqual([]);
  });

  it('leaves a word whose only letter outside ASCII is "đ" to the name it may be (Đặng without its tones)', () => {
    expect(persons('chị vu đang an ơi, mai họp nhé')).toEqual(['vu đang an']);
  });

  it('reads a Vietnamese syllable with its marks as a word of the line, not a name ("lại"), as written only', () => {
    const langs = lineLanguages('em gửi lại file báo cáo cho chị nhé');
    expect(isCountedWordOf('lại', langs)).toBe(true);
    expect(isCountedWordOf('LẠI', langs)).toBe(true);
    expect(isCountedWordOf('lai', langs)).toBe(false);
  });
});

describe('names in lines without case', () => {
  it('finds a name after a Vietnamese form of address', () => {
    expect(persons('chị ivanka prodanova ơi, mai họp lúc 9h nhé.')).toEqual(['ivanka prodanova']);
    expect(persons('em ivanka check giúp anh cái này nhé')).toEqual(['ivanka']);
  });

  it('finds a name after a form label for a person', () => {
    expect(persons('họ và tên: ivanka prodanova')).toEqual(['ivanka prodanova']);
    expect(persons('HỌ VÀ TÊN: IVANKA PRODANOVA')).toEqual(['IVANKA PRODANOVA']);
  });

  it('finds a word no Vietnamese syllable can be in a Vietnamese line', () => {
    expect(persons('temitope vẫn nghỉ phép.')).toEqual(['temitope']);
    expect(persons('TEMITOPE VẪN NGHỈ PHÉP.')).toEqual(['TEMITOPE']);
  });

  it('finds a name after "con" and a greeting still', () => {
    expect(persons('hablé con rico trantow ayer.').join(' ')).toContain('rico trantow');
    expect(persons('xin chào ivanka prodanova, chúc mừng năm mới!')).toEqual(['ivanka prodanova']);
  });

  it('takes no Portuguese "em" for a form of address, nor a Vietnamese one outside a Vietnamese line', () => {
    expect(persons('falei com o time em reunião ontem.')).toEqual([]);
    expect(persons('na reunião de ontem em lisboa decidimos o plano.')).toEqual([]);
  });
});
