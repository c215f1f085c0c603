/**
 * Scores extracted observations against a gold annotation with the rules of
 * ../shared/corpus/README.md: span overlap + equal value, one-to-one in gold order; unit,
 * place and period accuracy over the matches; strict figures; B-cubed indicator consistency.
 */
import type { Observation } from "../types.js";

/** One gold observation (fields of NAME.gold.json). */
export interface GoldObservation {
  readonly quote: string;
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  readonly place?: string | null;
  readonly period?: { readonly start: number | null; readonly end: number | null } | null;
  readonly period_ambiguous?: boolean;
  readonly category?: string | null;
  readonly label?: string;
}

/** A gold file. */
export interface Gold {
  readonly article: string;
  readonly published?: string | null;
  /** Names of programs, policies and slogans the article mentions. */
  readonly programs_mentioned?: readonly string[];
  readonly observations: readonly GoldObservation[];
  readonly optional: readonly GoldObservation[];
}

const BASE_UNITS = new Set(["CNY", "PERSON", "HOUSEHOLD", "PERSON_TIME", "KM", "PERCENT", "PERCENTAGE_POINT", "COUNT"]);

/** Unit as scored: any count unit other than the named ones counts as COUNT. */
export function scoredUnit(unit: string): string {
  return BASE_UNITS.has(unit) ? unit : "COUNT";
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function sameValue(extracted: string, gold: number): boolean {
  return Math.abs(Number(extracted) - gold) <= 1e-9 * Math.max(1, Math.abs(gold));
}

/** Is the extracted period right for this gold entry? */
export function periodRight(obs: Observation, gold: GoldObservation): boolean {
  if (gold.period_ambiguous || gold.period == null) return true;
  const { start, end } = gold.period;
  if (start === null && end === null) return true;
  const p = obs.period;
  if ((p?.start ?? null) !== start) return false;
  return end === null || (p?.end ?? null) === end;
}

/** One matched pair and what was right about it. */
export interface Match {
  readonly gold: GoldObservation;
  readonly obs: Observation;
  readonly unit: boolean;
  readonly place: boolean;
  readonly period: boolean;
}

/** Per-article outcome. */
export interface ArticleScore {
  readonly name: string;
  readonly gold: number;
  /** Extracted, less those overlapping an optional entry. */
  readonly counted: number;
  readonly extracted: number;
  readonly matches: readonly Match[];
  readonly misses: readonly GoldObservation[];
  readonly falsePositives: readonly Observation[];
}

/** Scores one article. */
export function scoreArticle(name: string, gold: Gold, observations: readonly Observation[]): ArticleScore {
  const used = new Set<Observation>();
  const matches: Match[] = [];
  const misses: GoldObservation[] = [];
  for (const g of gold.observations) {
    const obs = observations.find((o) => !used.has(o) && overlaps(o.span, g) && sameValue(o.value, g.value));
    if (obs === undefined) {
      misses.push(g);
      continue;
    }
    used.add(obs);
    matches.push({
      gold: g,
      obs,
      unit: scoredUnit(obs.unit) === g.unit,
      place: g.place == null || obs.place?.code === g.place,
      period: periodRight(obs, g),
    });
  }
  const unmatched = observations.filter((o) => !used.has(o));
  const falsePositives = unmatched.filter((o) => !gold.optional.some((g) => overlaps(o.span, g)));
  const optionalHits = unmatched.length - falsePositives.length;
  return {
    name,
    gold: gold.observations.length,
    extracted: observations.length,
    counted: observations.length - optionalHits,
    matches,
    misses,
    falsePositives,
  };
}

/** Aggregate figures over one or more article scores. */
export interface Figures {
  readonly precision: number;
  readonly recall: number;
  readonly unit: number;
  readonly place: number;
  readonly period: number;
  readonly strictPrecision: number;
  readonly strictRecall: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Precision, recall, accuracies and strict figures over several articles (pooled). */
export function figures(scores: readonly ArticleScore[]): Figures {
  let gold = 0;
  let counted = 0;
  let matched = 0;
  let unit = 0;
  let place = 0;
  let period = 0;
  let strict = 0;
  for (const s of scores) {
    gold += s.gold;
    counted += s.counted;
    matched += s.matches.length;
    for (const m of s.matches) {
      if (m.unit) unit++;
      if (m.place) place++;
      if (m.period) period++;
      if (m.unit && m.place && m.period) strict++;
    }
  }
  return {
    precision: ratio(matched, counted),
    recall: ratio(matched, gold),
    unit: ratio(unit, matched),
    place: ratio(place, matched),
    period: ratio(period, matched),
    strictPrecision: ratio(strict, counted),
    strictRecall: ratio(strict, gold),
  };
}

/** B-cubed precision/recall of indicator against gold category, pooled over all matches. */
export function indicatorConsistency(scores: readonly ArticleScore[]): {
  precision: number;
  recall: number;
  n: number;
} {
  const items = scores.flatMap((s) =>
    s.matches
      .filter((m) => m.gold.category != null)
      .map((m) => ({ indicator: m.obs.indicator, category: m.gold.category as string })),
  );
  if (items.length === 0) return { precision: 1, recall: 1, n: 0 };
  let p = 0;
  let r = 0;
  for (const a of items) {
    const sameInd = items.filter((b) => b.indicator === a.indicator);
    const sameCat = items.filter((b) => b.category === a.category);
    p += sameInd.filter((b) => b.category === a.category).length / sameInd.length;
    r += sameCat.filter((b) => b.indicator === a.indicator).length / sameCat.length;
  }
  return { precision: p / items.length, recall: r / items.length, n: items.length };
}
