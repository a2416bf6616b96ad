import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

// Names of romanised syllables grown over the syllables beside them that no list holds
// (name-syllable-tails.ts). Sentences written here, not taken from an evaluation.

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('a name of romanised syllables grown over the unlisted syllables beside it', () => {
  it('takes the syllables after it up to the comma of a greeting', () => {
    expect(persons('xin chào minh tu an tuong yue, chúc anh một ngày vui vẻ!')).toEqual(['minh tu an tuong yue']);
    expect(persons('PREZADO NHU QUYNH AN KHANG BI, SEGUE EM ANEXO O RELATÓRIO DE VENDAS.')).toEqual(['NHU QUYNH AN KHANG BI']);
  });

  it('runs a greeted name to the close of the address over a syllable that is a function word too', () => {
    expect(persons('OI MINH AN NGOC TU ZHUANG! VC VIU O TICKET DO CLIENTE?')).toEqual(['MINH AN NGOC TU ZHUANG']);
    expect(persons('bom dia, minh đao trieu thanh tu. a reunião de segunda foi cancelada.')).toEqual(['minh đao trieu thanh tu']);
    // Not where the sentence goes on, nor past a comma.
    expect(persons('hola ana lin, tu informe está listo.')).toEqual(['ana lin']);
    expect(persons('oi minh an tu viu o ticket do cliente?').join(' ')).not.toContain(' tu');
  });

  it('takes the syllable before it right after a greeting', () => {
    expect(persons('Xin chào Ánh Dương, hẹn gặp lại!')).toEqual(['Ánh Dương']);
  });

  it('takes "He", "To" or "An" before a function word of the line\'s other language, not in English', () => {
    expect(persons('YUCHENG HE VẪN NGHỈ PHÉP HÔM NAY.')).toEqual(['YUCHENG HE']);
    expect(persons('we told yucheng he is late.')).toEqual(['yucheng']);
  });

  it('takes "To", "He" or "An" written capitalised before a name of syllables in a line of mixed case', () => {
    expect(persons('- To Minh Yiu (Finance)')).toEqual(['To Minh Yiu']);
    expect(persons('"All set," To Minh Chow said.')).toEqual(['To Minh Chow']);
    // Not in a line of title case, nor a word in lower case.
    expect(persons('Welcome To Hoi An')).toEqual([]);
    expect(persons('I talked to Minh Chow.')).toEqual(['Minh Chow']);
    expect(persons('Could you forward this to Thanh An Chow?')).toEqual(['Thanh An Chow']);
  });

  it('takes no English word, no function word of the line and no form of address', () => {
    // "du" is German here ("you") where the sentence goes on; "anh" a Vietnamese form of address before the name.
    expect(persons('hallo minh tuong du hast die liste schon gesehen?').join(' ')).not.toContain(' du');
    expect(persons('kính gửi anh minh tuong,\n\nxin gửi kèm hợp đồng.').join(' ')).not.toMatch(/^anh /);
    // English words beside a name are name-syllable-words.ts's to weigh.
    expect(persons('Xin chào Ánh Dương, the slides are up').join(' ')).not.toContain('the');
  });

  it('grows no name where the words after it go on', () => {
    expect(persons('xin chào minh tuong, yue ban hôm nay thế nào?')).toEqual(['minh tuong']);
  });
});
