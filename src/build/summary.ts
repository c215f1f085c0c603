/** The results table printed by `build --summary`: per place and indicator, with period, value and unit. */
import type { Iris } from "../rdf/iri.js";
import { prefixesFor } from "../rdf/prefixes.js";
import type { Row, Store } from "../store/index.js";

/** The summary: results per place and indicator, with period, value and unit. */
const SUMMARY_QUERY = `SELECT ?place ?indicator ?period ?value ?unit WHERE {
  ?obs a qb:Observation ; kg:indicator ?i ; sdmx-measure:obsValue ?value ; sdmx-attribute:unitMeasure ?u ;
       kg:observationKind kg:Result .
  OPTIONAL { ?obs sdmx-dimension:refArea ?p .
             OPTIONAL { ?p skos:prefLabel ?pl FILTER(langMatches(lang(?pl), "zh-Hans")) } }
  OPTIONAL { ?i skos:prefLabel ?il FILTER(langMatches(lang(?il), "zh-Hans")) }
  OPTIONAL { ?obs sdmx-dimension:refPeriod ?rp . OPTIONAL { ?rp rdfs:label ?pe } }
  ?u skos:notation ?unit .
  FILTER NOT EXISTS { ?i skos:notation ?n FILTER(STRSTARTS(?n, "other-")) }
  BIND(COALESCE(STR(?pl), "—") AS ?place)
  BIND(COALESCE(STR(?il), STRAFTER(STR(?i), "/indicator/")) AS ?indicator)
  BIND(COALESCE(STR(?pe), "") AS ?period)
} ORDER BY ?place ?indicator ?period ?value`;

/** The rows of the summary, or undefined when the store answers no bindings. */
export async function buildSummary(
  store: Store,
  iris: Iris,
): Promise<{ readonly variables: readonly string[]; readonly rows: readonly Row[] } | undefined> {
  const result = await store.query(SUMMARY_QUERY, { prefixes: prefixesFor(iris) });
  return result.kind === "bindings" ? { variables: result.variables, rows: result.rows } : undefined;
}
