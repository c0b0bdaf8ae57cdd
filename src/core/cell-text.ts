// Excel holds at most 32,767 characters in a cell and "repairs" a file with a longer one on opening
// (Microsoft, "Excel specifications and limits": total number of characters that a cell can contain).
// Text Cadans writes is cut to fit, with an ellipsis that says so.

/** The most characters (UTF-16 code units, as Excel counts them) one cell may hold. */
export const MAX_CELL_CHARS = 32_767;

const ELLIPSIS = '…';

/** `text` as it fits in one cell: unchanged when short enough, else cut with an ellipsis at the end. */
export function fitCell(text: string, max = MAX_CELL_CHARS): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  // Never split a character written as a surrogate pair.
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return text.slice(0, end) + ELLIPSIS;
}
