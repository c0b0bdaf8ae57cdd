// Messages name Cadans's columns as the workbook has them (issue 14). A catalogue message that
// tells the user to fill in a column says it in the catalogue's words ("Snooze until"); a workbook
// set up in the other language, or with a team's own alias, has another header ("Uitstellen tot").
// The message is given the header the workbook really has.

/**
 * `message` with the column's (or tab's) catalogue names, in either language, replaced by
 * `actual`: the header as the workbook has it. Only for messages known to name that column.
 */
export function withWorkbookName(message: string, def: { nl: string; en: string }, actual: unknown): string {
  const name = String(actual ?? '').trim();
  if (!name) return message;
  const defaults = [def.nl, def.en].filter((n) => n !== name).sort((a, b) => b.length - a.length);
  let out = message;
  for (const d of defaults) out = out.split(d).join(name);
  return out;
}
