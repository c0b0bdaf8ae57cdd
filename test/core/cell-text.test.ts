import { describe, expect, it } from 'vitest';
import { fitCell, MAX_CELL_CHARS } from '../../src/core/cell-text';

describe('fitCell', () => {
  it('leaves text of up to 32,767 characters as it is', () => {
    const text = 'x'.repeat(MAX_CELL_CHARS);
    expect(fitCell(text)).toBe(text);
    expect(fitCell('kort')).toBe('kort');
  });

  it('cuts longer text to exactly 32,767 characters, the last one an ellipsis', () => {
    const cut = fitCell('ab'.repeat(20_000));
    expect(cut.length).toBe(32_767);
    expect(cut.slice(-3)).toBe('ab…');
    expect(cut.slice(0, 4)).toBe('abab');
  });

  it('never splits a character written as two code units', () => {
    // With a 6-unit limit the cut falls between the two halves of the third 😀.
    expect(fitCell('😀😀😀😀', 6)).toBe('😀😀…');
    expect(fitCell('a😀😀😀', 6)).toBe('a😀😀…');
  });
});
