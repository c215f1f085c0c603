/**
 * The extractor's entry point: article → places, programs and observations. Pure (the
 * lexicons and the gazetteer are read once): decode → align scripts → segment → find
 * quantities, periods, places, programs → assign each quantity its period, place, indicator
 * and kind → merge repeats of the same fact → link subtotals (其中) to their wholes.
 */
import type { Article, Extraction, Observation, Period, PlaceRef, Span } from "../types.js";
import {
  blockedSegments,
  compoundSegments,
  namesASet,
  segmentsInSentence,
  sharedPredicate,
  sharedTail,
} from "./context.js";
import { donorAndRecipient } from "./donors.js";
import { levelReached, parallelEcho } from "./echo.js";
import { growthOf } from "./growth.js";
import {
  ArticleCues,
  CueIndex,
  classifyIndicator,
  exitOfHouseholds,
  isCumulative,
  isFallback,
  personsOf,
  reportedIndicator,
} from "./indicators.js";
import { lexicon } from "./lexicon.js";
import { withLocalities } from "./localities.js";
import { datedByBody, merge } from "./merge.js";
import { partsOf } from "./parts.js";
import { findPeriods } from "./periods.js";
import { partTopic, placeOf, respectively, sentenceTopic } from "./place-scope.js";
import { findPlaces, withMainPlace } from "./places.js";
import { findPrograms, governingPrograms, namedWithFact } from "./programs.js";
import { findQuantities } from "./quantities.js";
import {
  type Binding,
  changePartner,
  FROM_VALUE,
  leadPeriods,
  type PeriodContext,
  quantityGroups,
  resolvePeriod,
  sectionPeriods,
} from "./scope.js";
import { containing, type Range, type Segmentation, type Sentence, segment } from "./segment.js";
import { columnOf, findTables } from "./tables.js";
import { isTarget } from "./targets.js";
import { Text } from "./text.js";
import { wordList } from "./words.js";

const inside = (r: Range, start: number, end: number) => r.start <= start && end <= r.end;
const overlaps = (r: Range, start: number, end: number) => r.start < end && start < r.end;

/** A value of `T` under construction (its properties assigned one by one). */
type Draft<T> = { -readonly [K in keyof T]: T[K] };

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
  const periods = findPeriods(
    s,
    publishedYear,
    article.published !== undefined ? Number(article.published.slice(5, 7)) || undefined : undefined,
  ).filter((p) => !excluded(p.start, p.end));
  const found = findPlaces(text, excluded, firstLine?.end ?? 0);
  const local = withLocalities(s, found);
  const places = local === found ? found : withMainPlace(s, local, firstLine?.end ?? 0);
  const { programs, hits: programHits } = findPrograms(text, seg, places, periods, excluded);
  const skip = (a: number, b: number) =>
    excluded(a, b) ||
    seg.quotes.some((q) => q.start <= a && a < q.end && q.end - q.start <= MAX_NAME_QUOTE) ||
    periods.some((p) => overlaps(p, a, b)) ||
    // 三台县, 五家渠市, 七台河市: a numeral inside a place name is no number
    places.hits.some((h) => overlaps(h, a, b));
  const quantities = findQuantities(s, skip);
  const quantitySegments = compoundSegments(s, quantities, seg.sentences);
  const tables = findTables(s, seg.lines);
  const periodContext: PeriodContext = {
    s,
    seg,
    periods,
    quantities,
    groupOf: quantityGroups(s, quantities),
    sections: sectionPeriods(s, seg, periods, firstLine, tables),
    leads: leadPeriods(s, seg, periods, firstLine, tables),
  };

  const candidates: Observation[] = [];
  const headlineFacts = new Set<Observation>();
  const chosen: (readonly string[] | undefined)[] = [];
  let topic: { line: number; place: Binding<PlaceRef> } | undefined;
  const parts = partsOf(s, quantities, seg.sentences, seg.parens);
  const quantityOf = new Map<Observation, number>();
  let lastSentence: Sentence | undefined;
  /** The span of the sentence of the facts, made once per sentence. */
  let contextOf: Sentence | undefined;
  let context: Span = { start: 0, end: 0, exact: "" };
  let topicAt = 0;
  const articleCues = new ArticleCues(s);
  let cues = new CueIndex(articleCues, { start: 0, end: 0 });
  /** The quantities' segments that overlap the sentence: a segment elsewhere blocks no cue of it. */
  let nearSegments: readonly Range[] = [];
  for (const [qi, q] of quantities.entries()) {
    const sentence = containing(seg.sentences, q.start);
    if (sentence === undefined) continue;
    const clause = containing(sentence.clauses, q.start) ?? sentence;
    const segm = quantitySegments[qi] ?? clause;
    if (sentence !== lastSentence) {
      // the topic follows every sentence up to this one, with or without numbers
      for (
        ;
        topicAt < seg.sentences.length && (seg.sentences[topicAt] as Sentence).start <= sentence.start;
        topicAt++
      ) {
        const each = seg.sentences[topicAt] as Sentence;
        const t = sentenceTopic(s, places, each);
        if (t !== undefined) topic = { line: each.line, place: t };
        else if (topic !== undefined && topic.line !== each.line && !speechAfter(s, seg, topic.line, each.line))
          topic = undefined;
        else if (topic !== undefined) topic = { line: each.line, place: { ...topic.place, level: "paragraph" } };
      }
      lastSentence = sentence;
      cues = new CueIndex(articleCues, sentence);
      nearSegments = segmentsInSentence(quantitySegments, sentence);
    }
    const inHeadline = headline !== undefined && inside(headline, q.start, q.end);
    const periodBinding: Binding<Period> | undefined =
      resolvePeriod(periodContext, qi, sentence, clause) ??
      (inHeadline && publishedYear !== undefined
        ? {
            value: { start: publishedYear, end: publishedYear, phrase: article.published ?? "" },
            level: "document",
            rule: "headline dated by publication",
          }
        : undefined);
    const placeBinding =
      respectively(s, q, clause, places, quantities) ??
      placeOf(s, q, clause, places, partTopic(s, places, sentence, q.start) ?? topic?.place);
    const gift = donorAndRecipient(s, sentence, places, placeBinding?.value);
    const placeBound: Binding<PlaceRef> | undefined =
      gift === undefined
        ? placeBinding
        : {
            value: gift.recipient,
            level: placeBinding?.level ?? "sentence",
            rule: "the receiving place",
            cue: gift.cue,
          };
    const place = placeBound?.value;
    const tail = sharedTail(s, quantities, qi, sentence);
    // "790个贫困村中，已有789个实现退出": a member count reads the noun of its set
    const set = qi > 0 ? quantities[qi - 1] : undefined;
    const ofSet = set !== undefined && set.start >= sentence.start && q.start - set.end <= 16 && namesASet(s, set);
    const fromSet = ofSet ? set.start : clause.start;
    const blocked = blockedSegments(s, quantitySegments, qi, sentence, nearSegments)
      .filter((r) => !ofSet || r.end <= set.start || r.start >= q.start)
      .map((r) =>
        tail !== undefined && r.start <= tail.start && tail.start < r.end ? { start: r.start, end: tail.start } : r,
      );
    const cueClause =
      tail === undefined
        ? { start: Math.min(clause.start, fromSet), end: clause.end }
        : { start: Math.min(clause.start, fromSet), end: Math.max(clause.end, tail.end) };
    // the second value of a change has the subject of the first ("从…6285户下降至…1867户")
    const partner = changePartner(periodContext, qi, lexicon().raw.changeTo);
    const partnerIndicators = partner === undefined ? undefined : chosen[partner];
    let indicators = partnerIndicators ??
      sharedPredicate(s, cues, q, clause, blocked, seg.parens) ?? [
        classifyIndicator(cues, q.unit, {
          segment: segm,
          clause: cueClause,
          sentence,
          at: q.start,
          blocked,
          level: q.changeTo || namesASet(s, q),
          decrease: q.direction === "decrease",
          increase: q.direction === "increase",
        }),
      ];
    // "42户139人": the people of households whose indicator is known
    const g = periodContext.groupOf[qi] as number;
    let household = -1;
    if (q.unit === "PERSON")
      for (let i = g; i < qi; i++)
        if (quantities[i]?.unit === "HOUSEHOLD") {
          household = i;
          break;
        }
    const householdIndicator = household >= 0 ? chosen[household]?.[0] : undefined;
    if (householdIndicator !== undefined && indicators.length === 1)
      indicators = [personsOf(householdIndicator, indicators[0] as string)];
    // "减少贫困人口3126户11230人": households written before people that left poverty left it too
    const flow =
      householdIndicator !== undefined && indicators.length === 1
        ? exitOfHouseholds(householdIndicator, indicators[0] as string)
        : undefined;
    if (flow !== undefined) {
      chosen[household] = [flow];
      for (const [i, c] of candidates.entries())
        if (quantityOf.get(c) === household && c.indicator === householdIndicator) {
          const changed = { ...c, indicator: flow };
          candidates[i] = changed;
          quantityOf.set(changed, household);
          if (headlineFacts.has(c)) headlineFacts.add(changed);
        }
    }
    indicators = growthOf(indicators, s, sentence.start, q.start);
    // a number in a table row counts what its column's name says ("减贫人数", "贫困发生率")
    const column = columnOf(s, tables, q.start);
    if (column !== undefined) {
      const named = classifyIndicator(new CueIndex(articleCues, column), q.unit, {
        segment: column,
        clause: column,
        sentence: column,
        at: column.end,
        blocked: [],
      });
      if (!isFallback(named)) indicators = [named];
    }
    // "贵州省农村贫困人口减少120万人，云南省减少100万人": an elliptical parallel clause (same
    // verb right before a number of the same unit) has the indicator of the clause it echoes
    // "2018年全县贫困人口为1.2万人，2019年减少到3000人": a level reached with no noun of its own
    // is a level of what the sentence counted before in the same unit
    if (indicators.length === 1 && isFallback(indicators[0] as string)) {
      const echoed = parallelEcho(s, quantities, qi, sentence.start) ?? levelReached(quantities, qi, sentence.start);
      const previous = echoed === undefined ? undefined : chosen[echoed];
      if (previous !== undefined && !previous.some(isFallback)) indicators = previous;
    }
    chosen[qi] = indicators;
    // (objects built by assignment, not by spreading conditional objects: the hot loop's allocations)
    const targetContext: { published?: string; period?: Period } = {};
    if (article.published !== undefined) targetContext.published = article.published;
    if (periodBinding !== undefined) targetContext.period = periodBinding.value;
    const kind = isTarget(s, q, sentence, clause, targetContext) ? "target" : "result";
    const span = text.span(q.start, q.end);
    if (sentence !== contextOf) {
      contextOf = sentence;
      context = text.span(sentence.start, sentence.end);
    }
    // "截至2018年底累计选派…": 累计 makes any count up to a date a cumulative flow
    const before = s.slice(clause.start, q.prefixStart);
    const counted = wordList(lexicon().raw.cumulativeCues.words).occursIn(before);
    const named = namedWithFact(s, programHits, clause, sentence);
    const reported = new Map(
      indicators.map((i) => {
        const r = reportedIndicator(i);
        return [r.indicator, r.variant] as const;
      }),
    );
    for (const [indicator, variant] of reported) {
      const period = pointInTime(periodBinding, indicator, counted, q.changeTo);
      // the properties in the order of the spread it replaces (the JSON of a fact keeps its order)
      const obs: Draft<Observation> = {
        index: 0,
        indicator,
        value: q.value,
        unit: q.unit,
        span,
        context,
        kind,
        programs: governingPrograms(variant ?? indicator, named.programs),
      };
      if (named.organisations.length > 0) obs.organisations = named.organisations;
      if (place !== undefined) obs.place = place;
      if (variant !== undefined) obs.subIndicator = variant;
      if (gift !== undefined) obs.donor = gift.donor;
      if (period !== undefined) obs.period = period.value;
      const why: { period?: string; place?: string } = {};
      if (period !== undefined) why.period = explain(period);
      if (placeBound !== undefined) why.place = explain(placeBound);
      obs.why = why;
      if (q.approximation !== undefined) obs.approximation = q.approximation;
      if (q.bound !== undefined) obs.bound = q.bound;
      if (q.direction !== undefined) obs.direction = q.direction;
      candidates.push(obs);
      quantityOf.set(obs, qi);
      if (inHeadline) headlineFacts.add(obs);
    }
  }
  const observations = merge(datedByBody(candidates, headlineFacts, quantityOf), quantityOf, parts);
  return {
    article,
    places: places.hits.map((h) => ({ place: h.place, span: text.span(h.start, h.end) })),
    programs,
    observations,
    ...(places.main !== undefined ? { mainPlace: places.main } : {}),
  };
}

/**
 * "截至2018年底，全省还有贫困人口…": a stock at a point in time is dated that year; only a
 * cumulative flow ("截至2018年底累计减贫…") keeps the open start of 截至.
 */
function pointInTime(
  b: Binding<Period> | undefined,
  indicator: string,
  counted: boolean,
  changeTo: boolean,
): Binding<Period> | undefined {
  const end = b?.value.end;
  if (b === undefined || end === undefined || b.rule === FROM_VALUE) return b;
  if (counted || isCumulative(indicator)) return b;
  // "五年来贫困发生率下降到0.5%": the stock a change arrives at is dated at the end of the span
  if (b.value.start !== undefined && !(changeTo && b.value.start !== end)) return b;
  return { ...b, value: { ...b.value, start: end }, rule: `${b.rule}; a stock at its date` };
}

function explain(b: Binding<unknown>): string {
  return `${b.level}: ${b.rule}${b.cue !== undefined ? ` (${b.cue})` : ""}`;
}

/**
 * "董某家住某县某村……" followed by a paragraph of his own words ("“当时政府给我家送来…"): a
 * paragraph that opens with quoted speech goes on with the story of the one before it.
 */
function speechAfter(s: string, seg: Segmentation, previous: number, line: number): boolean {
  for (let i = previous + 1; i < line; i++) {
    const l = seg.lines[i];
    if (l !== undefined && s.slice(l.start, l.end).trim() !== "") return false;
  }
  const l = seg.lines[line];
  return l !== undefined && /^[\s\u3000]*[“「『"]/u.test(s.slice(l.start, l.end));
}
