/**
 * Names removed whole (issue 13), three causes of a word left standing: a syllable of a romanised
 * Chinese or Vietnamese name that is also a short English word ("ha", "pun", "chow"), "he" after
 * such a name where no subject pronoun can stand, and a given name that is an English word as an
 * item of a list or the value of a labelled field. The names are made up (none of their words is
 * in the scrubber's name lists); the same words used as words stay.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('a short English word beside a name of romanised syllables', () => {
  it('is one more syllable of the name', () => {
    expect(persons('hi all, quynh lao ha here from the data team.')).toEqual(['quynh lao ha']);
    expect(persons('HEY XIAOQING PAN U AROUND?')).toEqual(['XIAOQING PAN']);
    expect(persons('can you give zhenwei chow access to the prod dashboard?')).toEqual(['zhenwei chow']);
    expect(persons('talked to an ha phuoc about the rotation.')).toEqual(['an ha phuoc']);
  });

  it('stays a word beside other names, or when it is no syllable', () => {
    expect(persons('dm lilya skiles for the guest wifi password')).toEqual(['lilya skiles']);
    expect(persons('the new hire yuxi dong starts on the 3rd.')).toEqual(['yuxi dong']);
  });
});

describe('"he" after a name', () => {
  it('is the name\'s where no subject pronoun can stand', () => {
    expect(persons('the review for lan quoc he is due next week.')).toEqual(['lan quoc he']);
    expect(persons('DO YOU KNOW IF TÚ LINH HE IS IN THE OFFICE?')).toEqual(['TÚ LINH HE']);
    expect(persons('somebody should tell yuqing he.')).toEqual(['yuqing he']);
    expect(persons('it was ánh đức phi he who found the leak.')).toEqual(['ánh đức phi he']);
    expect(persons('only thanh vu he has access to the vault.')).toEqual(['thanh vu he']);
  });

  it('is the next clause\'s subject after a telling verb or an opening preposition', () => {
    expect(persons('tell zhenwei he is late')).toEqual(['zhenwei']);
    expect(persons('Without Zhao Wei he would be lost.')).toEqual(['Zhao Wei']);
  });
});

describe('a given name that is an English word', () => {
  it('is the name\'s as an item of a list of names', () => {
    expect(persons('approvers: darrion kessa, phoenix maiyo cassar')).toEqual(['darrion kessa', 'phoenix maiyo cassar']);
    expect(persons('Attendees were Ana Rossi, Phoenix Korvath, and two people from procurement.')).toEqual(['Ana Rossi', 'Phoenix Korvath']);
  });

  it('is the name\'s in a labelled field that a slash, a dash or a bar closes or opens', () => {
    expect(persons('Lead: Pit Kravosky / Backup: Ana Rossi')).toEqual(['Pit Kravosky', 'Ana Rossi']);
    expect(persons('Traveler: Ise Prinsov — Flight LH 902')).toEqual(['Ise Prinsov']);
  });

  it('is the name\'s when it is a function word capitalised in the middle of a sentence', () => {
    expect(persons('For urgent matters please contact To Lanh Quoc.')).toEqual(['To Lanh Quoc']);
    expect(persons('Great catch Said Engelbrak')).toEqual(['Said Engelbrak']);
    expect(persons('we need to Talk Later')).toEqual([]);
  });

  it('stays a word where a sentence has room for it', () => {
    expect(persons('Bob Smith, ask Ana.')).toEqual(['Bob Smith', 'Ana']);
  });
});
