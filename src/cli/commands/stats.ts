/** `article-kg stats`: what the store holds (articles, facts, places, indicators, periods, quads). */
import { openBuilt } from "../../build/open.js";
import { storeStats } from "../../build/stats.js";
import { CLIError, choice, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";

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

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    format: { type: "string" },
    base: { type: "string" },
  });
  if (positionals.length > 0) throw new CLIError(`stats takes no arguments; got "${positionals[0]}".`);
  const format = choice("format", values.format, ["table", "json"] as const, "table");
  const spec = values.store ?? DEFAULT_STORE;
  const stats = await storeStats(await openBuilt(spec), irisOf(values.base));
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
