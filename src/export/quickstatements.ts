/**
 * Observations as QuickStatements (v1, tab-separated) for a human to review and add to
 * Wikidata: `ITEM  PROPERTY  VALUE[Uunit]  P585 time | P580/P582 times  S854 "article URL"`.
 * The item is the place's Wikidata item (owl:sameAs); the unit its Wikidata item (counts are
 * unitless); the reference is the article's source URL. Rows that cannot be stated honestly
 * (no item, no source URL, a bound instead of a value, a target) are skipped with a reason.
 */

import { loadUnits } from "../rdf/schemes.js";
import { WD } from "../rdf/vocab.js";
import type { Row } from "../store/index.js";

/** Selects the observations of one indicator, with what a statement needs. */
export function quickStatementsQuery(indicator: string, place?: string): string {
  const lit = (s: string) => JSON.stringify(s);
  return `SELECT ?obs ?value ?unitCode ?placeCode ?item ?start ?end ?source ?bound ?kind WHERE {
  ?obs a qb:Observation ; kg:indicator/skos:notation ${lit(indicator)} ; sdmx-measure:obsValue ?value ;
    sdmx-attribute:unitMeasure/skos:notation ?unitCode ; sdmx-dimension:refArea ?place ;
    prov:wasDerivedFrom/oa:hasSource ?article .
  ?place skos:notation ?placeCode .${place === undefined ? "" : ` FILTER(?placeCode = ${lit(place)})`}
  OPTIONAL { ?place owl:sameAs ?item FILTER(STRSTARTS(STR(?item), ${lit(`${WD.$}Q`)})) }
  OPTIONAL { ?article dcterms:source ?source FILTER(isIRI(?source)) }
  OPTIONAL { ?obs sdmx-dimension:refPeriod/time:hasBeginning/time:inXSDgYear ?start }
  OPTIONAL { ?obs sdmx-dimension:refPeriod/time:hasEnd/time:inXSDgYear ?end }
  OPTIONAL { ?obs kg:bound ?bound }
  OPTIONAL { ?obs kg:observationKind ?kind }
} ORDER BY ?placeCode ?obs`;
}

/** Options of `quickStatements`. */
export interface QuickStatementsOptions {
  /** Wikidata property of the value, "P1082". */
  readonly property: string;
  /** Reference URL for articles whose source is not a URL. */
  readonly referenceUrl?: string;
}

/** The statements and what was left out. */
export interface QuickStatements {
  readonly lines: readonly string[];
  /** Reason → number of observations skipped for it. */
  readonly skipped: ReadonlyMap<string, number>;
}

const year = (y: string, precision = 9) => `+${y.padStart(4, "0")}-00-00T00:00:00Z/${precision}`;

/** Turns the rows of `quickStatementsQuery` into QuickStatements lines (one per observation). */
export function quickStatements(rows: readonly Row[], options: QuickStatementsOptions): QuickStatements {
  const units = new Map(loadUnits().map((u) => [u.code, u]));
  const byObs = new Map<string, Row[]>();
  for (const r of rows) {
    const o = r.get("obs")?.value;
    if (o === undefined) continue;
    const list = byObs.get(o);
    if (list) list.push(r);
    else byObs.set(o, [r]);
  }
  const lines: string[] = [];
  const skipped = new Map<string, number>();
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
  for (const group of byObs.values()) {
    const r = group[0] as Row;
    const items = new Set(group.flatMap((g) => g.get("item")?.value ?? []));
    if (r.get("kind")?.value.endsWith("#Target")) {
      skip("a target, not a result");
      continue;
    }
    if (r.get("bound") !== undefined) {
      skip("a bound (above/below), not a value");
      continue;
    }
    if (items.size !== 1) {
      skip(items.size === 0 ? "the place has no Wikidata item" : "the place has several Wikidata items");
      continue;
    }
    const source = r.get("source")?.value ?? options.referenceUrl;
    if (source === undefined) {
      skip("the article has no source URL (give --reference-url)");
      continue;
    }
    const unit = units.get(r.get("unitCode")?.value ?? "");
    if (unit === undefined || (!unit.isCount && unit.wikidata === undefined)) {
      skip("the unit has no Wikidata item");
      continue;
    }
    const item = ([...items][0] as string).slice(WD.$.length);
    const amount = (r.get("value")?.value ?? "").replace(/^\+/u, "");
    const value = unit.isCount ? amount : `${amount}U${(unit.wikidata as string).slice(1)}`;
    const start = r.get("start")?.value;
    const end = r.get("end")?.value;
    const time: string[] = [];
    if (start !== undefined && start === end) time.push("P585", year(start));
    else if (start === undefined && end !== undefined) time.push("P585", year(end));
    else {
      if (start !== undefined) time.push("P580", year(start));
      if (end !== undefined) time.push("P582", year(end));
    }
    lines.push([item, options.property, value, ...time, "S854", JSON.stringify(source)].join("\t"));
  }
  return { lines, skipped };
}
