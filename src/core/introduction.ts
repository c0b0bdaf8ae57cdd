// The warm introduction after an expansion conversation (domain brief, section 7): an e-mail to the
// existing contact, the champion, with a reference to the work done and a concrete value
// proposition for the new department, which the champion can pass on. Cadans only drafts it: the
// user copies it into their own mail; Cadans never sends mail to a relationship.

export interface IntroductionTemplate {
  subject: string;
  greeting: string;
  ask: string;
  reference: string;
  value: string;
  closing: string;
}

export interface IntroductionFacts {
  champion: string;
  department: string;
  reference: string;
  valueProposition: string;
}

/** `{name}` placeholders filled with the facts; other braces are left as they are. */
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? values[key] : whole));
}

/**
 * The draft as plain text: subject and body. A paragraph whose fact is blank is left out (no
 * "Referentie: ." lines); whitespace in the facts is collapsed so that a pasted line break cannot
 * add a header-like line to the mail. The text is never HTML: the page shows it as text.
 */
export function introductionDraft(template: IntroductionTemplate, facts: IntroductionFacts): { subject: string; body: string } {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  // The template ends those sentences itself.
  const sentence = (s: string) => clean(s).replace(/[.\s]+$/, '');
  const values = { champion: clean(facts.champion), department: clean(facts.department), reference: sentence(facts.reference), value: sentence(facts.valueProposition) };
  const paragraphs = [
    fill(template.greeting, values),
    fill(template.ask, values),
    values.reference ? fill(template.reference, values) : '',
    values.value ? fill(template.value, values) : '',
    template.closing,
  ].filter((p) => p !== '');
  return { subject: fill(template.subject, values), body: paragraphs.join('\n\n') };
}
