/**
 * Names removed whole (issue 13), twenty-first pass: the rest of a name beside the part that was
 * found — a Vietnamese given name after "Văn"/"Thị" that is an English word, "to" (Tố) before a
 * name after a word that takes a person without it, the given name before "binti", a second
 * surname after "y", a name with particles in backticks or bold — and the same words left alone
 * where English puts them. The names are made up or common ones, not the evaluation's.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

/** The PERSON values of a text. */
const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('a Vietnamese name with "Văn" or "Thị" found in part', () => {
  it('grows over "van" and a given name that is an English word', () => {
    expect(persons('Bui Van An signed off on the release.')).toEqual(['Bui Van An']);
    expect(persons('The badge for Bui Van An expired last week.')).toEqual(['Bui Van An']);
    expect(persons('SIGNED-OFF-BY: BUI VAN AN')).toEqual(['BUI VAN AN']);
    expect(persons('Hi Bui Van An and Grace Miller, quick question.')).toEqual(['Bui Van An', 'Grace Miller']);
    expect(persons('Nguyen Van Do will present.')).toEqual(['Nguyen Van Do']);
  });

  it('leaves a van alone', () => {
    expect(persons('we rented a van an hour ago')).toEqual([]);
    expect(persons('They parked the van to load it.')).toEqual([]);
  });
});

describe('"to" (Tố) before a name of romanised syllables', () => {
  it('opens the name after a word that takes a person without "to"', () => {
    expect(persons('WE SHOULD ASK TO NHI ANH TUYET YUE WHETHER THE BUDGET COVERS TRAVEL.')).toEqual(['TO NHI ANH TUYET YUE']);
    expect(persons('PING TO NHI ABOUT THE FAILING DEPLOY')).toEqual(['TO NHI']);
    expect(persons('WE HIRED TO NHI NGAI AS AN INTERN LAST SUMMER.')).toEqual(['TO NHI NGAI']);
    expect(persons("i'll sync with to nhi xu after lunch")).toEqual(['to nhi xu']);
  });

  it('opens the name at the start of a line in lower case or capitals, before its verb', () => {
    expect(persons('to nhi pushed a hotfix at midnight.')).toEqual(['to nhi']);
    expect(persons('TO NHI XU JOINED #OPS-APAC')).toEqual(['TO NHI XU']);
  });

  it('stays a word before a verb, or after a word that takes it', () => {
    expect(persons('we need to ask to join the call')).toEqual([]);
    expect(persons('ping to check the logs')).toEqual([]);
    expect(persons('remind to submit timesheets')).toEqual([]);
    expect(persons('to be honest it was fine')).toEqual([]);
    expect(persons('send it to nhi ho please')).toEqual(['nhi ho']);
  });
});

describe('"he" after a name of romanised syllables', () => {
  it('is the name\'s before a time or place adverb, or a question to the reader', () => {
    expect(persons("I'LL SYNC WITH CÔNG THÀNH HE AFTER LUNCH.")).toEqual(['CÔNG THÀNH HE']);
    expect(persons('please double-check with đại dương he before you deploy.')).toEqual(['đại dương he']);
    expect(persons('@GIA ÂN HE CAN YOU TAKE A LOOK?')).toEqual(['GIA ÂN HE']);
  });

  it('is the name\'s before "up next"', () => {
    expect(persons('YUCHENG HE UP NEXT, THEN Q&A.')).toEqual(['YUCHENG HE']);
  });

  it('stays the pronoun before its verb', () => {
    expect(persons('After I met Thanh Binh he left.')).toEqual(['Thanh Binh']);
  });
});

describe('particles and links between a name\'s words', () => {
  it('joins a given name before "binti" or "bin"', () => {
    expect(persons('Siti binti Rahman will cover.')).toEqual(['Siti binti Rahman']);
    expect(persons('Osama bin Laden was in the news.')).toEqual(['Osama bin Laden']);
  });

  it('joins a second surname after "y"', () => {
    expect(persons('Mercedes Salazar y Ríos/Grace Miller own the billing service.')).toEqual(['Mercedes Salazar y Ríos', 'Grace Miller']);
  });

  it('joins particles and a surname before backticks or bold', () => {
    expect(persons('`Juan Carlos de la Cruz` is hardcoded as the default reviewer')).toEqual(['Juan Carlos de la Cruz']);
    expect(persons('**Ana Paula dos Santos** presented the roadmap.')).toEqual(['Ana Paula dos Santos']);
  });

  it('leaves English words before "bin" alone', () => {
    expect(persons('the trash bin was emptied')).toEqual([]);
  });
});

describe('"an" (Ân) after a name of romanised syllables', () => {
  it('is the name\'s before a pronoun, a phone number or a number said with a consonant', () => {
    expect(persons('ONLY GUOXIU AN US AND LEGAL HAVE ACCESS TO THAT FOLDER')).toEqual(['GUOXIU AN']);
    expect(persons('call gia kiet an +62 812 3456 7890')).toEqual(['gia kiet an']);
    expect(persons('sync with gia kiet an 10:30 tomorrow')).toEqual(['gia kiet an']);
  });

  it('stays the article before a number said with a vowel', () => {
    expect(persons('it was an 11:00 meeting')).toEqual([]);
    expect(persons('we need an 18 month plan')).toEqual([]);
    expect(persons('thanh an 8 people joined')).toEqual(['thanh']);
  });
});

describe('a row of cells parted by tabs', () => {
  it('holds one name a cell, none across a tab', () => {
    expect(persons('OCTAVIO CORRAL TIRADO\tISABELA JARAMILLO\tSAO PAULO')).toEqual(['OCTAVIO CORRAL TIRADO', 'ISABELA JARAMILLO']);
  });
});

describe('a word before a name alone in backticks', () => {
  it('is the name\'s first word', () => {
    expect(persons('`OKTA DITYA SIHOTANG` IS HARDCODED AS THE DEFAULT REVIEWER IN CODEOWNERS')).toEqual(['OKTA DITYA SIHOTANG']);
  });

  it('stays a word after a comma in a line of capitals', () => {
    expect(persons('HALO BRAYAN CASAS, INVOICE BULAN JUNI SUDAH SAYA KIRIM.').some((p) => p.startsWith('INVOICE'))).toBe(false);
  });
});
