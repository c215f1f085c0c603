/**
 * The records of the indicator and unit schemes (data/indicators.json, data/units.json) as
 * the extractor and the graph use them, and the external IRI spaces they link to.
 */
import { KgError } from "../errors.js";
import type { UnitCode } from "../types.js";
import { UN_SDG } from "./vocab.js";

/** A label in the three languages every concept carries. */
export interface Labels {
  readonly en: string;
  readonly "zh-Hans": string;
  readonly "zh-Hant": string;
}

/** The language tags of `Labels`, in output order. */
export const LABEL_LANGUAGES = ["zh-Hans", "zh-Hant", "en"] as const satisfies readonly (keyof Labels)[];

/** The 15 core indicator kinds of the evaluation corpus (/work/shared/corpus/README.md). */
export const GOLD_CATEGORIES = [
  "POVERTY_EXIT_PERSONS",
  "POVERTY_EXIT_HOUSEHOLDS",
  "POOR_POPULATION",
  "POOR_HOUSEHOLDS",
  "POVERTY_INCIDENCE",
  "VILLAGES_EXITED",
  "POOR_VILLAGES",
  "COUNTIES_DELISTED",
  "INCOME_PER_CAPITA",
  "INCOME_GROWTH",
  "RELOCATED_PERSONS",
  "RELOCATED_HOUSEHOLDS",
  "HOUSING_RENOVATED",
  "ROAD_KM",
  "FUNDS_INVESTED",
] as const;
export type GoldCategory = (typeof GOLD_CATEGORIES)[number];

/** One concept of the indicator scheme (an entry of data/indicators.json). */
export interface IndicatorRecord {
  /** Stable kebab-case id; the concept IRI is `iris.indicator(id)`. */
  readonly id: string;
  readonly prefLabel: Labels;
  readonly definition: { readonly en: string };
  /** Id of a broader indicator of the scheme. */
  readonly broader?: string;
  /** Base unit code the value is expected in. */
  readonly unit: UnitCode;
  /** Whether the value only grows over time for a place (cumulative totals). */
  readonly cumulative: boolean;
  /** A stock (how many poor villages there are) rather than an event (how many exited). */
  readonly stock?: boolean;
  /** The gold category when the indicator IS that kind. */
  readonly category?: GoldCategory;
  /** UN SDG indicator code ("1.2.1") of a close match. */
  readonly sdg?: string;
  /** Id of the program (data/programs.json) that governs every fact of this indicator. */
  readonly program?: string;
  /**
   * Simplified-Chinese keywords that signal this indicator in a clause. A cue "A+B" matches
   * when every part occurs in the clause (in any order, not necessarily adjacent).
   */
  readonly cues: readonly string[];
}

/** A written form of a unit and the factor that scales a written number to the unit ("亿元" → 1e8). */
export interface UnitForm {
  /** Simplified-Chinese (or ASCII) form as written after a number. */
  readonly form: string;
  /** Exact decimal multiplier to the unit. */
  readonly factor: string;
  /** Only after a Chinese numeral (七成 = 70 %, but "3成" is not written). */
  readonly chineseNumeralOnly?: boolean;
}

/** One concept of the unit scheme (an entry of data/units.json). */
export interface UnitRecord {
  /** The code: skos:notation, and the IRI `iris.unit(code)`. */
  readonly code: UnitCode;
  readonly prefLabel: Labels;
  /** Code of a broader unit (a specific count unit has `COUNT`). */
  readonly broader?: string;
  /** Whether values are counts of things (else a measure: money, length, area, rate). */
  readonly isCount: boolean;
  /** QUDT unit IRI (skos:exactMatch). */
  readonly qudt?: string;
  /** Wikidata item id, "Q11229" (skos:exactMatch). */
  readonly wikidata?: string;
  readonly forms: readonly UnitForm[];
}

/**
 * IRI of a UN SDG indicator in the UN SDG KOS: indicator 1.2.1 is `http://metadata.un.org/sdg/C010201`
 * ("C" + goal, target, indicator as two digits each). Targets with letters (1.a) are not supported.
 */
export function sdgIndicatorIri(code: string): string {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/u.exec(code);
  if (!m) throw new KgError("E_VALIDATION", `SDG indicator code "${code}" is not of the form 1.2.1.`);
  const two = (s: string | undefined) => (s ?? "").padStart(2, "0");
  return `${UN_SDG.$}C${two(m[1])}${two(m[2])}${two(m[3])}`;
}
