/** `article-kg import FILE --graph IRI`: loads an RDF file of any common format into its own named graph. */
import { importedGraph, importRdf } from "../../build/import.js";
import { storeName } from "../../build/open.js";
import { READ_FORMATS } from "../../export/index.js";
import { formatOf } from "../../import/read.js";
import { CLIError, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { out } from "../io.js";

export const summary = "import an RDF file into its own named graph of the store";

export const help = `Usage: article-kg import FILE [options]

Loads an RDF file (Turtle, N-Triples, N-Quads, TriG, RDF/XML or JSON-LD, told by the file
extension or --format) into one named graph of the store, replacing that graph: importing
the same file again gives the same store. Graphs of an N-Quads/TriG/JSON-LD file are merged
into that one graph. Imported graphs are other people's data: they are not counted in the
dataset's VoID description and are joined with ours by queries (queries/linked/).

Options:
  --graph IRI       the named graph (default <base>imported/<file name>)
  --format FORMAT   ${READ_FORMATS.join(", ")} (default: by extension)
  --store DIR|URL   store directory (default ${DEFAULT_STORE}) or sparql+http://… server
  --base IRI        base of the default graph IRI (default https://w3id.org/article-kg/)
  -h, --help        show this help
`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    graph: { type: "string" },
    format: { type: "string" },
    store: { type: "string" },
    base: { type: "string" },
  });
  if (positionals.length !== 1) throw new CLIError("import expects exactly one FILE.");
  const file = positionals[0] as string;
  const format = formatOf(file, values.format);
  const ir = irisOf(values.base);
  const graph = values.graph ?? importedGraph(ir, file);
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|^`\\]+$/iu.test(graph))
    throw new CLIError(`--graph must be an absolute IRI; got "${graph}".`);
  const spec = values.store ?? DEFAULT_STORE;
  const n = await importRdf(spec, file, { graph, format });
  await out(`Imported ${n} triples from ${file} (${format}) into <${graph}> → ${storeName(spec)}\n`);
  return 0;
}
