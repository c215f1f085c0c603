/** `article-kg link FILE --by gb2260`: owl:sameAs links from our places to the items of an external graph. */
import { gb2260LinkGraph, linkPlaces } from "../../build/link.js";
import { storeName } from "../../build/open.js";
import { READ_FORMATS } from "../../export/index.js";
import { formatOf } from "../../import/read.js";
import { P442 } from "../../link/gb2260.js";
import { CLIError, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { err, out } from "../io.js";

export const summary = "link our places to an external graph (Wikidata extract …) by GB/T 2260 code";

export const help = `Usage: article-kg link FILE --by gb2260 [options]

Reads an external RDF graph (e.g. a Wikidata extract), finds the items that state a GB/T 2260
code (Wikidata P442, written "61 07 22", "61 07" = 610700, "61" = 610000, or six digits) and
adds <place> owl:sameAs <item> for each place of the store with that code, in a named graph of
its own (replaced on every run). A code stated by more than one item is reported, not linked.

Options:
  --by KEY          the join key: gb2260 (the only one so far)
  --property IRI    the property stating the code (default ${P442})
  --graph IRI       the link graph (default <base>graph/links/gb2260/<file name>)
  --format FORMAT   ${READ_FORMATS.join(", ")} (default: by extension)
  --store DIR|URL   store directory (default ${DEFAULT_STORE}) or sparql+http://… server
  --base IRI        base of the minted IRIs (default https://w3id.org/article-kg/)
  -h, --help        show this help
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    by: { type: "string" },
    property: { type: "string" },
    graph: { type: "string" },
    format: { type: "string" },
    store: { type: "string" },
    base: { type: "string" },
  });
  if (positionals.length !== 1) throw new CLIError("link expects exactly one FILE.");
  if (values.by !== "gb2260") throw new CLIError(`--by must be gb2260; got "${values.by ?? ""}".`);
  const file = positionals[0] as string;
  const ir = irisOf(values.base);
  const property = values.property ?? P442;
  const graph = values.graph ?? gb2260LinkGraph(ir, file);
  const spec = values.store ?? DEFAULT_STORE;
  const run = await linkPlaces(spec, file, { iris: ir, format: formatOf(file, values.format), property, graph });
  for (const [code, list] of run.ambiguous)
    err(`note: code ${code} is stated by ${list.length} items (${list.join(", ")}): not linked.`);
  if (run.unreadable > 0) err(`note: ${run.unreadable} code value(s) are not GB/T 2260 division codes: skipped.`);
  await out(
    `Linked ${run.links} of ${run.places} places to ${file} (${run.items} coded items, ${run.unmatched} not ours) ` +
      `in <${graph}> → ${storeName(spec)}\n`,
  );
  return 0;
}
