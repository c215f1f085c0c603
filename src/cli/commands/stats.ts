/** `article-kg stats`: what the store holds (articles, facts, places, indicators, periods, quads). */
import { prefixesFor } from "../../rdf/prefixes.js";
import { isRemoteStore, openStore, type Store } from "../../store/index.js";
import { CLIError, choice, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";
import { openExisting } from "./store.js";

export const summary = "count what the store holds: articles, facts, places, indicators, periods, quads";

export const help = `Usage: article-kg stats [options]

Counts the articles, facts (observations), places, indicators and periods the facts use,
the named graphs and the quads of the store.

Options:
  --store DIR|URL   store directory (default ${DEFAULT_STORE}) or sparql+http://… server
  --format FORMAT   table (default) or json
  --base IRI        base of the kg: prefix (default https://w3id.org/article-kg/)
  -h, --help        show this help
`;

/** What each figure counts (distinct resources over the union of all graphs). */
const COUNTS: Readonly<Record<string, string>> = {
  articles: "?x a kg:Article",
  facts: "?x a qb:Observation",
  places: "?o a qb:Observation ; sdmx-dimension:refArea ?x",
  indicators: "?o a qb:Observation ; kg:indicator ?x",
  periods: "?o a qb:Observation ; sdmx-dimension:refPeriod ?x",
};

/** The figures of a store, in a fixed order. */
export async function statsOf(
  store: Store,
  prefixes: Readonly<Record<string, string>>,
): Promise<Record<string, number>> {
  const stats: Record<string, number> = {};
  for (const [name, pattern] of Object.entries(COUNTS)) {
    const r = await store.query(`SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ${pattern} }`, { prefixes });
    stats[name] = r.kind === "bindings" ? Number(r.rows[0]?.get("n")?.value ?? 0) : 0;
  }
  stats.graphs = (await store.graphs()).length;
  stats.quads = await store.countQuads();
  return stats;
}

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    format: { type: "string" },
    base: { type: "string" },
  });
  if (positionals.length > 0) throw new CLIError(`stats takes no arguments; got "${positionals[0]}".`);
  const format = choice("format", values.format, ["table", "json"] as const, "table");
  const spec = values.store ?? DEFAULT_STORE;
  const store = isRemoteStore(spec) ? await openStore(spec) : await openExisting(spec);
  const stats = await statsOf(store, prefixesFor(irisOf(values.base)));
  if (format === "json") {
    await out(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...Object.keys(stats).map((k) => k.length));
  const digits = Math.max(...Object.values(stats).map((v) => v.toLocaleString("en-US").length));
  await out(
    Object.entries(stats)
      .map(([k, v]) => `${k.padEnd(width)}  ${v.toLocaleString("en-US").padStart(digits)}\n`)
      .join(""),
  );
  return 0;
}
