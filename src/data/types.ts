/**
 * The shapes of the data files (data/*.json) as the code reads them: one declaration per file,
 * shared by the extractor (which compiles them into tables) and the schemes of src/rdf (which
 * validate them field by field before writing them as SKOS).
 */
import type { Approximation, Bound, PlaceLevel, UnitCode } from "../types.js";

/** data/lexicon.json: the words the extraction rules know. */
export interface LexiconData {
  scales: Record<string, string>;
  countedNouns: Record<string, string[] | string>;
  approximation: {
    after: Record<string, Approximation>;
    before: Record<string, Approximation>;
    /** After a scale (万余人, 3亿多元): more than. */
    afterScale: string[];
    /** After the measure word (50万元左右): about. */
    aboutAfter: string[];
  };
  /** Scales written between a number and its measure word (13.1万人), tried longest first. */
  numberScales: string[];
  /** Scales that stand for one of them before 余/多 (万余人: 10000 and more). */
  loneScales: string[];
  /** Words between a prefix word and the number (超过了, 均达) that the prefix looks past. */
  leadFillers: string[];
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
    since: string[];
    sinceStart: { words: string[]; notBefore: string[] };
    sinceEvent: string[];
    until: string[];
    comparison: string[];
    afterYear: string[];
    from: string[];
    rangeTo: string[];
    dashes: string[];
    listJoin: string[];
    afterPlan: string[];
    congress: { before: string[]; after: string[]; since: string[] };
    recent: {
      before: string[];
      after: string[];
      past: string[];
      totalAfter: string[];
      through: string[];
      effort: string[];
    };
    relative: { comparison: string[]; after: string[] };
    dateAfter: string[];
  };
}

/** One written form of a unit: 万元 is CNY × 10000. */
export interface UnitFormData {
  readonly form: string;
  readonly factor: string;
  readonly chineseNumeralOnly?: boolean;
}

/** data/units.json (the fields the extractor reads; rdf/schemes.ts validates all of them). */
export interface UnitsData {
  readonly units: readonly {
    readonly code: UnitCode;
    readonly isCount?: boolean;
    readonly broader?: string;
    readonly forms?: readonly UnitFormData[];
  }[];
}

/** One indicator of data/indicators.json, as the extractor reads it. */
export interface IndicatorData {
  readonly id: string;
  readonly unit: UnitCode;
  readonly cues: readonly string[];
  /** A stock (how many poor villages there are) rather than an event (how many exited). */
  readonly stock?: boolean;
  /** A flow that only adds up over time (people lifted out, funds invested). */
  readonly cumulative?: boolean;
  /** On a stock: the flow that a decrease of it is (贫困人口减少684万人 → people lifted out). */
  readonly decrease?: string;
  readonly broader?: string;
  /** A variant of its broader indicator: reported under that one (see reportedIndicator). */
  readonly variant?: boolean;
  /** On a household indicator: the indicator of the people of those households. */
  readonly persons?: string;
  /** On a level: the indicator that an increase of it is (income → income increase). */
  readonly increase?: string;
  /** The program that governs every fact of this indicator. */
  readonly program?: string;
}

/** data/indicators.json. */
export interface IndicatorsData {
  readonly indicators: readonly IndicatorData[];
}

/** A concept of the program or organisation scheme, as the extractor reads it. */
export interface LabelledData {
  readonly id: string;
  readonly prefLabel: { readonly "zh-Hans": string };
  readonly altLabels?: readonly string[];
  readonly broader?: string;
}

/**
 * The shape rules of local programs and organisations (data/programs.json `localShapes`): the
 * extractor recognises names by them, and the program scheme validates them.
 */
export interface LocalShapes {
  /** 《…》 titles ending so are policy documents. */
  readonly documentSuffixes: readonly string[];
  /** A quoted name ending so, or followed by one of these words, is an initiative (“…工程”, “…”模式). */
  readonly nameSuffixes: readonly string[];
  /** Words that show a sentence treats a name as an initiative (launched, funded, covering someone). */
  readonly initiativeCues: readonly string[];
  /** Endings of outlets, bylines and slogans: never a program. */
  readonly notProgramSuffixes: readonly string[];
  /** Endings of companies, banks and universities. */
  readonly organisationSuffixes: readonly string[];
  /** Characters that cannot be inside an organisation name (where a name written before a suffix starts). */
  readonly organisationBoundary: readonly string[];
  /** Words that give an organisation's role in a fact (`organisationRole`). */
  readonly roles: {
    readonly recipientBefore: readonly string[];
    readonly donorAfter: readonly string[];
    readonly sourceAfter: readonly string[];
  };
  /** 省/市/县 … written alone before an office: the article's own place at that level. */
  readonly ownPlaceWords: Readonly<Record<string, PlaceLevel>>;
}

/** data/programs.json, as the extractor reads it. */
export interface ProgramsData {
  readonly programs: readonly LabelledData[];
  readonly organisations: readonly LabelledData[];
  readonly offices: readonly {
    readonly id: string;
    readonly prefLabel: { readonly "zh-Hans": string };
    readonly forms: readonly string[];
  }[];
  readonly localShapes: LocalShapes;
}

/** data/place-aliases.json: old or colloquial names (alias → code) and short names never matched. */
export interface PlaceAliasesData {
  readonly aliases: Readonly<Record<string, string>>;
  readonly stop: readonly string[];
}

/** data/place-abbreviations.json: one-character province abbreviations (黔 → 520000). */
export interface PlaceAbbreviationsData {
  readonly abbreviations: Readonly<Record<string, string>>;
}

/** data/place-context.json: contexts in which a place name is not a place of facts. */
export interface PlaceContextData {
  readonly features: readonly string[];
  readonly featureWords: readonly string[];
  readonly featureTails: readonly string[];
  readonly organisations: readonly string[];
  readonly organisationsAdjacent: readonly string[];
  readonly notAfterOrganisation: readonly string[];
  readonly organisationGap: number;
  readonly organisationGapStop: string;
  readonly outlet: string;
  readonly boundaryBefore: string;
  readonly notBoundaryWords: readonly string[];
  readonly settlementAfter: string;
  readonly venueBefore: readonly string[];
  readonly venueAfter: readonly string[];
  readonly venueWindow: number;
}

/** data/place-names.json: the words of the short-name rules (src/extract/gazetteer-names.ts). */
export interface PlaceNamesData {
  /** Ethnic-group names inside autonomous-division names, longest first (土家 before 土). */
  readonly ethnicGroups: readonly string[];
  /** Administrative suffixes by level, tried in order. */
  readonly suffixes: Readonly<Record<PlaceLevel, readonly string[]>>;
  /** Province-level divisions with GB/T 2260 codes that the statistical list leaves out. */
  readonly extraProvinces: readonly { readonly code: string; readonly name: string }[];
  /** Placeholder city names of the statistical list: not divisions. */
  readonly placeholderCities: readonly string[];
  /** Two-character surfaces ending in one of `suffixes`: matched only after `before`, never before `after` (characters). */
  readonly weakSurfaces: { readonly suffixes: string; readonly before: string; readonly after: string };
}

/** data/variants.json: variant characters → Simplified, one code point each. */
export interface VariantsData {
  readonly map: Readonly<Record<string, string>>;
}
