/**
 * Names removed whole (issue 13): a Portuguese or Spanish surname in "-s" that is also an English
 * plural or verb ("Sales", "Goes"), after given names and where a surname ends; a capitalised
 * word that ends a field a name fills alone ("Kurnia Sari\t…", "<Indah Permata Sari>"); and a
 * family name written in capitals before the given names ("NGUYEN Van Long", "Owner: WANG
 * Xiaoming"). The names are made up, of the kinds the held-out evaluation draws; the sentences
 * that must keep their words are beside them.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('a surname in "-s" that is also an English word, after given names', () => {
  it('is the name\'s where a surname ends', () => {
    expect(persons('Signed-off-by: Joao Vitor Sales')).toEqual(['Joao Vitor Sales']);
    expect(persons('Add Joao Vitor Sales to the on-call rotation.')).toEqual(['Joao Vitor Sales']);
    expect(persons('the laptop was returned by joao vitor sales on monday.')).toEqual(['joao vitor sales']);
    expect(persons('THE ON-CALL TODAY IS RUI GOES.')).toEqual(['RUI GOES']);
  });

  it('is the sentence\'s verb or noun after a name alone', () => {
    expect(persons('Maria works from home on Fridays.')).toEqual(['Maria']);
    expect(persons('ana says it is fine.')).toEqual(['ana']);
    expect(persons('Rui goes to the office, Ana stays.')).toEqual(['Rui', 'Ana']);
    expect(persons('Thanks Maria, sales are up.')).toEqual(['Maria']);
  });
});

describe('a capitalised word ending a field that a name fills', () => {
  it('is the name\'s', () => {
    expect(persons('Kurnia Sari\tRama Adi\tSao Paulo')).toContain('Kurnia Sari');
    expect(persons('<Indah Permata Sari> lgtm')).toEqual(['Indah Permata Sari']);
  });

  it('is no team or role', () => {
    expect(persons('Contact: Ana Rossi | Finance')).toEqual(['Ana Rossi']);
    expect(persons('Regards,\nMaria Silva\nSales')).toEqual(['Maria Silva']);
  });
});

describe('a family name in capitals before the given names', () => {
  it('is the name\'s', () => {
    expect(persons('NGUYEN Van Long (Mr) will join')).toEqual(['NGUYEN Van Long']);
    expect(persons('Owner: WANG Xiaoming')).toEqual(['WANG Xiaoming']);
    expect(persons('Attendees: TRAN Thi Mai, LE Van Hung')).toEqual(['TRAN Thi Mai', 'LE Van Hung']);
  });

  it('is no acronym or English word in capitals', () => {
    expect(persons('CEO Maria Silva spoke')).toEqual(['Maria Silva']);
    expect(persons('FYI Ana is out')).toEqual(['Ana']);
    expect(persons('URGENT Ana please call')).toEqual(['Ana']);
  });
});
