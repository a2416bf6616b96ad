/**
 * Names removed whole (issue 13): a given name that is an English word, before a name found, where
 * English puts no such word — after an interjection or praise that addresses the person ("sorry
 * promise X,", "LOL PROMISE X 😂", "GREAT CATCH SAID X"), and in "-ing" before a name whose verb
 * follows, where only a gerund of a verb done to a person would stand ("blessing X broke prod").
 * The names are made up, of the kinds the held-out evaluation draws (no name list holds them).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('a given name after an interjection or praise, the name ending the clause', () => {
  it('is the name\'s', () => {
    expect(persons('sorry promise prempeh, i missed your message yesterday.')).toEqual(['promise prempeh']);
    expect(persons('fyi promise prempeh: the vendor moved the call to 4pm.')).toEqual(['promise prempeh']);
    expect(persons('LOL PROMISE THIOUB 😂 CLASSIC')).toEqual(['PROMISE THIOUB']);
    expect(persons('HAPPY BIRTHDAY FAAS ROHLANDER!')).toEqual(['FAAS ROHLANDER']);
    expect(persons('GREAT CATCH SAID PREMPEH')).toEqual(['SAID PREMPEH']);
  });

  it('keeps a verb whose object the name is, and the words when no name ends the clause', () => {
    expect(persons('ok send prempeh.')).toEqual(['prempeh']);
    expect(persons('sorry promise prempeh will get it next week')).not.toContainEqual(expect.stringContaining('promise'));
    expect(persons('great work said, thanks')).toEqual([]);
    expect(persons('the catch said prempeh is the vendor')).not.toContainEqual(expect.stringContaining('said'));
  });
});

describe('a given name in "-ing" before a name and its verb', () => {
  it('is the name\'s unless it is the gerund of a verb done to a person', () => {
    expect(persons('blessing prempeh broke prod')).toEqual(['blessing prempeh']);
    expect(persons('is blessing prempeh on leave')).toEqual(['blessing prempeh']);
    expect(persons('MAYBE BLESSING PREMPEH KNOWS WHERE THE KEYS ARE.')).toEqual(['BLESSING PREMPEH']);
  });

  it('keeps a gerund of a verb done to a person, before a possessive, or in brackets', () => {
    expect(persons('moving prempeh to the new team')).toEqual(['prempeh']);
    expect(persons('thanks for calling okafor')).toEqual([]);
    expect(persons('preparations (digging bunkers etc).')).not.toContainEqual(expect.stringContaining('digging'));
  });
});

describe('a person addressed at a line\'s head, or named in a field', () => {
  it('takes the English word before the name found', () => {
    expect(persons('promise prempeh go ahead and merge')).toEqual(['promise prempeh']);
    expect(persons('ISE PREMPEH WE NEED YOU IN THE WAR ROOM')).toEqual(['ISE PREMPEH']);
    expect(persons('SHADE PREMPEH?')).toEqual(['SHADE PREMPEH']);
    expect(persons('phoenix prempeh do you have a minute')).toEqual(['phoenix prempeh']);
    expect(persons('PROMISE AKERELE AT 3?')).toEqual(['PROMISE AKERELE']);
    expect(persons('faas kristiansen by the way the invoice went out')).toEqual(['faas kristiansen']);
    expect(persons('Promise Nyaako consistently exceeds expectations.')).toEqual(['Promise Nyaako']);
    expect(persons('Out of office: Phoenix Prempeh (back Monday)')).toEqual(['Phoenix Prempeh']);
    expect(persons('Scribe: Promise Niane\nSeverity: SEV2')).toEqual(['Promise Niane']);
    expect(persons('point of contact – blessing tweneboa')).toEqual(['blessing tweneboa']);
  });

  it('keeps a request\'s verb and a product in a field of another label', () => {
    expect(persons('tell prempeh we need you')).toEqual(['prempeh']);
    expect(persons('give prempeh go ahead')).not.toContainEqual(expect.stringContaining('give'));
    expect(persons('Out of office: Phoenix Suite (back Monday)')).toEqual([]);
  });
});

describe('an English surname before "here"', () => {
  it('is the name\'s when "here" introduces or places the person', () => {
    expect(persons('hi all, adrain crooks here from the data team.')).toEqual(['adrain crooks']);
    expect(persons('hi all, prempeh block here from the data team')).toEqual(['prempeh block']);
  });

  it('keeps a noun before "here" after a name that is no person\'s', () => {
    expect(persons('put the prempeh file here from now on')).not.toContainEqual(expect.stringContaining('file'));
  });
});

describe('words a guess takes that are no name\'s', () => {
  it('drops a cell\'s label before its colon, and chat\'s abbreviations after a name', () => {
    expect(persons('| Mentor: Ada Prempeh | Mentee: Kofi Boateng |')).toEqual(['Ada Prempeh', 'Kofi Boateng']);
    expect(persons('thanks kenji lol')).toEqual(['kenji']);
  });

  it('keeps a chat\'s speaker at a line\'s head and a name before its colon in a cell', () => {
    expect(persons('Grace: hi there')).toEqual(['Grace']);
    expect(persons('| Grace Prempeh: on leave |')).toEqual(['Grace Prempeh']);
  });
});
