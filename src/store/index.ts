/** The store layer: the only importer of `oxigraph`. */
export { KgStore, type QueryOptions, type RawFormat, type RdfMediaType, STORE_FILE } from "./kg-store.js";
export type { QueryResult, Row } from "./result.js";
export { type ParsedQuery, parseSparql } from "./sparql.js";
