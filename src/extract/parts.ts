/**
 * Subtotals: "减贫5万人，其中易地搬迁2万人" — the 2万 is part of the 5万, and a query that sums
 * must not add it to its whole. A number in a clause that starts with a part cue (其中, 包括,
 * 含: data/lexicon.json `parts`), or in parentheses that start with one, is part of the
 * nearest preceding number of the same unit before the cue in the same sentence; when the cue
 * starts the sentence, of the last number of that unit in the previous sentence. A cue that
 * stands alone ("其中：") opens a scope up to the end of the sentence; "包括…在内" states a
 * total, not a part. Only quantities that add up take part: not rates (%), not averages
 * (人均收入), and a "part" larger than its whole is no part (the reading is wrong).
 */
import { lexicon } from "./lexicon.js";
import type { Quantity } from "./quantities.js";
import { containing, type Range, type Sentence } from "./segment.js";
import { wordList } from "./words.js";

/** A stretch of a sentence whose numbers are parts of a number before `cue`. */
interface Scope extends Range {
  /** Where the cue word starts. */
  readonly cue: number;
  /** The cue starts its sentence: the whole is in the previous sentence. */
  readonly opensSentence: boolean;
}

/** Where the cue word a stretch of text starts with begins (leading spaces and marks skipped), and what follows it. */
function cueAt(s: string, r: Range): { at: number; rest: string } | undefined {
  const text = s.slice(r.start, r.end);
  const lead = text.length - text.replace(/^[\s“‘(（]+/u, "").length;
  const body = text.slice(lead);
  const { cues, notWith } = lexicon().raw.parts;
  const cue = cues.find((c) => body.startsWith(c));
  // "包括贫困人口在内的3万人": the number is the total, not a part
  if (cue === undefined || wordList(notWith).occursIn(body)) return undefined;
  return { at: r.start + lead, rest: body.slice(cue.length) };
}

/** The part scopes of a sentence, innermost (parentheses) first. */
function scopesOf(s: string, sentence: Sentence, parens: readonly Range[]): Scope[] {
  const out: Scope[] = [];
  for (const p of parens) {
    if (p.start < sentence.start || p.end > sentence.end) continue;
    const cue = cueAt(s, p);
    if (cue !== undefined) out.push({ start: p.start, end: p.end, cue: cue.at, opensSentence: false });
  }
  const first = sentence.clauses[0];
  for (const clause of sentence.clauses) {
    const cue = cueAt(s, clause);
    if (cue === undefined) continue;
    // "其中：" alone: the parts follow in the next clauses
    const alone = /^[有为是\s]*$/u.test(cue.rest);
    out.push({
      start: clause.start,
      end: alone ? sentence.end : clause.end,
      cue: cue.at,
      opensSentence: clause === first,
    });
  }
  return out;
}

/**
 * Maps the index (in `quantities`, sorted by position) of each number that is a part to the
 * index of its whole.
 */
export function partsOf(
  s: string,
  quantities: readonly Quantity[],
  sentences: readonly Sentence[],
  parens: readonly Range[],
): Map<number, number> {
  const parts = new Map<number, number>();
  const lex = lexicon().raw.parts;
  if (!lex.cues.some((c) => s.includes(c))) return parts;
  /** Can the quantity be a part or a whole: a unit that adds up, and not an average. */
  const additive = (q: Quantity): boolean => {
    if (lex.notAdditiveUnits.includes(q.unit)) return false;
    const sentence = containing(sentences, q.start);
    const segment = sentence !== undefined ? containing(sentence.segments, q.start) : undefined;
    const before = s.slice(segment?.start ?? q.start, q.start);
    return !wordList(lex.averages).occursIn(before);
  };
  sentences.forEach((sentence, si) => {
    for (const scope of scopesOf(s, sentence, parens)) {
      const from = scope.opensSentence ? sentences[si - 1] : sentence;
      if (from === undefined) continue;
      quantities.forEach((q, qi) => {
        if (q.start < scope.start || q.start >= scope.end || parts.has(qi) || !additive(q)) return;
        let whole: number | undefined;
        quantities.forEach((w, wi) => {
          if (w.unit === q.unit && w.start >= from.start && w.end <= scope.cue) whole = wi;
        });
        const w = whole === undefined ? undefined : quantities[whole];
        if (whole !== undefined && w !== undefined && additive(w) && Number(q.value) <= Number(w.value))
          parts.set(qi, whole);
      });
    }
  });
  return parts;
}
