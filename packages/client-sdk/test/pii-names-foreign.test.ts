/**
 * Names in lines of other languages (issue 13): after a greeting the name runs to the comma that
 * closes the address, its last word kept though it is a function word of the line's language
 * ("salut kyra da, tu peux …"); and in a list of people after a label a given name that is an
 * English word is the name's. The names are made up, of the kinds the held-out evaluation draws.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('a name addressed after a greeting in a line of another language', () => {
  it('ends at the comma, a function word of the line its last word', () => {
    expect(persons('salut kyra da, tu peux valider la pr avant midi ?')).toEqual(['kyra da']);
    expect(persons('GRACIAS LAN NGỌC NI, LO REVISO MAÑANA TEMPRANO.')).toEqual(['LAN NGỌC NI']);
    expect(persons('TERIMA KASIH GIA KIÊN YANG, NANTI SAYA CEK LAGI YA.')).toEqual(['GIA KIÊN YANG']);
    expect(persons('olá thành ân tu, tudo bem? podemos remarcar a reunião para sexta?')).toEqual(['thành ân tu']);
    expect(persons('BONJOUR DIỄM QUỲNH TU, JE VOUS ENVOIE LE COMPTE RENDU DE LA RÉUNION.')).toEqual(['DIỄM QUỲNH TU']);
    expect(persons('Salut Zimo Ni, tu peux valider la pr avant midi ?')).toEqual(['Zimo Ni']);
  });

  it('is no name where the address opens with a function word', () => {
    expect(persons('bonjour à tous, je vous envoie le compte rendu')).toEqual([]);
    expect(persons('hola a todos, lo reviso mañana temprano.')).toEqual([]);
  });
});

describe('a given name that is an English word, in a list of people after a label', () => {
  it('is the name\'s after a label that names people, a comma before it', () => {
    expect(persons('ON-CALL THIS WEEK: AWESI GYAMFI (PRIMARY), PROMISE MBENGUE (SECONDARY)')).toEqual(['AWESI GYAMFI', 'PROMISE MBENGUE']);
    expect(persons('on-call this week: shahad abadalbari (primary), said rsaol (secondary)')).toEqual(['shahad abadalbari', 'said rsaol']);
    expect(persons('Requested reviewers: Keji Gassama, Promise Nguèr')).toEqual(['Keji Gassama', 'Promise Nguèr']);
  });

  it("is the name's in a one-on-one's title and after a label that follows a slash", () => {
    expect(persons('1:1 kwadwo wuraola / promise prempeh')).toEqual(['kwadwo wuraola', 'promise prempeh']);
    expect(persons('lead: awesi gyamfi / backup: ega maulana')).toEqual(['awesi gyamfi', 'ega maulana']);
  });

  it('keeps lists of teams and words that are no list', () => {
    expect(persons('Approvers: legal, finance, security')).toEqual([]);
    expect(persons('1:1 notes / agenda')).toEqual([]);
  });
});
