// Shared formulas (ECMA-376 Part 1, 18.3.1.40 f, t="shared"): a producer may store a formula filled
// down a range once, in its first cell (the master, with `ref` and `si`), and give the other cells
// only `<f t="shared" si="..."/>`. Each child's formula is the master's with its relative references
// moved by the child's distance from the master. When Cadans overwrites a master with a value, the
// children that remain get their formula written out in full, computed here.
//
// This works on formula text, not XML. It moves A1 references (B7, $B7, B$7, $B$7, ranges, whole
// columns B:B and rows 7:7) and leaves alone string literals, quoted sheet names, structured
// references in brackets and function names.

const LAST_COLUMN = 16_384;
const LAST_ROW = 1_048_576;

function columnNumberOf(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function lettersOf(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const isNameChar = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_.\\]/.test(ch);

// A cell (B7), a whole-column (B:B) or whole-row (7:7) reference, each part optionally absolute.
const REFERENCE = /^(?:(\$?)([A-Z]{1,3})(\$?)([0-9]{1,7})|(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})|(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7}))/;

/** The master's formula as it reads `rows` rows down and `columns` columns right; null when a reference falls off the sheet. */
export function moveFormula(formula: string, rows: number, columns: number): string | null {
  let out = '';
  let i = 0;
  const column = (abs: string, letters: string): string | null => {
    if (abs) return `$${letters}`;
    const n = columnNumberOf(letters) + columns;
    return n < 1 || n > LAST_COLUMN ? null : lettersOf(n);
  };
  const row = (abs: string, digits: string): string | null => {
    if (abs) return `$${digits}`;
    const n = Number(digits) + rows;
    return n < 1 || n > LAST_ROW ? null : String(n);
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name; a doubled quote stays inside.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch && formula[j + 1] === ch) j += 2;
        else if (formula[j] === ch) break;
        else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      // A structured reference (Table[Column]) or an external book index: not moved.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!isNameChar(formula[i - 1]) && (ch === '$' || /[A-Z0-9]/.test(ch))) {
      const m = REFERENCE.exec(formula.slice(i, i + 24));
      const next = m ? formula[i + m[0].length] : undefined;
      if (m && !isNameChar(next) && next !== '(' && next !== '!') {
        let moved: string | null;
        if (m[2] !== undefined) {
          const c = column(m[1], m[2]);
          const r = row(m[3], m[4]);
          moved = c === null || r === null ? null : `${c}${r}`;
        } else if (m[6] !== undefined) {
          const a = column(m[5], m[6]);
          const b = column(m[7], m[8]);
          moved = a === null || b === null ? null : `${a}:${b}`;
        } else {
          const a = row(m[9], m[10]);
          const b = row(m[11], m[12]);
          moved = a === null || b === null ? null : `${a}:${b}`;
        }
        if (moved === null) return null;
        out += moved;
        i += m[0].length;
        continue;
      }
    }
    // Anything else (a name, a number, an operator) is copied, a whole name at a time.
    let j = i + 1;
    if (isNameChar(ch)) while (j < formula.length && isNameChar(formula[j])) j++;
    out += formula.slice(i, j);
    i = j;
  }
  return out;
}
