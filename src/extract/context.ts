/**
 * The context of each quantity for indicator classification: compounds that share a segment
 * ("4.26万户13.6万人"), segments whose cues belong to other quantities, and shared predicates
 * ("农村电力入户率、卫生室覆盖率均达100%": one indicator per listed item).
 */
import { type CueIndex, classifyIndicator } from "./indicators.js";
import { lexicon } from "./lexicon.js";
import type { Quantity } from "./quantities.js";
import { containing, type Range, type Sentence } from "./segment.js";

/**
 * The segment of each quantity, where a compound ("4.26万户13.6万人", "2.04万户、6.81万人")
 * shares one segment: the union of its members' segments.
 */
export function compoundSegments(
  s: string,
  quantities: readonly Quantity[],
  sentences: readonly Sentence[],
): (Range | undefined)[] {
  const own = quantities.map((q) => {
    const sentence = containing(sentences, q.start);
    return sentence === undefined ? undefined : containing(sentence.segments, q.start);
  });
  // "52个贫困县和113个贫困村": a count with its own noun after 和/及/与 starts a segment of its own,
  // so the noun of the count before it is not its noun (the one before keeps the shared predicate:
  // "95个贫困村及28个深度贫困村全部退出")
  for (let i = 1; i < quantities.length; i++) {
    const prev = quantities[i - 1] as Quantity;
    const cur = quantities[i] as Quantity;
    const a = own[i - 1];
    const b = own[i];
    if (a === undefined || b === undefined || a.end !== b.end || b.start > prev.start) continue;
    if (!/^\p{Script=Han}{1,8}?(?:和|及|与|以及)$/u.test(s.slice(prev.end, cur.prefixStart))) continue;
    own[i] = { start: cur.prefixStart, end: b.end };
  }
  const out = [...own];
  let groupStart = 0;
  for (let i = 1; i <= quantities.length; i++) {
    const prev = quantities[i - 1] as Quantity;
    const cur = quantities[i];
    const joined = cur !== undefined && /^[、和及与]?$/u.test(s.slice(prev.end, cur.prefixStart));
    if (joined) continue;
    const members = own.slice(groupStart, i).filter((r): r is Range => r !== undefined);
    if (members.length > 1) {
      const union = { start: Math.min(...members.map((r) => r.start)), end: Math.max(...members.map((r) => r.end)) };
      for (let j = groupStart; j < i; j++) out[j] = union;
    }
    groupStart = i;
  }
  return out;
}

/**
 * "农村电力入户率、卫生室覆盖率均达100%": one value shared by several indicators listed with
 * 、 before 均/都. Returns one indicator per listed item, or undefined when not such a case.
 */
export function sharedPredicate(
  s: string,
  cues: CueIndex,
  q: Quantity,
  clause: Range,
  blocked: readonly Range[],
  parens: readonly Range[],
) {
  const head = s.slice(clause.start, q.prefixStart);
  const m = /(?:均|都|全部|皆)(?:已|已经)?(?:达到|达|为|是|超过|高于|低于|在)?$/u.exec(head);
  if (m === null) return undefined;
  // the listed items: split at 、 and at 和/及/与 between them
  const items: Range[] = [];
  let start = clause.start;
  const end = q.prefixStart - m[0].length;
  const sep = /、|和|及|与/gu;
  const text = s.slice(clause.start, end);
  for (let x = sep.exec(text); x !== null; x = sep.exec(text)) {
    if (containing(parens, clause.start + x.index) !== undefined) continue;
    items.push({ start, end: clause.start + x.index });
    start = clause.start + x.index + x[0].length;
  }
  items.push({ start, end });
  if (items.length < 2) return undefined;
  const out = new Set<string>();
  for (const item of items) {
    out.add(classifyIndicator(cues, q.unit, { segment: item, clause: item, sentence: item, at: item.end, blocked }));
  }
  return out.size > 1 ? [...out] : undefined;
}

/**
 * The segments of `segments` (one per quantity) that overlap `sentence`, in their order: the
 * only ones blockedSegments can return that matter, since cues are looked up in the sentence of
 * the number (CueIndex) and a blocked segment only hides the cue positions it contains.
 */
export function segmentsInSentence(segments: readonly (Range | undefined)[], sentence: Range): Range[] {
  const out: Range[] = [];
  for (const r of segments) if (r !== undefined && r.start < sentence.end && sentence.start < r.end) out.push(r);
  return out;
}

/**
 * Segments whose cues belong to other quantities. A segment that continues the one before it
 * ("发放小额信贷41.7亿元，惠及贫困户8.6万户") may use that one's cues. `near` is the list to
 * filter: every segment of `segments`, or only those that overlap the sentence
 * (segmentsInSentence: the same answer for cues of the sentence, without a pass over every
 * quantity of the article for each quantity).
 */
export function blockedSegments(
  s: string,
  segments: readonly (Range | undefined)[],
  qi: number,
  sentence: Sentence,
  near: readonly (Range | undefined)[] = segments,
): Range[] {
  const own = segments[qi];
  let previous: Range | undefined;
  if (own !== undefined) {
    const lead = s.slice(own.start, own.end).replace(/^(?:共|累计|还|并|同时)/u, "");
    if (lexicon().raw.continuationVerbs.some((v) => lead.startsWith(v)))
      previous = [...sentence.segments].reverse().find((r) => r.end <= own.start);
  }
  return near.filter(
    (r): r is Range =>
      r !== undefined && r !== own && (previous === undefined || !(r.start <= previous.start && previous.end <= r.end)),
  );
}

/**
 * "3个国定贫困县、12个省定贫困县脱贫", "栾川县等19个国定贫困县，与伊川县等14个省定贫困县退出
 * 贫困县序列": counts listed with the same noun share the predicate written after the last one.
 * Returns that predicate's range for quantity `qi`, or undefined when the number is not the
 * head of such a list (the segments after its own are joined by 、 or by ，与/和/及 and each
 * holds a count of the same noun).
 */
export function sharedTail(
  s: string,
  quantities: readonly Quantity[],
  qi: number,
  sentence: Sentence,
): Range | undefined {
  const q = quantities[qi] as Quantity;
  const segs = sentence.segments;
  let i = segs.findIndex((r) => r.start <= q.start && q.start < r.end);
  const own = segs[i];
  if (own === undefined) return undefined;
  const noun = s.slice(q.end, own.end);
  const nounTail = noun.slice(-3);
  if (nounTail.length < 2 || !/^\p{Script=Han}+$/u.test(nounTail)) return undefined;
  let last: Quantity | undefined;
  let lastSeg: Range | undefined;
  while (i + 1 < segs.length) {
    const cur = segs[i] as Range;
    const next = segs[i + 1] as Range;
    const sep = s.slice(cur.end, next.start);
    const joined = sep === "、" || (/^[，,]$/u.test(sep) && /^(?:与|和|及|以及)/u.test(s.slice(next.start, next.end)));
    if (!joined) break;
    const inNext = quantities.filter((x) => x.start >= next.start && x.end <= next.end);
    if (inNext.length !== 1) break;
    last = inNext[0];
    lastSeg = next;
    i++;
  }
  if (last === undefined || lastSeg === undefined) {
    // "…等17个贫困县，正式退出贫困县序列": a subject clause ending in its noun takes the predicate
    // of the next clause when that one holds no number of its own
    const clause = sentence.clauses.find((c) => c.start <= q.start && q.start < c.end);
    const next = clause === undefined ? undefined : sentence.clauses[sentence.clauses.indexOf(clause) + 1];
    if (clause === undefined || own.end !== clause.end || next === undefined) return undefined;
    if (quantities.some((x) => x.start >= next.start && x.start < next.end)) return undefined;
    return next;
  }
  const tail = s.slice(last.end, lastSeg.end);
  const at = tail.indexOf(nounTail);
  if (at < 0) return undefined;
  const start = last.end + at + nounTail.length;
  return start < lastSeg.end ? { start, end: lastSeg.end } : undefined;
}

/** "167个贫困村中有154个退出": the first count is the set (a stock), the second does the verb. */
export function namesASet(s: string, q: Quantity): boolean {
  return /^\p{Script=Han}{0,6}?(?:中|当中|之中)(?:有|[，,])/u.test(s.slice(q.end, q.end + 12));
}
