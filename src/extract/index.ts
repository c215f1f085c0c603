/**
 * The extractor's entry point: article → places, programs and observations. Pure (the
 * lexicons and the gazetteer are read once): decode → align scripts → segment → find
 * quantities, periods, places, programs → assign each quantity its period, place, indicator
 * and kind → merge repeats of the same fact.
 */
import type { Article, Extraction, Observation, PlaceRef, Span } from "../types.js";
import { blockedSegments, compoundSegments, sharedPredicate } from "./context.js";
import { ArticleCues, CueIndex, classifyIndicator } from "./indicators.js";
import { carriedPeriod, findPeriods, periodOf, sectionPeriods } from "./periods.js";
import { findPlaces, placeOf, respectively, sentenceTopic } from "./places.js";
import { findPrograms, governingPrograms, namedWithFact } from "./programs.js";
import { findQuantities } from "./quantities.js";
import { containing, type Range, type Sentence, segment } from "./segment.js";
import { isTarget } from "./targets.js";
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
  const { programs, hits: programHits } = findPrograms(text, seg, places, periods, excluded);
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
  const articleCues = new ArticleCues(s);
  let cues = new CueIndex(articleCues, { start: 0, end: 0 });
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
      cues = new CueIndex(articleCues, sentence);
    }
    const period =
      periodOf(s, q, sentence, clause, periods, seg.parens) ??
      carriedPeriod(sentence, seg.sentences, periods, seg.parens) ??
      headingPeriods.get(sentence.line) ??
      (headline !== undefined && inside(headline, q.start, q.end) && publishedYear !== undefined
        ? { start: publishedYear, end: publishedYear, phrase: article.published ?? "" }
        : undefined);
    const place = respectively(s, q, clause, places, quantities) ?? placeOf(s, q, clause, places, topic?.place);
    const blocked = blockedSegments(s, quantitySegments, qi, sentence);
    const indicators = sharedPredicate(s, cues, q, clause, blocked, seg.parens) ?? [
      classifyIndicator(cues, q.unit, { segment: segm, clause, sentence, at: q.start, blocked }),
    ];
    const kind = isTarget(s, q, sentence, clause) ? "target" : "result";
    const span = text.span(q.start, q.end);
    const named = namedWithFact(s, programHits, clause, sentence);
    for (const indicator of indicators) {
      const obs: Observation = {
        index: 0,
        indicator,
        value: q.value,
        unit: q.unit,
        span,
        context: text.span(sentence.start, sentence.end),
        kind,
        programs: governingPrograms(indicator, named.programs),
        ...(named.organisations.length > 0 ? { organisations: named.organisations } : {}),
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
