/**
 * The extraction lexicon (data/lexicon.json), read once and compiled into lookup tables and
 * regular expressions. Everything the rules know about words lives in the data file.
 */
import { readFileSync } from "node:fs";
import type { Approximation, Bound, UnitCode } from "../types.js";

interface RawLexicon {
  scales: Record<string, string>;
  countedNouns: Record<string, string[] | string>;
  approximation: { after: Record<string, Approximation>; before: Record<string, Approximation> };
  bounds: { before: Record<string, Bound>; after: Record<string, Bound> };
  directions: { increase: string[]; decrease: string[] };
  changeTo: string[];
  notAfterNumber: string[];
  notBeforeNumber: string[];
  idioms: string[];
  targetCues: string[];
  targetVerbsAfterCue: string[];
  orgSuffixes: string[];
  collectivePlaces: Record<string, string[] | string>;
  divisionCountNouns: string[];
  continuationVerbs: string[];
  /**
   * Subtotals (src/extract/parts.ts): words that open a clause of parts ("其中易地搬迁2万人"),
   * words that make such a clause a total ("包括…在内的3万人"), words that make a number an
   * average (never a part nor a whole), units that do not add up.
   */
  parts: { cues: string[]; notWith: string[]; averages: string[]; notAdditiveUnits: string[] };
  targetStandalone: string[];
  sloganAfterMeasure: string[];
  disposalVerbs: string[];
  thresholdNouns: { nouns: string[] };
  divisionCountModifiers: { words: string[] };
  reportingFrame: { words: string[] };
  exemplarCues: { words: string[] };
  setReferences: { before: string[]; nouns: string[] };
  donorVerbs: { words: string[]; eastProvinces: { codes: string[] } };
  localities: { townSuffixes: string[]; villageSuffixes: string[]; collectives: string[] };
  cumulativeCues: { words: string[] };
  growthSubjects: { income: string[]; other: string[] };
  negations: { words: string[] };
  nounUnitStops: { words: string[] };
  targetScope: {
    resets: string[];
    purposeBefore: string[];
    pastAfterCue: string[];
    afterNumber: string[];
    afterNumberReach: number;
    adverbs: string[];
    pastIsResult: string[];
    yearEndWords: string[];
    yearEndNotAfter: string[];
    yearEndFutureBeforeMonth: number;
    untilMust: string[];
  };
  writtenNumbers: {
    zeroAfter: string[];
    zeroNotBefore: string[];
    rateNouns: string[];
    half: string[];
    halfAlone: Record<string, Bound>;
    fractionRound: number;
    notAfterCheng: string[];
    oneTenthAfter: string[];
  };
  boilerplate: { strong: string[]; shortLine: string[]; maxShortLine: number; dateline: string };
  periods: {
    fiveYearPlans: Record<string, [number, number]>;
    congresses: Record<string, number>;
    relativeYears: Record<string, number>;
    anaphoricYears: { offsets: Record<string, number> };
    before: string[];
    now: string[];
  };
}

/** A measure word entry. */
export interface MeasureWord {
  readonly unit: UnitCode;
  readonly scale?: string;
  readonly requiresChineseNumeral?: boolean;
}

/** The compiled lexicon. */
export interface Lexicon {
  readonly raw: RawLexicon;
  readonly measureWords: ReadonlyMap<string, MeasureWord>;
  /** Alternation of measure words, longest first, for regexes. */
  readonly measureWordPattern: string;
  readonly scales: ReadonlyMap<string, string>;
  readonly countedNouns: readonly { noun: string; unit: UnitCode }[];
  readonly collective: readonly { phrase: string; level: "province" | "prefecture" | "county" }[];
}

/** Escapes a string for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}

/** An alternation of literal words, longest first. */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join("|");
}

interface RawUnits {
  units: { code: UnitCode; forms?: { form: string; factor: string; chineseNumeralOnly?: boolean }[] }[];
}

/** Measure words: the written forms of the unit scheme (data/units.json), with their factors. */
function measureWordsOf(units: RawUnits): Map<string, MeasureWord> {
  const out = new Map<string, MeasureWord>();
  for (const u of units.units)
    for (const f of u.forms ?? []) {
      if (!/^10*$/u.test(f.factor)) continue; // only powers of ten scale exactly
      out.set(f.form, {
        unit: u.code,
        ...(f.factor !== "1" ? { scale: f.factor } : {}),
        ...(f.chineseNumeralOnly ? { requiresChineseNumeral: true } : {}),
      });
    }
  return out;
}

function load(): Lexicon {
  const raw = JSON.parse(readFileSync(new URL("../../data/lexicon.json", import.meta.url), "utf8")) as RawLexicon;
  const units = JSON.parse(readFileSync(new URL("../../data/units.json", import.meta.url), "utf8")) as RawUnits;
  const measureWords = measureWordsOf(units);
  const countedNouns: { noun: string; unit: UnitCode }[] = [];
  for (const [unit, nouns] of Object.entries(raw.countedNouns))
    if (Array.isArray(nouns)) for (const noun of nouns) countedNouns.push({ noun, unit });
  countedNouns.sort((a, b) => b.noun.length - a.noun.length);
  const collective: { phrase: string; level: "province" | "prefecture" | "county" }[] = [];
  for (const level of ["province", "prefecture", "county"] as const) {
    const list = raw.collectivePlaces[level];
    if (Array.isArray(list)) for (const phrase of list) collective.push({ phrase, level });
  }
  return {
    raw,
    measureWords,
    measureWordPattern: alternation(measureWords.keys()),
    scales: new Map(Object.entries(raw.scales)),
    countedNouns,
    collective,
  };
}

let cached: Lexicon | undefined;
/** The lexicon, loaded on first use. */
export function lexicon(): Lexicon {
  if (cached === undefined) cached = load();
  return cached;
}
