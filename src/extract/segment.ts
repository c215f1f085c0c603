/**
 * Segmentation of the (Simplified, aligned) text into lines, sentences and clauses, and the
 * parts that never hold facts: boilerplate lines (captions, bylines, footers) and datelines.
 * All positions are UTF-16 indices into `Text.s`.
 */
import { codeUnits, hasUnit, type UnitSet } from "../article/script.js";
import { lexicon } from "./lexicon.js";
import { wordList } from "./words.js";

/** A stretch [start, end) of the text. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A sentence with its clauses (split at ，；：) and segments (also split at 、). */
export interface Sentence extends Range {
  /** Index of the line (paragraph) it is on. */
  readonly line: number;
  readonly clauses: readonly Range[];
  readonly segments: readonly Range[];
}

/** The segmented text. */
export interface Segmentation {
  readonly lines: readonly (Range & { readonly boilerplate: boolean })[];
  readonly sentences: readonly Sentence[];
  /** Ranges that hold no facts: boilerplate lines and datelines. */
  readonly excluded: readonly Range[];
  /** Quoted stretches “…” / ‘…’ / 《…》 (inner ranges), for names; Text.s has no other quote style. */
  readonly quotes: readonly (Range & { readonly kind: "quote" | "title" })[];
  /** Parenthesised stretches (inner ranges). */
  readonly parens: readonly Range[];
}

const SENTENCE_END = /[。！？!?…]+|\n/gu;
/** Separators of clauses and of segments, as sets of UTF-16 code units (the hot path tests every character). */
const CLAUSE_SEP = codeUnits("，,;；:：");
const SEGMENT_SEP = codeUnits("，,;；:：、");
/** Closing quotes and brackets that belong to the sentence before them. */
const CLOSING = new Set([...'”’"」』)）'].map((c) => c.charCodeAt(0)));
const [OPEN, OPEN_WIDE, CLOSE, CLOSE_WIDE, COMMA] = [..."(（)）,"].map((c) => c.charCodeAt(0));
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Splits a range at separators that are not inside parentheses ("县(市、区)" stays whole). */
function splitRanges(s: string, range: Range, sep: UnitSet): Range[] {
  const out: Range[] = [];
  let start = range.start;
  let depth = 0;
  for (let i = range.start; i < range.end; i++) {
    const ch = s.charCodeAt(i);
    if (ch === OPEN || ch === OPEN_WIDE) depth++;
    else if ((ch === CLOSE || ch === CLOSE_WIDE) && depth > 0) depth--;
    // "2,159个": a thousands separator between digits splits nothing
    else if (
      depth === 0 &&
      hasUnit(sep, ch) &&
      !(ch === COMMA && isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1)))
    ) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (range.end > start) out.push({ start, end: range.end });
  return out;
}

let datelineRe: RegExp | undefined;

/** Is a line boilerplate: a strong marker anywhere, or a short line with a caption/byline marker? */
export function isBoilerplateLine(line: string): boolean {
  const b = lexicon().raw.boilerplate;
  if (wordList(b.strong).occursIn(line)) return true;
  // "某某日报讯（记者 某某）今年以来，…": the byline of a dateline does not make its sentence one
  datelineRe ??= new RegExp(b.dateline, "u");
  const dateline = datelineRe.exec(line)?.[0] ?? "";
  const body = line.slice(dateline.length);
  if (dateline !== "" && /[，,]/u.test(body) && /[。！!]\s*$/u.test(body)) return false;
  // code points counted only when the UTF-16 length leaves a doubt ([...line] of a paragraph is garbage)
  const max = b.maxShortLine;
  if (line.length > max && (line.length > 2 * max || [...line].length > max)) return false;
  if (!wordList(b.shortLine).occursIn(line)) return false;
  // "记者从省扶贫办获悉，全省减贫12万人。": a sentence that names its reporter is not a byline
  const reports = wordList(lexicon().raw.reportingFrame.words).occursIn(line);
  return !(reports && /[，,]/u.test(line) && /[。！!]\s*$/u.test(line));
}

/** Segments a Simplified text. */
export function segment(s: string): Segmentation {
  datelineRe ??= new RegExp(lexicon().raw.boilerplate.dateline, "u");
  const lines: (Range & { boilerplate: boolean })[] = [];
  const excluded: Range[] = [];
  let pos = 0;
  for (const raw of s.split("\n")) {
    const range = { start: pos, end: pos + raw.length };
    const boilerplate = raw.trim() !== "" && isBoilerplateLine(raw);
    // object literals, not spreads ({ ...range, boilerplate }): a spread copy is several times slower
    lines.push({ start: range.start, end: range.end, boilerplate });
    if (boilerplate) excluded.push(range);
    else {
      const m = datelineRe.exec(raw);
      if (m && m[0].length > 0) excluded.push({ start: pos, end: pos + m[0].length });
    }
    pos += raw.length + 1;
  }
  const sentences: Sentence[] = [];
  lines.forEach((line, li) => {
    if (line.boilerplate) return;
    let start = line.start;
    const text = s.slice(line.start, line.end);
    SENTENCE_END.lastIndex = 0;
    const ends: number[] = [];
    for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text))
      ends.push(line.start + m.index + m[0].length);
    ends.push(line.end);
    for (let end of ends) {
      // a closing quote right after the full stop belongs to the sentence
      while (end < line.end && CLOSING.has(s.charCodeAt(end))) end++;
      if (end <= start) continue;
      if (s.slice(start, end).trim() !== "") {
        const r = { start, end };
        sentences.push({
          start,
          end,
          line: li,
          clauses: splitRanges(s, r, CLAUSE_SEP),
          segments: splitRanges(s, r, SEGMENT_SEP),
        });
      }
      start = end;
    }
  });
  return { lines, sentences, excluded, quotes: findPairs(s), parens: findParens(s) };
}

function findPairs(s: string): (Range & { kind: "quote" | "title" })[] {
  const out: (Range & { kind: "quote" | "title" })[] = [];
  const re = /“([^“”\n]{1,40})”|‘([^‘’\n]{1,40})’|《([^《》\n]{1,60})》/gu;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out.push({ start: m.index + 1, end: m.index + m[0].length - 1, kind: m[3] !== undefined ? "title" : "quote" });
  }
  return out;
}

function findParens(s: string): Range[] {
  const out: Range[] = [];
  const re = /[(（]([^()（）\n]{0,80})[)）]/gu;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) out.push({ start: m.index + 1, end: m.index + m[0].length - 1 });
  return out;
}

/** The range in `list` (sorted by start, not overlapping) that contains position `i`, if any. */
export function containing<T extends Range>(list: readonly T[], i: number): T | undefined {
  // the lists are sorted by start and do not overlap: binary search for the last start ≤ i
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as T).start <= i) lo = mid + 1;
    else hi = mid;
  }
  const r = list[lo - 1];
  return r !== undefined && i < r.end ? r : undefined;
}
