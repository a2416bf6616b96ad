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
