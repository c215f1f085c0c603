/**
 * The extractor's entry point: article → places, programs and observations. Pure (the
 * lexicons and the gazetteer are read once): decode → align scripts → segment → find
 * quantities, periods, places, programs → assign each quantity its period, place, indicator
 * and kind → merge repeats of the same fact.
 */
import type { Article, Extraction, Observation, PlaceRef, Span } from "../types.js";
import { CueIndex, classifyIndicator } from "./indicators.js";
import { lexicon } from "./lexicon.js";
import { findPeriods, type PeriodPhrase } from "./periods.js";
import { type ArticlePlaces, collectivePlace, findPlaces } from "./places.js";
import { findPrograms } from "./programs.js";
import { findQuantities, type Quantity } from "./quantities.js";
import { containing, type Range, type Sentence, segment } from "./segment.js";
import { Text } from "./text.js";

const inside = (r: Range, start: number, end: number) => r.start <= start && end <= r.end;
const overlaps = (r: Range, start: number, end: number) => r.start < end && start < r.end;

/** Longest title (first line) that counts as a headline rather than a lead paragraph. */
const MAX_HEADLINE = 50;
/** Longest quotation that is a name (“432”, “七个一批”) rather than quoted speech. */
const MAX_NAME_QUOTE = 15;

/** Extracts every numeric fact of an article. */
export function extract(article: Article): Extraction {
  const text = new Text(article.text);
  const s = text.s;
  const seg = segment(s);
  const excluded = (a: number, b: number) => seg.excluded.some((r) => overlaps(r, a, b));
  const publishedYear = article.published !== undefined ? Number(article.published.slice(0, 4)) : undefined;
  const firstLine = seg.lines.find((l) => s.slice(l.start, l.end).trim() !== "");
  const headline =
    firstLine !== undefined && firstLine.end - firstLine.start <= MAX_HEADLINE && seg.lines.length > 1
      ? firstLine
      : undefined;
  const periods = findPeriods(s, publishedYear).filter((p) => !excluded(p.start, p.end));
  const places = findPlaces(text, excluded, firstLine?.end ?? 0);
  const { programs, hits: programHits } = findPrograms(text, seg, places.hits, periods, excluded);
  const skip = (a: number, b: number) =>
    excluded(a, b) ||
    seg.quotes.some((q) => q.start <= a && a < q.end && q.end - q.start <= MAX_NAME_QUOTE) ||
    periods.some((p) => overlaps(p, a, b));
  const quantities = findQuantities(s, skip);
  const headingPeriods = sectionPeriods(s, seg, periods, firstLine);
  const quantitySegments = compoundSegments(s, quantities, seg.sentences);

  const observations: Observation[] = [];
  const byKey = new Map<string, { obs: Observation; repeats: Span[] }>();
  let topic: { line: number; place: PlaceRef } | undefined;
  let lastSentence: Sentence | undefined;
  let cues = new CueIndex(s, { start: 0, end: 0 });
  for (const [qi, q] of quantities.entries()) {
    const sentence = containing(seg.sentences, q.start);
    if (sentence === undefined) continue;
    const clause = containing(sentence.clauses, q.start) ?? sentence;
    const segm = quantitySegments[qi] ?? clause;
    if (sentence !== lastSentence) {
      const t = sentenceTopic(places, sentence);
      if (t !== undefined) topic = { line: sentence.line, place: t };
      else if (topic !== undefined && topic.line !== sentence.line) topic = undefined;
      lastSentence = sentence;
      cues = new CueIndex(s, sentence);
    }
    const period =
      periodOf(s, q, sentence, clause, periods, seg.parens) ??
      headingPeriods.get(sentence.line) ??
      (headline !== undefined && inside(headline, q.start, q.end) && publishedYear !== undefined
        ? { start: publishedYear, end: publishedYear, phrase: article.published ?? "" }
        : undefined);
    const place = placeOf(s, q, sentence, clause, places, topic?.place);
    const blocked = blockedSegments(s, quantitySegments, qi, sentence);
    const indicators = sharedPredicate(s, cues, q, clause, sentence, blocked, seg.parens) ?? [
      classifyIndicator(cues, q.unit, { segment: segm, clause, sentence, at: q.start, blocked }),
    ];
    const kind = isTarget(s, q, sentence, clause) ? "target" : "result";
    const span = text.span(q.start, q.end);
    for (const indicator of indicators) {
      const obs: Observation = {
        index: 0,
        indicator,
        value: q.value,
        unit: q.unit,
        span,
        context: text.span(sentence.start, sentence.end),
        kind,
        programs: [...new Set(programHits.filter((h) => inside(clause, h.start, h.end)).map((h) => h.id))],
        ...(place !== undefined ? { place } : {}),
        ...(period !== undefined ? { period } : {}),
        ...(q.approximation !== undefined ? { approximation: q.approximation } : {}),
        ...(q.bound !== undefined ? { bound: q.bound } : {}),
        ...(q.direction !== undefined ? { direction: q.direction } : {}),
      };
      const key = [
        indicator,
        place?.code,
        period?.start,
        period?.end,
        q.value,
        q.unit,
        kind,
        q.bound,
        q.direction,
      ].join("|");
      const seen = byKey.get(key);
      if (seen !== undefined) {
        seen.repeats.push(span);
        continue;
      }
      const entry = { obs, repeats: [] as Span[] };
      byKey.set(key, entry);
    }
  }
  for (const { obs, repeats } of byKey.values())
    observations.push({ ...obs, index: observations.length + 1, ...(repeats.length > 0 ? { repeats } : {}) });
  return {
    article,
    places: places.hits.map((h) => ({ place: h.place, span: text.span(h.start, h.end) })),
    programs,
    observations,
    ...(places.main !== undefined ? { mainPlace: places.main } : {}),
  };
}

/**
 * The segment of each quantity, where a compound ("4.26万户13.6万人", "1.73万户、5.63万人")
 * shares one segment: the union of its members' segments.
 */
function compoundSegments(
  s: string,
  quantities: readonly Quantity[],
  sentences: readonly Sentence[],
): (Range | undefined)[] {
  const own = quantities.map((q) => {
    const sentence = containing(sentences, q.start);
    return sentence === undefined ? undefined : containing(sentence.segments, q.start);
  });
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

/** The period of a quantity: a phrase modifying it, else the last phrase in reach before it. */
function periodOf(
  s: string,
  q: Quantity,
  sentence: Sentence,
  clause: Range,
  periods: readonly PeriodPhrase[],
  parens: readonly Range[],
) {
  const paren = containing(parens, q.start);
  let found: PeriodPhrase | undefined;
  for (const p of periods) {
    if (p.start < sentence.start || p.end > q.prefixStart) continue;
    const pParen = containing(parens, p.start);
    if (pParen !== undefined && pParen !== paren) continue; // a phrase inside other parentheses
    if (p.reach === "local" && !/^\s*的\s*$/u.test(s.slice(p.end, q.prefixStart))) continue;
    if (p.reach === "clause" && !inside(clause, p.start, p.end)) continue;
    found = p;
  }
  if (found === undefined) {
    // "18个县在2018年实现脱贫摘帽": a scope phrase later in the same clause
    found = periods.find(
      (p) => p.start >= q.end && p.end <= clause.end && p.reach === "scope" && containing(parens, p.start) === paren,
    );
  }
  return found?.period;
}

/**
 * "农村电力入户率、卫生室覆盖率均达100%": one value shared by several indicators listed with
 * 、 before 均/都. Returns one indicator per listed item, or undefined when not such a case.
 */
function sharedPredicate(
  s: string,
  cues: CueIndex,
  q: Quantity,
  clause: Range,
  sentence: Sentence,
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
  void sentence;
  return out.size > 1 ? [...out] : undefined;
}

/**
 * Segments whose cues belong to other quantities. A segment that continues the one before it
 * ("发放小额信贷41.7亿元，惠及贫困户8.6万户") may use that one's cues.
 */
function blockedSegments(s: string, segments: readonly (Range | undefined)[], qi: number, sentence: Sentence): Range[] {
  const own = segments[qi];
  let previous: Range | undefined;
  if (own !== undefined) {
    const lead = s.slice(own.start, own.end).replace(/^(?:共|累计|还|并|同时)/u, "");
    if (lexicon().raw.continuationVerbs.some((v) => lead.startsWith(v)))
      previous = [...sentence.segments].reverse().find((r) => r.end <= own.start);
  }
  return segments.filter(
    (r): r is Range =>
      r !== undefined && r !== own && (previous === undefined || !(r.start <= previous.start && previous.end <= r.end)),
  );
}

/** Longest line that can be a section heading ("一、2015年以来的成效"). */
const MAX_HEADING = 30;

/**
 * The period a section heading gives to the lines under it: a short line without a full stop
 * that holds a period phrase starts a section; another heading ends it.
 */
function sectionPeriods(
  s: string,
  seg: ReturnType<typeof segment>,
  periods: readonly PeriodPhrase[],
  title: Range | undefined,
): Map<number, PeriodPhrase["period"]> {
  const out = new Map<number, PeriodPhrase["period"]>();
  let current: PeriodPhrase["period"] | undefined;
  seg.lines.forEach((line, i) => {
    const text = s.slice(line.start, line.end).trim();
    if (text === "" || line.boilerplate || line === title) return;
    if ([...text].length <= MAX_HEADING && !/[。！？!?；;]/u.test(text)) {
      current = periods.find((p) => p.reach === "scope" && inside(line, p.start, p.end))?.period;
      return;
    }
    if (current !== undefined) out.set(i, current);
  });
  return out;
}

/** First subject place (or collective phrase) of a sentence. */
function sentenceTopic(places: ArticlePlaces, sentence: Sentence): PlaceRef | undefined {
  const hit = places.hits.find((h) => h.role === "subject" && inside(sentence, h.start, h.end));
  const col = places.collective.find((c) => inside(sentence, c.start, c.end));
  if (col !== undefined && (hit === undefined || col.start < hit.start)) return collectivePlace(places, col.level);
  return hit?.place;
}

/** The place of a quantity: a subject in its clause before it, else the topic, else the article's place. */
function placeOf(
  s: string,
  q: Quantity,
  sentence: Sentence,
  clause: Range,
  places: ArticlePlaces,
  topic: PlaceRef | undefined,
): PlaceRef | undefined {
  let place: PlaceRef | undefined;
  let at = -1;
  for (const h of places.hits)
    if (h.role === "subject" && inside(clause, h.start, h.end) && h.end <= q.prefixStart && h.start > at) {
      place = h.place;
      at = h.start;
    }
  for (const c of places.collective)
    if (inside(clause, c.start, c.end) && c.end <= q.prefixStart && c.start > at) {
      // "通渭县全县": the collective phrase repeats the place just named
      if (place === undefined || place.level !== c.level) place = collectivePlace(places, c.level);
      at = c.start;
    }
  place ??= topic ?? places.main;
  void sentence;
  // a count of counties belongs to a prefecture or province, not to a county
  if (place !== undefined && place.level === "county" && countsDivisions(s, q)) {
    place = places.gazetteer.ancestors(place.code)[0] ?? place;
  }
  return place;
}

function countsDivisions(s: string, q: Quantity): boolean {
  if (q.unit !== "COUNT") return false;
  const after = s.slice(q.end, q.end + 6).replace(/^(贫困|深度贫困|国家级|省级)/u, "");
  return lexicon().raw.divisionCountNouns.some((n) => after.startsWith(n.replace(/^贫困/u, "")));
}

/** Plans and targets (计划退出…, …的目标任务, 届时…) are kept apart from results. */
function isTarget(s: string, q: Quantity, sentence: Sentence, clause: Range): boolean {
  const r = lexicon().raw;
  const before = s.slice(sentence.start, q.prefixStart);
  const standalone = ["力争", "预计", "届时", "目标是", "有望"];
  if (standalone.some((w) => before.includes(w))) return true;
  for (const cue of r.targetCues) {
    for (let i = before.indexOf(cue); i >= 0; i = before.indexOf(cue, i + 1)) {
      const rest = before.slice(i + cue.length).replace(/^(?:全县|全市|全省|全州|再|要|在|于)/u, "");
      const verb = r.targetVerbsAfterCue.find((v) => rest.startsWith(v));
      if (verb === undefined) continue;
      const next = rest.slice(verb.length);
      if (/^(?:户|人口|群众|村)/u.test(next)) continue; // 计划脱贫户: a noun, not a plan
      return true;
    }
  }
  const after = s.slice(q.end, clause.end);
  return (
    /目标任务|的目标|的任务/u.test(after) && !/(?:实现|完成|达到)[^，,。]*目标/u.test(s.slice(clause.start, clause.end))
  );
}
