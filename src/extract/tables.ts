/**
 * Tables written as text: a header line of column names and rows of cells, separated by tabs or
 * runs of spaces ("县区  减贫人数  贫困发生率" / "南郑区  1.2万人  0.8%"). A number in a row takes
 * its column's name as the noun that says what it counts, and the table's rows are not headings.
 */
import type { Range } from "./segment.js";

/** One table: its header line, its row lines, and the header cell of each column. */
export interface TextTable {
  readonly header: Range;
  readonly rows: readonly Range[];
  readonly columns: readonly Range[];
}

const CELL_GAP = /\t+|[ \u3000]{2,}/gu;

/** The cells of a line, or undefined when it is not cut into at least two cells. */
function cells(s: string, line: Range): Range[] | undefined {
  const out: Range[] = [];
  const text = s.slice(line.start, line.end);
  const lead = text.length - text.trimStart().length;
  const trail = text.length - text.trimEnd().length;
  let start = line.start + lead;
  const end = line.end - trail;
  if (end <= start) return undefined;
  CELL_GAP.lastIndex = 0;
  const body = s.slice(start, end);
  for (let m = CELL_GAP.exec(body); m !== null; m = CELL_GAP.exec(body)) {
    out.push({ start, end: line.start + lead + m.index });
    start = line.start + lead + m.index + m[0].length;
  }
  out.push({ start, end });
  return out.length >= 2 ? out : undefined;
}

/** A header cell names a column: Han text, no figure (a year such as 2019年 may qualify it). */
function isHeaderCell(s: string, c: Range): boolean {
  const t = s.slice(c.start, c.end).replace(/(?:19|20)\d\d年?/gu, "");
  return /\p{Script=Han}/u.test(t) && !/\d/u.test(t);
}

/** The tables of the text, found line by line. */
export function findTables(s: string, lines: readonly Range[]): TextTable[] {
  const out: TextTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = lines[i] as Range;
    const head = cells(s, header);
    if (head === undefined || !head.every((c) => isHeaderCell(s, c))) continue;
    const rows: Range[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] as Range;
      if (s.slice(line.start, line.end).trim() === "") break;
      const row = cells(s, line);
      if (
        row === undefined ||
        row.length !== head.length ||
        !row.slice(1).some((c) => /\d/u.test(s.slice(c.start, c.end)))
      )
        break;
      rows.push(line);
    }
    if (rows.length === 0) continue;
    out.push({ header, rows, columns: head });
    i += rows.length;
  }
  return out;
}

/** The header cell of the column that position `at` is in, when it is in a table row. */
export function columnOf(s: string, tables: readonly TextTable[], at: number): Range | undefined {
  for (const t of tables) {
    const row = t.rows.find((r) => r.start <= at && at < r.end);
    if (row === undefined) continue;
    const k = (cells(s, row) ?? []).findIndex((c) => c.start <= at && at < c.end);
    return k > 0 ? t.columns[k] : undefined;
  }
  return undefined;
}

/** Is line `range` a row or the header of a table? */
export function inTable(tables: readonly TextTable[], range: Range): boolean {
  return tables.some((t) => t.header.start === range.start || t.rows.some((r) => r.start === range.start));
}
