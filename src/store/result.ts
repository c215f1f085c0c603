/** The one typed result of a SPARQL query, independent of the store engine (RDF/JS terms). */
import type * as RDF from "@rdfjs/types";

/** One solution: variable name (without `?`) → bound term; unbound variables are absent. */
export type Row = ReadonlyMap<string, RDF.Term>;

/** Result of ASK, SELECT, or CONSTRUCT/DESCRIBE. */
export type QueryResult =
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "bindings"; readonly variables: readonly string[]; readonly rows: readonly Row[] }
  | { readonly kind: "quads"; readonly quads: readonly RDF.Quad[] };
