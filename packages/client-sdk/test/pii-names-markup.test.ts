import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

/** The names a text's findings cover. */
const names = (text: string): string[] => findingsOf(text, 'PERSON');

// HTML mail: a fifth of the name findings in real mail (the SpamAssassin ham) were inside tags —
// "img", "br", fonts, colours. Each look-alike test fails before this change; the names beside them
// (in the text between tags, in the "alt" and "title" a reader sees) guard it.
describe('names in the markup of HTML mail', () => {
  it('takes no name in a tag: its element, its attributes, their values', () => {
    expect(names('<td nowrap><img src="http://www.example.com/logo.gif" align=absmiddle border=0></td>')).toEqual([]);
    expect(names('<FONT FACE="Verdana, Arial, sans serif" SIZE=2 COLOR=gray>Weekly news</FONT>')).toEqual([]);
    expect(names('<p class="sidebar"><br><div style="font-family: Tahoma">hello</div>')).toEqual([]);
  });

  it('takes no name in a style sheet or a script', () => {
    expect(names('<style type="text/css">\nbody { font-family: Verdana, Arial; }\n.Lucida { color: gray }\n</style>Thanks!')).toEqual([]);
    expect(names('<script>var Tahoma = Verdana;</script>')).toEqual([]);
  });

  it('still takes a name between tags, and in the text of alt and title', () => {
    expect(names('<p>Hi <b>Priya Raman</b>, your order shipped.</p>')).toEqual(['Priya Raman']);
    expect(names('<img src="/staff/42.jpg" alt="Chris Pirillo" width=60>')).toEqual(['Chris Pirillo']);
    expect(names("<a href='/u/7' title='Kwame Mensah'>profile</a>")).toEqual(['Kwame Mensah']);
  });

  it('reads angle brackets that are not a tag as text', () => {
    expect(names('From: Ana Souza <ana.souza@example.com>')).toEqual(['Ana Souza']);
    expect(names('forward it to <Ana Souza> please')).toEqual(['Ana Souza']);
  });
});
