/**
 * The text an extractor works on: the original, its aligned Simplified copy (same code
 * points, so the same offsets), and conversion between UTF-16 indices (what RegExp gives) and
 * code point offsets (what the graph stores). Quotation marks are normalised here, once: the
 * copy writes every quotation as “…” or ‘…’ (corner, vertical and full-width styles come from
 * data/variants.json, straight ones are paired below), so no later rule depends on the style.
 */
import { toAlignedSimplified } from "../article/script.js";
import type { Span } from "../types.js";

/** Original text plus its aligned Simplified copy and offset maps. */
export class Text {
  readonly original: string;
  /** Simplified, half-width copy; matching runs on this. */
  readonly s: string;
  /** UTF-16 index in `original` of each code point offset (only when it has astral characters). */
  private readonly originalU16: Int32Array | undefined;
  /** Code point index of each UTF-16 index of `s` (only when `s` has astral characters). */
  private readonly cpOf: Int32Array | undefined;

  constructor(original: string) {
    this.original = original;
    this.s = pairStraightQuotes(toAlignedSimplified(original));
    let cps = 0;
    for (let i = 0; i < original.length; i++) if (!pairStart(original, i)) cps++;
    if (cps !== original.length) {
      const map = new Int32Array(cps + 1);
      let cp = 0;
      for (let i = 0; i < original.length; i++) if (!pairStart(original, i)) map[++cp] = i + 1;
      this.originalU16 = map;
    }
    if (this.s.length !== cps) {
      const map = new Int32Array(this.s.length + 1);
      let cp = 0;
      for (let i = 0; i < this.s.length; i++) {
        map[i] = cp;
        if (!pairStart(this.s, i)) cp++;
      }
      map[this.s.length] = cp;
      this.cpOf = map;
    }
  }

  /** Code point offset of a UTF-16 index of `s`. */
  cp(u16: number): number {
    return this.cpOf === undefined ? u16 : (this.cpOf[u16] ?? 0);
  }

  /** UTF-16 index in `s` of a code point offset. */
  u16(cp: number): number {
    if (this.cpOf === undefined) return cp;
    let lo = 0;
    let hi = this.s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cpOf[mid] ?? 0) < cp) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** A span of the ORIGINAL text from UTF-16 indices of `s`. */
  span(u16Start: number, u16End: number): Span {
    const start = this.cp(u16Start);
    const end = this.cp(u16End);
    // A slice, not a copy: a sentence's context of each of its numbers costs nothing (a
    // sentence of many thousand numbers was quadratic in time and memory).
    const o = this.originalU16;
    return {
      start,
      end,
      exact: o === undefined ? this.original.slice(start, end) : this.original.slice(o[start], o[end]),
    };
  }
}

/** Whether a UTF-16 index holds the high half of a surrogate pair (a lone half is a code point of its own). */
function pairStart(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

const HAN = /\p{Script=Han}/u;
/** After a closing quotation mark: punctuation, a space or the end of the line. */
const CLOSES = /^(?:[\s,，。.、;；:：!！?？)）》…]|$)/u;
/** Before an opening quotation mark: the start of the line, a space or punctuation. */
const OPENS = /(?:^|[\s,，。、;；:：!！?？(（《])$/u;

/**
 * Writes straight quotation marks as curly ones, one code point for one. A double mark is a
 * closing one before punctuation or the end of the line, an opening one after punctuation or
 * at the start of the line, and otherwise the opposite of the mark before it on the line, so
 * that a quotation missing one mark spoils no more than itself. Single marks become ‘…’ only
 * in pairs around Chinese text (an apostrophe in a Latin name stays).
 */
export function pairStraightQuotes(s: string): string {
  if (!s.includes('"') && !s.includes("'")) return s;
  return s
    .split("\n")
    .map((line) => {
      let inside = false;
      const doubled = line.replace(/"/gu, (_q, at: number) => {
        const closes = CLOSES.test(line.slice(at + 1, at + 2));
        const opens = !closes && OPENS.test(line.slice(Math.max(0, at - 1), at));
        inside = closes ? false : opens ? true : !inside;
        return inside ? "“" : "”";
      });
      return doubled.replace(/'([^'\n]{1,40})'/gu, (m, inner: string) => (HAN.test(inner) ? `‘${inner}’` : m));
    })
    .join("\n");
}
