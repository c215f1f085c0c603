/**
 * The extraction lexicon (data/lexicon.json), read once and compiled into lookup tables and
 * regular expressions. Everything the rules know about words lives in the data file.
 */
import { lexiconData, unitsData } from "../data/load.js";
import type { LexiconData, UnitsData } from "../data/types.js";
import type { UnitCode } from "../types.js";

/** A measure word entry. */
export interface MeasureWord {
  readonly unit: UnitCode;
  readonly scale?: string;
  readonly requiresChineseNumeral?: boolean;
}

/** The compiled lexicon. */
export interface Lexicon {
  readonly raw: LexiconData;
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

/** Measure words: the written forms of the unit scheme (data/units.json), with their factors. */
function measureWordsOf(units: UnitsData): Map<string, MeasureWord> {
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
  const raw = lexiconData();
  const units = unitsData();
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
