import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

// A network's name beside its password (password-network-names.ts).
describe("a network's name given with its password", () => {
  it('keeps the name and takes the password', () => {
    expect(secrets('wifi: Office-5G / pass: Tr0ub4dor&3')).toEqual(['Tr0ub4dor&3']);
    expect(secrets('Wi-Fi: Kestrel-5G\npassword: Árvíztűrő_2825')).toEqual(['Árvíztűrő_2825']);
    expect(secrets('WLAN: Gast-Netz, Passwort: Sommer2024!')).toEqual(['Sommer2024!']);
    expect(secrets('Guest network OFFICE-5G – password stone – valid until Thursday')).toEqual(['stone']);
    expect(secrets('the wifi is Office-5G and the password is hunter22')).toEqual(['hunter22']);
  });
  it('takes the value after "wifi" when no other cue gives a password', () => {
    expect(secrets('wifi is hunter22')).toEqual(['hunter22']);
    expect(secrets('pw: Office-5G')).toEqual(['Office-5G']);
  });
});
