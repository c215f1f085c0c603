/** What a store holds: articles, facts, places, indicators, periods, graphs and quads. */
import type { Iris } from "../rdf/iri.js";
import { prefixesFor } from "../rdf/prefixes.js";
import type { Store } from "../store/index.js";

/** What each figure counts (distinct resources over the union of all graphs). */
const COUNTS: Readonly<Record<string, string>> = {
  articles: "?x a kg:Article",
  facts: "?x a qb:Observation",
  places: "?o a qb:Observation ; sdmx-dimension:refArea ?x",
  indicators: "?o a qb:Observation ; kg:indicator ?x",
  periods: "?o a qb:Observation ; sdmx-dimension:refPeriod ?x",
};

/** The figures of a store, in a fixed order. */
export async function storeStats(store: Store, iris: Iris): Promise<Record<string, number>> {
  const prefixes = prefixesFor(iris);
  const stats: Record<string, number> = {};
  for (const [name, pattern] of Object.entries(COUNTS)) {
    const r = await store.query(`SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ${pattern} }`, { prefixes });
    stats[name] = r.kind === "bindings" ? Number(r.rows[0]?.get("n")?.value ?? 0) : 0;
  }
  stats.graphs = (await store.graphs()).length;
  stats.quads = await store.countQuads();
  return stats;
}
