// The warm-introduction draft (issue 12): to the champion, with the reference and the value
// proposition; a blank fact leaves its paragraph out, and a pasted line break cannot add a line.

import { describe, expect, it } from 'vitest';
import { introductionDraft } from '../../src/core/introduction';
import { catalogue } from '../../src/i18n/catalogue';

const NL = catalogue('nl').sidebar.introTemplate;
const EN = catalogue('en').sidebar.introTemplate;

describe('introductionDraft', () => {
  it('writes the champion, the department, the reference and the value proposition into the template', () => {
    expect(introductionDraft(NL, { champion: 'Marieke Hoekstra', department: 'Financiën', reference: 'de HR-pilot in Arnhem', valueProposition: 'twee controllers binnen een maand.' })).toEqual({
      subject: 'Introductie bij Financiën',
      body: [
        'Beste Marieke Hoekstra,',
        'Dank voor ons gesprek. Zoals afgesproken: wil je ons voorstellen aan Financiën? Hieronder wat je kunt doorsturen.',
        'Wat we al samen deden: de HR-pilot in Arnhem.',
        'Wat we voor Financiën kunnen betekenen: twee controllers binnen een maand.',
        'Hartelijke groet,',
      ].join('\n\n'),
    });
    expect(introductionDraft(EN, { champion: 'Ann', department: 'IT', reference: 'the HR pilot', valueProposition: 'two developers' }).body).toBe(
      'Dear Ann,\n\nThank you for our conversation. As agreed: would you introduce us to IT? Below is what you can pass on.\n\nWhat we already did together: the HR pilot.\n\nWhat we can do for IT: two developers.\n\nKind regards,',
    );
  });

  it('leaves out a blank reference or value proposition, and folds line breaks in the facts into spaces', () => {
    const draft = introductionDraft(NL, { champion: 'Bram', department: 'IT\r\nBcc: x@evil.example', reference: '  ', valueProposition: '' });
    expect(draft).toEqual({
      subject: 'Introductie bij IT Bcc: x@evil.example',
      body: 'Beste Bram,\n\nDank voor ons gesprek. Zoals afgesproken: wil je ons voorstellen aan IT Bcc: x@evil.example? Hieronder wat je kunt doorsturen.\n\nHartelijke groet,',
    });
    expect(draft.subject).not.toMatch(/[\r\n]/);
  });

  it('keeps a hostile name as the characters it is (the page shows the draft as text) and braces in facts unfilled', () => {
    const name = '<img src=x onerror=alert(1)> {department}';
    expect(introductionDraft(NL, { champion: name, department: 'HR', reference: '', valueProposition: '' }).body.split('\n\n')[0]).toBe(`Beste ${name},`);
  });
});
