/** `article-kg export`: the whole store as RDF text. */
import { exportStore } from "../../export/index.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { RDF_FORMATS } from "../../rdf/serialize.js";
import { CLIError, choice, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { err } from "../io.js";
import { openExisting } from "./store.js";

export const summary = "write the whole store as Turtle, TriG, N-Quads or N-Triples";

export const help = `Usage: article-kg export [options]

Writes every graph of the store. TriG and N-Quads keep one named graph per article plus the
reference graph; Turtle and N-Triples merge all graphs.

Options:
  --store DIR       store directory (default ${DEFAULT_STORE})
  --format FORMAT   turtle (default), trig, nquads, ntriples
  -o, --output FILE write to FILE (atomically) instead of stdout
  --base IRI        base of the kg: prefix (default https://w3id.org/article-kg/)
  -h, --help        show this help
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    format: { type: "string" },
    output: { type: "string", short: "o" },
    base: { type: "string" },
  });
  if (positionals.length > 0) throw new CLIError(`export takes no arguments; got "${positionals[0]}".`);
  const format = choice("format", values.format, RDF_FORMATS, "turtle");
  const store = await openExisting(values.store ?? DEFAULT_STORE);
  const count = await exportStore(store, {
    format,
    output: values.output,
    prefixes: prefixesFor(irisOf(values.base)),
  });
  if (values.output !== undefined && values.output !== "-") err(`Wrote ${count} quads to ${values.output}`);
  return 0;
}
