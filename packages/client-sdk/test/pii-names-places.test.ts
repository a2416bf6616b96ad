/**
 * Places, papers and drinks of several words that read as a person's name (issue 13) are kept:
 * "the office in Hong Kong", "La Nación ran the story", "we had a mai tai"; a name that holds one
 * ("Ana Santa Cruz") is still a name.
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('a place of several words', () => {
  it('is kept', () => {
    expect(persons('the new office in Hong Kong opens in May')).toEqual([]);
    expect(persons('we had a mai tai after the offsite')).toEqual([]);
    expect(persons('La Nación ran the story')).toEqual([]);
    expect(persons('she moved to Santa Cruz last year')).toEqual([]);
    expect(persons('Puerto Rico and Costa Rica are on the list')).toEqual([]);
    expect(persons('the hotel in Mong Kok')).toEqual([]);
    expect(persons('a cruise in Ha Long bay')).toEqual([]);
  });

  it('is part of a name that holds it', () => {
    expect(persons('cc Ana Santa Cruz')).toEqual(['Ana Santa Cruz']);
  });
});
