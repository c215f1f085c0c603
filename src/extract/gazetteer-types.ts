/** The gazetteer's types: mentions, names, the look-up interface and the build's counts. */
import type { PlaceRef } from "../types.js";

/** One place mention found by `Gazetteer.find`. Offsets are code points. */
export interface PlaceMatch {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  /** Every division written this way, provinces first, then by code. */
  readonly candidates: readonly PlaceRef[];
  /** How the surface names its divisions: the official name, a short name by rule, or an alias. */
  readonly kind: "full" | "short" | "alias";
}

/** Names of one division: official Simplified and Traditional names and the short names matched in text. */
export interface PlaceNames {
  readonly hans: string;
  readonly hant: string;
  readonly short: readonly string[];
}

/** A division with all its names, for the ontology's place code list. */
export interface PlaceCode extends PlaceNames {
  readonly place: PlaceRef;
  /** Old or colloquial names that are matched too (南郑县 for 南郑区). */
  readonly aliases: readonly string[];
}

/** The gazetteer: look-ups by code, the division tree, and mention finding. */
export interface Gazetteer {
  byCode(code: string): PlaceRef | undefined;
  /** Parent first, up to the province. */
  ancestors(code: string): PlaceRef[];
  namesOf(code: string): PlaceNames | undefined;
  /** All place mentions in a Simplified, aligned text; code point offsets; longest match wins, non-overlapping, left to right. */
  find(simplified: string): PlaceMatch[];
  /**
   * The longest surface of the gazetteer (a place name or a stop word) that starts at UTF-16
   * index `i` of a Simplified text, or undefined: "西藏山南" has 山南 at 2, "浙江江山" has 江山.
   */
  wordAt(simplified: string, i: number): string | undefined;
  /**
   * The divisions whose name or short name is the stop word `surface` and so is never matched
   * in running text (长子 → 长子县, 大方 → 大方县); empty for other surfaces.
   */
  stopped(surface: string): readonly PlaceRef[];
  /** Among candidates, the one best supported by context codes (same province / prefecture as context), or undefined when still ambiguous. */
  resolve(candidates: readonly PlaceRef[], context: readonly string[]): PlaceRef | undefined;
  all(): Iterable<PlaceRef>;
  readonly size: number;
}

/** What `build()` found and dropped, for tests and reports. */
export interface GazetteerStats {
  readonly provinces: number;
  readonly prefectures: number;
  readonly counties: number;
  readonly droppedDevelopmentZones: number;
  readonly droppedSelfEntries: number;
  readonly surfaces: number;
}
