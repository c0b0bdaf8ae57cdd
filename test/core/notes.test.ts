import { describe, expect, it } from 'vitest';
import { mergeNotes, teamPart, withCadansText } from '../../src/core/notes';

describe("Cadans's notes beside the team's", () => {
  it('adds its text below the team note and takes only its own part away', () => {
    expect(withCadansText('', 'geen datum')).toBe('⚠ Cadans: geen datum');
    expect(withCadansText('Bel na 10u', 'geen datum')).toBe('Bel na 10u\n\n⚠ Cadans: geen datum');
    expect(withCadansText('Bel na 10u\n\n⚠ Cadans: oud', 'nieuw')).toBe('Bel na 10u\n\n⚠ Cadans: nieuw');
    expect(withCadansText('Bel na 10u\n\n⚠ Cadans: oud', null)).toBe('Bel na 10u');
    expect(withCadansText('⚠ Cadans: oud', null)).toBe('');
    expect(teamPart('Cadans: een eigen notitie')).toBe('Cadans: een eigen notitie');
  });

  it('returns null when nothing changes, so the shell writes nothing', () => {
    const notes = [['', 'eigen'], ['⚠ Cadans: x', '']];
    expect(mergeNotes(notes, new Map([['1,0', 'x']]))).toBeNull();
    expect(mergeNotes(notes, new Map())).toEqual([['', 'eigen'], ['', '']]);
    expect(mergeNotes(notes, new Map([['0,1', 'y'], ['1,0', 'x']]))).toEqual([['', 'eigen\n\n⚠ Cadans: y'], ['⚠ Cadans: x', '']]);
  });
});
