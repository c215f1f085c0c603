/** `article-kg quickstatements --indicator ID --property PID`: selected observations as QuickStatements. */

import { openBuilt } from "../../build/open.js";
import { withOutput } from "../../export/index.js";
import { quickStatements, quickStatementsQuery } from "../../export/quickstatements.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { loadIndicators } from "../../rdf/schemes.js";
import { CLIError, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { err } from "../io.js";

export const summary = "export selected observations as QuickStatements for Wikidata";

export const help = `Usage: article-kg quickstatements --indicator ID --property PID [options]

Writes the results of one indicator as QuickStatements (v1, tab-separated) for review before
adding them to Wikidata: the place's Wikidata item (owl:sameAs, from data/place-links.csv or
"article-kg link"), the property, the value with its unit (counts are unitless), the period as
point in time (P585) or start/end time (P580/P582), and the article's source URL as reference
(S854). Targets, bounds ("below 3%"), places without an item and articles without a URL are
skipped, with a count on stderr.

Options:
  --indicator ID        indicator of the scheme (data/indicators.json), e.g. poverty-exit-persons
  --property PID        Wikidata property of the value, e.g. P1082
  --place CODE          only this GB/T 2260 place
  --reference-url URL   reference for articles whose source is a file, not a URL
  --store DIR|URL       store directory (default ${DEFAULT_STORE}) or sparql+http://… server
  -o, --output FILE     write to FILE (atomically) instead of stdout
  --base IRI            base of the minted IRIs (default https://w3id.org/article-kg/)
  -h, --help            show this help
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    indicator: { type: "string" },
    property: { type: "string" },
    place: { type: "string" },
    "reference-url": { type: "string" },
    store: { type: "string" },
    output: { type: "string", short: "o" },
    base: { type: "string" },
  });
  if (positionals.length > 0) throw new CLIError(`quickstatements takes no arguments; got "${positionals[0]}".`);
  if (values.indicator === undefined) throw new CLIError("--indicator ID is required.");
  const known = loadIndicators().map((i) => i.id);
  if (!known.includes(values.indicator)) {
    const near = known.filter((id) => id.includes(values.indicator ?? "") || (values.indicator ?? "").includes(id));
    throw new CLIError(
      `--indicator: unknown indicator "${values.indicator}"${near.length > 0 ? ` (did you mean ${near.slice(0, 3).join(", ")}?)` : ""}; the ids are those of data/indicators.json, e.g. ${known.slice(0, 3).join(", ")}.`,
    );
  }
  if (values.property === undefined || !/^P\d+$/u.test(values.property))
    throw new CLIError(`--property must be a Wikidata property id like P1082; got "${values.property ?? ""}".`);
  const url = values["reference-url"];
  if (url !== undefined && !/^https?:\/\/\S+$/u.test(url))
    throw new CLIError(`--reference-url must be an http(s) URL; got "${url}".`);
  const prefixes = prefixesFor(irisOf(values.base));
  const spec = values.store ?? DEFAULT_STORE;
  const store = await openBuilt(spec);
  const result = await store.query(quickStatementsQuery(values.indicator, values.place), {
    prefixes,
  });
  const rows = result.kind === "bindings" ? result.rows : [];
  const qs = quickStatements(rows, { property: values.property, ...(url === undefined ? {} : { referenceUrl: url }) });
  await withOutput(values.output, async (sink) => {
    if (qs.lines.length > 0) await sink.write(`${qs.lines.join("\n")}\n`);
  });
  for (const [why, n] of qs.skipped) err(`skipped ${n}: ${why}`);
  err(`${qs.lines.length} statement${qs.lines.length === 1 ? "" : "s"} written`);
  return 0;
}
