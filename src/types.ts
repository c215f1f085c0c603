/**
 * Domain types shared by every stage of the pipeline. Plain data only: each stage is a
 * function from one of these to the next (article → extraction → quads).
 *
 * Offsets are always Unicode code point offsets into `Article.text` (the original text,
 * BOM removed), never UTF-16 indices.
 */

/** Script of an article's text. */
export type Script = "traditional" | "simplified";

/** One article as read from disk, decoded and normalised (nothing changed but a BOM). */
export interface Article {
  /** Stable identifier (slug of the file name), used in IRIs: `article/<id>`. */
  readonly id: string;
  /** Where it was read from (a path or IRI), for messages; never written to the graph as a path. */
  readonly source: string;
  /** The article's URL when known (`--source-url`, a page's canonical link): its `dcterms:source`. */
  readonly url?: string;
  /** First non-empty line of the text. */
  readonly title: string;
  /** Full original text after decoding; offsets point into this. */
  readonly text: string;
  /** Publication date `YYYY-MM-DD`, given on the command line or found in the header. */
  readonly published?: string;
  readonly script: Script;
}

/** A stretch of the original text, in code points: `[...text].slice(start, end).join("") === exact`. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly exact: string;
}

/** Base unit codes of the graph contract; other counts use COUNT or a code of data/units.json. */
export type UnitCode =
  | "CNY"
  | "PERSON"
  | "HOUSEHOLD"
  | "PERSON_TIME"
  | "KM"
  | "PERCENT"
  | "PERCENTAGE_POINT"
  | "COUNT"
  | (string & {});

/**
 * A period in whole years. `start` alone: "2016年以來" (open end); `end` alone: "到2020年底";
 * both equal: "2019年"; a range: "2017年至2019年", "“十三五”期間" (2016–2020).
 */
export interface Period {
  readonly start?: number;
  readonly end?: number;
  /** The phrase that gave it, for labels and provenance ("2016年以來"). */
  readonly phrase: string;
}

/** Administrative level of a GB/T 2260 division. */
export type PlaceLevel = "province" | "prefecture" | "county";

/** A GB/T 2260 division. */
export interface PlaceRef {
  /** Six-digit code, e.g. "610700". */
  readonly code: string;
  /** Official name in Simplified script, e.g. "汉中市". */
  readonly name: string;
  readonly level: PlaceLevel;
  /** Code of the parent division, if any. */
  readonly parent?: string;
}

/** How a written number relates to the true value ("3000余公里", "低于3%"). */
export type Approximation = "more-than" | "nearly" | "about";
export type Bound = "above" | "below";
export type Direction = "increase" | "decrease";
/** Results are what happened; targets are plans (计划, 将, 目标, 力争) and never mix with results. */
export type ObservationKind = "result" | "target";

/** One numeric fact: one row of the data cube. */
export interface Observation {
  /** 1-based position in the article, stable across runs: IRI `observation/<article>/<n>`. */
  readonly index: number;
  /** Concept id of the indicator scheme (data/indicators.json), e.g. "poverty-exit-persons". */
  readonly indicator: string;
  /** Value in the base unit, as an exact decimal string ("13087000000", "1319.2"). */
  readonly value: string;
  readonly unit: UnitCode;
  readonly place?: PlaceRef;
  readonly period?: Period;
  /** The number with its unit as written ("130.87億元"). */
  readonly span: Span;
  /** The sentence or clause the fact is stated in. */
  readonly context: Span;
  /** Further places where the same fact is stated again (a headline repeated in the body). */
  readonly repeats?: readonly Span[];
  /**
   * `index` of the observation this one is a part of (a subtotal: "减贫5万人，其中易地搬迁2万人"),
   * so that sums can leave parts out.
   */
  readonly partOf?: number;
  readonly approximation?: Approximation;
  readonly bound?: Bound;
  readonly direction?: Direction;
  readonly kind: ObservationKind;
  /**
   * Ids of the programs that govern the fact (ProgramMention.id of kind "program", or a program
   * of the scheme its indicator implies).
   */
  readonly programs: readonly string[];
  /** The narrower concept the fact was classified as, reported under `indicator` (deeply poor counties). */
  readonly subIndicator?: string;
  /** The place that gave the help or money (east–west cooperation, paired assistance); `place` received it. */
  readonly donor?: PlaceRef;
  /** Why the fact got its period and place: the scope level, the rule and the cue. */
  readonly why?: { readonly period?: string; readonly place?: string };
  /** The organisations (ProgramMention.id of kind "organisation") named where the fact is stated, with their role. */
  readonly organisations?: readonly OrganisationRole[];
}

/** An organisation's part in a fact: who carries it out, who gives, who receives, or who reports it. */
export interface OrganisationRole {
  /** ProgramMention.id of the organisation. */
  readonly id: string;
  readonly role: "implementer" | "donor" | "recipient" | "source";
}

/** A named initiative, model, policy or organisation, with every place it is mentioned. */
export interface ProgramMention {
  /**
   * Stable id, the IRI path under program/ or organisation/: a scheme id ("relocation"), a local
   * program ("local/610000/油返砂"), an office ("610700/poverty-alleviation-office") or a named
   * organisation ("浙江大学").
   */
  readonly id: string;
  /** The scheme's Simplified label, or the normalised Simplified name. */
  readonly name: string;
  readonly kind: "program" | "organisation";
  /** A concept of data/programs.json (declared in the reference graph, not by the article). */
  readonly inScheme?: boolean;
  /** The place the program or organisation belongs to, when written or implied. */
  readonly place?: PlaceRef;
  readonly mentions: readonly Span[];
}

/** A place mentioned in the text. */
export interface PlaceMention {
  readonly place: PlaceRef;
  readonly span: Span;
}

/** What the extractor finds in one article. */
export interface Extraction {
  readonly article: Article;
  /** The article's own place (its main subject), resolving 全市/我省/全县. */
  readonly mainPlace?: PlaceRef;
  readonly places: readonly PlaceMention[];
  readonly programs: readonly ProgramMention[];
  readonly observations: readonly Observation[];
}
