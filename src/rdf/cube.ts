/**
 * The data sets and their structures (RDF Data Cube). The graph contract omits refPeriod when
 * the text gives no time (and refArea when it gives no place), while a Data Cube observation
 * must have a value for every dimension of its structure (IC-11). So there is one structure
 * and one data set per combination of the optional dimensions (`CUBES`), and each observation
 * goes to the one that fits (`cubeOf`).
 */
import type * as RDF from "@rdfjs/types";
import type { Iris } from "./iri.js";
import { GraphWriter, lang, typed } from "./terms.js";
import { DCTERMS, PROV, QB, RDFS, RDF as RDFV, SDMX_ATTRIBUTE, SDMX_DIMENSION, SDMX_MEASURE, XSD } from "./vocab.js";

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
