/** `article-kg export`: the whole store as RDF text. */

import { openBuilt } from "../../build/open.js";
import { CONTEXT_IRI, EXPORT_FORMATS, exportStore } from "../../export/index.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { CLIError, choice, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { err } from "../io.js";

export const summary = "write the whole store as Turtle, TriG, N-Quads, N-Triples or JSON-LD";

export const help = `Usage: article-kg export [options]

Writes every graph of the store, one graph at a time (streamed). TriG, N-Quads and JSON-LD
keep the named graphs (one per article, the reference graph, the link sets, the description
and provenance graphs); Turtle and N-Triples merge all graphs and write each triple once.
JSON-LD carries the project's @context inline (ontology/context.jsonld for the default base)
unless --context-iri is given.

Options:
  --store DIR|URL   store directory (default ${DEFAULT_STORE}) or sparql+http://… server
  --format FORMAT   turtle (default), trig, nquads, ntriples, jsonld
  --context-iri IRI JSON-LD: refer to a published @context (e.g. ${CONTEXT_IRI})
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
    "context-iri": { type: "string" },
  });
  if (positionals.length > 0) throw new CLIError(`export takes no arguments; got "${positionals[0]}".`);
  const format = choice("format", values.format, EXPORT_FORMATS, "turtle");
  const spec = values.store ?? DEFAULT_STORE;
  const store = await openBuilt(spec);
  const count = await exportStore(store, {
    format,
    output: values.output,
    prefixes: prefixesFor(irisOf(values.base)),
    ...(values["context-iri"] === undefined ? {} : { contextIri: values["context-iri"] }),
  });
  if (values.output !== undefined && values.output !== "-") err(`Wrote ${count} quads to ${values.output}`);
  return 0;
}
