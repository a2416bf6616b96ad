import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

// A wireless network's label opening a line (password-network-lines.ts).
describe("a line opened by a wireless network's label", () => {
  it('takes the key to the line’s end', () => {
    expect(secrets('wifi: 155703')).toEqual(['155703']);
    expect(secrets('wifi: t^t')).toEqual(['t^t']);
    expect(secrets('- WLAN = V@qFSniL5X=b')).toEqual(['V@qFSniL5X=b']);
    expect(secrets('wifi: quiver koala yogurt vanilla')).toEqual(['quiver koala yogurt vanilla']);
  });
  it('keeps what a listing says of a network, and the name beside a password', () => {
    expect(secrets('WiFi: free')).toEqual([]);
    expect(secrets('Wifi: available in all rooms')).toEqual([]);
    expect(secrets('WiFi: 100 Mbps')).toEqual([]);
    expect(secrets('WiFi: https://portal.example.com/login')).toEqual([]);
    expect(secrets('- Wifi: Guest_2G / lato22')).toEqual(['lato22']);
    expect(secrets('WiFi: AcmeGuest\nPassword: Tr0ub4dor&3')).toEqual(['Tr0ub4dor&3']);
  });
});

// A note on how to type the line above (password-typing-notes.ts).
describe('a value with a note on how to type it', () => {
  it('takes the line above the note', () => {
    expect(secrets('here you go:\nhollow\n(case sensitive)')).toEqual(['hollow']);
    expect(secrets('here you go:\nasdfjkl;\n(case sensitive)')).toEqual(['asdfjkl;']);
    expect(secrets('here you go:\n猫咪\n(case sensitive)')).toEqual(['猫咪']);
    expect(secrets('here:\n9.0.7rc5\nall lower case, no spaces')).toEqual(['9.0.7rc5']);
  });
  it("keeps a user's name, a label and prose", () => {
    expect(secrets('Username:\njdoe\n(case sensitive)')).toEqual([]);
    expect(secrets('The field is\nrequired\n(case sensitive)')).toEqual([]);
    expect(secrets('Passwords are case sensitive.')).toEqual([]);
  });
});

// A value given again to correct one given before (password-corrections.ts).
describe('a corrected value', () => {
  it('takes a password-shaped value without a cue', () => {
    expect(secrets('typo in my last msg, should be 7380 not the old one')).toEqual(['7380']);
    expect(secrets('typo in my last msg, should be koala_candle_utopia not the old one')).toEqual(['koala_candle_utopia']);
    expect(secrets('ignore the earlier one, use 사랑 instead')).toEqual(['사랑']);
  });
  it('takes any shape a password takes after a cue', () => {
    expect(secrets("sorry, wrong NAS password earlier — it's dolphin feather paddle")).toEqual(['dolphin feather paddle']);
    expect(secrets("sorry, wrong printer password earlier — it's yogurt")).toEqual(['yogurt']);
    expect(secrets("sorry, wrong Jenkins password earlier — it's mw5")).toEqual(['mw5']);
    expect(secrets('the pw changed last night\nnew one: Hollow')).toEqual(['Hollow']);
  });
  it('keeps corrections of anything else', () => {
    expect(secrets('typo in my last msg, should be 1974-10-27 not the old one')).toEqual([]);
    expect(secrets('typo: the meeting should be at 3pm not 2pm')).toEqual([]);
    expect(secrets('typo, should be python3 not python')).toEqual([]);
    expect(secrets('ignore the previous one, use Chrome instead')).toEqual([]);
    expect(secrets("sorry, wrong password earlier — it's fine now")).toEqual([]);
    expect(secrets("sorry, the password was wrong, it's expired")).toEqual([]);
    expect(secrets('sorry, wrong link, use https://example.com/reset instead')).toEqual([]);
  });
});
