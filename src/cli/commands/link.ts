/** `article-kg link FILE --by gb2260`: owl:sameAs links from our places to the items of an external graph. */
import { basename } from "node:path";
import { READ_FORMATS } from "../../export/index.js";
import { formatOf, readRdfFile } from "../../import/read.js";
import { type CodedItem, gb2260Of, linkByCode, P442 } from "../../link/gb2260.js";
import { linkGraph } from "../../link/reference-links.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { isRemoteStore, openStore, redact } from "../../store/index.js";
import { CLIError, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { err, out } from "../io.js";
import { openExisting } from "./store.js";

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

const PLACES = `SELECT DISTINCT ?code WHERE { ?place a kg:Place ; skos:notation ?code }`;

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
  const graph =
    values.graph ??
    linkGraph(
      ir,
      `gb2260/${encodeURIComponent(
        basename(file)
          .replace(/\.[^.]*$/u, "")
          .toLowerCase(),
      )}`,
    );
  const external = await readRdfFile(file, formatOf(file, values.format));
  const items: CodedItem[] = [];
  let unreadable = 0;
  for (const q of external) {
    if (q.predicate.value !== property || q.subject.termType !== "NamedNode" || q.object.termType !== "Literal")
      continue;
    const code = gb2260Of(q.object.value);
    if (code === undefined) unreadable++;
    else items.push({ item: q.subject.value, code });
  }
  const spec = values.store ?? DEFAULT_STORE;
  const store = isRemoteStore(spec) ? await openStore(spec) : await openExisting(spec);
  const places = await store.query(PLACES, { prefixes: prefixesFor(ir) });
  const codes = places.kind === "bindings" ? places.rows.flatMap((r) => r.get("code")?.value ?? []) : [];
  const result = linkByCode(codes, items, ir, graph);
  const n = await store.replaceGraph(graph, result.quads);
  await store.save();
  for (const [code, list] of result.ambiguous)
    err(`note: code ${code} is stated by ${list.length} items (${list.join(", ")}): not linked.`);
  if (unreadable > 0) err(`note: ${unreadable} code value(s) are not GB/T 2260 division codes: skipped.`);
  await out(
    `Linked ${n} of ${codes.length} places to ${file} (${items.length} coded items, ${result.unmatched} not ours) ` +
      `in <${graph}> → ${isRemoteStore(spec) ? redact(spec) : spec}\n`,
  );
  return 0;
}
