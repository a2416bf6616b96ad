import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

/** The names a text's findings cover. */
const names = (text: string): string[] => findingsOf(text, 'PERSON');

// A form's labels in other languages were names of their own (the nineteenth templates' forms on fresh
// draws kept 0.88 of their other words). Each label test fails before this change; the names after the
// labels, and a name before a colon in a chat, guard it.
describe("a form's label in another language", () => {
  it('is no name before its colon, and the name after it is still taken', () => {
    expect(names('nama: assunta herzog')).toEqual(['assunta herzog']);
    expect(names('NOME COMPLETO: FURMAN PACOCHA')).toEqual(['FURMAN PACOCHA']);
    expect(names('người liên hệ: stephania zackery hilll - 0903 123 456')).toEqual(['stephania zackery hilll']);
    expect(names('họ và tên: assunta herzog')).toEqual(['assunta herzog']);
  });

  it("keeps a speaker's name before a colon", () => {
    expect(names('ana: hi, running late')).toEqual(['ana']);
    expect(names('Kwame Mensah: pushed the fix')).toEqual(['Kwame Mensah']);
  });
});
