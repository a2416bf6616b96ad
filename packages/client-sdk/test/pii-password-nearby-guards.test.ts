import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

/** The secrets a text's findings cover. */
const secrets = (text: string): string[] => findingsOf(text, 'SECRET');

// Review of the twentieth pass's nearby rule (password-nearby.ts) on real mail: over 45,163
// SpamAssassin ham paragraphs it took 75 values, none a secret (colours of style sheets, markup's
// attributes, quotes after "Secret Service", identifiers in code); with these guards it takes 4.
// In the blind sets it took users and networks beside a pair's slash and settings of a
// connection string.
describe('the nearby rule reads messages, not markup or code', () => {
  it('takes nothing in markup, a style sheet or code', () => {
    expect(secrets(' .link {color:#000000; text-decoration:   none; }\t.link:hover {color:#FF3300; text-decoration:underline;}\t')).toEqual([]);
    expect(secrets('<style>.section_heading{color:#FFFFFF;background-color:#000000} .pin{color:#FF0000}</style>')).toEqual([]);
    expect(secrets('<td bgcolor="#660099"><a href="/key">Your key</a> border=0 height=3</td>')).toEqual([]);
  });

  it('takes no proper name that starts with the cue', () => {
    expect(secrets('In Florida, as Mr. Bush boarded Air Force One, he was overheard telling \na Secret Service agent \ufffdBe sure to get the First Lady and my daughters \nprotected.\ufffd At 9:57 a.m., Air Force One thundered down the runway.')).toEqual([]);
  });

  it("takes a pair's password, not its user or network, and no setting beside it", () => {
    expect(secrets('credentials (prod): svc_batch / Tiger;Harbor88')).toEqual(['Tiger;Harbor88']);
    expect(secrets('WiFi: Acme-5G / Walrus523#')).toEqual(['Walrus523#']);
    expect(secrets('$ mysql -u report_ro --password=motorola -h mysql-bi.internal analytics')).toEqual(['motorola']);
    expect(secrets('connect host=db01 user=app password=<hidden> status=ok')).toEqual([]);
  });

  it('still takes a code or a password on a later line of a message', () => {
    expect(secrets('Morning!\nThe gate code changed.\n\n\nIt is now\n9772\n\nSee you')).toEqual(['9772']);
    expect(secrets('Re: password for the test account\n\nSure —\n\nFalcon838*\n\n(case-sensitive)')[0]).toMatch(/^Falcon838/);
  });
});
