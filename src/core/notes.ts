// Cadans's notes on cells it could not read (issue 14): written beside the team's own notes and
// recognisable by their mark, so that the next run can take away exactly its own and nothing else.

/** Starts Cadans's part of a note; the team's own note (if any) stands above it. */
export const NOTE_MARK = '⚠ Cadans: ';
/** Between the team's note and Cadans's part. */
const JOINT = `\n\n${NOTE_MARK}`;

/** The team's own part of a note: the note without Cadans's part ('' when it was all Cadans's). */
export function teamPart(note: string): string {
  if (note.startsWith(NOTE_MARK)) return '';
  const at = note.indexOf(JOINT);
  return at < 0 ? note : note.slice(0, at);
}

/** The note a cell gets: the team's part kept, Cadans's text (if any) below it. */
export function withCadansText(note: string, text: string | null): string {
  const own = teamPart(note);
  if (text === null || text === '') return own;
  return own === '' ? `${NOTE_MARK}${text}` : `${own}${JOINT}${text}`;
}

/**
 * The notes of a block (row 0 = the block's first row) with Cadans's part made `texts` (keyed
 * `row,column`, 0-based in the block) and taken away elsewhere; null when nothing changes, so a
 * shell can skip the write.
 */
export function mergeNotes(notes: readonly (readonly string[])[], texts: ReadonlyMap<string, string>): string[][] | null {
  let changed = false;
  const out = notes.map((row, r) =>
    row.map((note, c) => {
      const next = withCadansText(String(note ?? ''), texts.get(`${r},${c}`) ?? null);
      if (next !== note) changed = true;
      return next;
    }),
  );
  return changed ? out : null;
}
