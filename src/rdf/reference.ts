/**
 * Resources of the shared reference graph (`iris.referenceGraph`): places, units, indicators,
 * periods and the data set. Each resource is written by one function, keyed by its IRI, so a
 * builder can collect each one once across a whole corpus.
 */
import type * as RDF from "@rdfjs/types";
import type { Extraction, Period, PlaceLevel, PlaceRef } from "../types.js";
import type { Iris } from "./iri.js";
import { GraphWriter, gYear, lang, str } from "./terms.js";
import { DCTERMS, QB, RDFS, RDF as RDFV, SCHEMA, SKOS, TIME } from "./vocab.js";

/** Labels of the base units of the graph contract (other codes get only their notation). */
const UNIT_LABELS: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  CNY: ["元", "yuan"],
  PERSON: ["人", "person"],
  HOUSEHOLD: ["户", "household"],
  PERSON_TIME: ["人次", "person-time"],
  KM: ["公里", "kilometre"],
  PERCENT: ["%", "percent"],
  PERCENTAGE_POINT: ["个百分点", "percentage point"],
  COUNT: ["个", "count"],
};

const LEVEL_TERM = { province: "Province", prefecture: "Prefecture", county: "County" } as const satisfies Record<
  PlaceLevel,
  string
>;

/** A place (GB/T 2260 division) with its code as skos:notation. */
export function placeQuads(place: PlaceRef, iris: Iris): RDF.Quad[] {
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
  if (place.parent !== undefined) g.add(s, SCHEMA.containedInPlace, iris.place(place.parent));
  return g.quads;
}

/** A unit of the unit scheme with its code as skos:notation. */
export function unitQuads(code: string, iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const s = iris.unit(code);
  g.add(s, RDFV.type, iris.kg.Unit)
    .add(s, RDFV.type, SKOS.Concept)
    .add(s, SKOS.inScheme, iris.unitScheme)
    .add(s, SKOS.notation, str(code));
  const labels = UNIT_LABELS[code];
  if (labels) g.add(s, SKOS.prefLabel, lang(labels[0], "zh-Hans")).add(s, SKOS.prefLabel, lang(labels[1], "en"));
  return g.quads;
}

/** A concept of the indicator scheme (its labels come from the indicator scheme itself). */
export function indicatorQuads(id: string, iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const s = iris.indicator(id);
  g.add(s, RDFV.type, iris.kg.Indicator)
    .add(s, RDFV.type, SKOS.Concept)
    .add(s, SKOS.inScheme, iris.indicatorScheme)
    .add(s, SKOS.notation, str(id));
  return g.quads;
}

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

/** The data set every observation belongs to. */
export function datasetQuads(iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  g.add(iris.dataset, RDFV.type, QB.DataSet)
    .add(iris.dataset, QB.structure, iris.structure)
    .add(iris.dataset, DCTERMS.title, lang("中文报道中的数字事实", "zh-Hans"))
    .add(iris.dataset, DCTERMS.title, lang("Numeric facts of Chinese report articles", "en"));
  return g.quads;
}

/**
 * Every reference resource an extraction uses, keyed by IRI (the data set included), so a
 * caller can merge them over many articles and write each once.
 */
export function referenceResources(x: Extraction, iris: Iris): Map<string, RDF.Quad[]> {
  const out = new Map<string, RDF.Quad[]>();
  const put = (key: string, make: () => RDF.Quad[]) => {
    if (!out.has(key)) out.set(key, make());
  };
  put(iris.dataset, () => datasetQuads(iris));
  const place = (p: PlaceRef) => put(iris.place(p.code), () => placeQuads(p, iris));
  if (x.mainPlace) place(x.mainPlace);
  for (const m of x.places) place(m.place);
  for (const o of x.observations) {
    if (o.place) place(o.place);
    put(iris.indicator(o.indicator), () => indicatorQuads(o.indicator, iris));
    put(iris.unit(o.unit), () => unitQuads(o.unit, iris));
    const period = o.period;
    if (period && hasYears(period)) put(iris.period(period.start, period.end), () => periodQuads(period, iris));
  }
  return out;
}
