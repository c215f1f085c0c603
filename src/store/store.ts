/**
 * The one interface every graph store implements: the embedded Oxigraph store (`KgStore`) and
 * a remote SPARQL 1.1 endpoint (`RemoteStore`). Results may be immediate (embedded) or
 * promises (remote): callers always `await` them.
 */
import type * as RDF from "@rdfjs/types";
import type { QueryOptions, UpdateOptions } from "./kg-store.js";
import type { QueryResult } from "./result.js";

/** A value now or later. */
export type Awaitable<T> = T | Promise<T>;

/** What the commands need of a store. */
export interface Store {
  /** IRIs of the named graphs, sorted. */
  graphs(): Awaitable<string[]>;
  /** Number of quads in the store's graphs. */
  countQuads(): Awaitable<number>;
  /** Adds quads (into `graph` when given, else each into its own graph); returns how many were sent. */
  loadQuads(quads: Iterable<RDF.Quad>, graph?: string): Awaitable<number>;
  /** Replaces a named graph's content: a re-run gives the same graph (idempotent). */
  replaceGraph(graphIri: string, quads: Iterable<RDF.Quad>): Awaitable<number>;
  /** Removes a named graph (no error if absent). */
  dropGraph(graphIri: string): Awaitable<void>;
  /** The quads of one graph (`null`: the default graph). */
  quadsOf(graph: string | null): Awaitable<RDF.Quad[]>;
  /** Runs a SPARQL query over the union of all graphs (by default). */
  query(sparql: string, options?: QueryOptions): Awaitable<QueryResult>;
  /** Runs a SPARQL UPDATE. */
  update(sparql: string, options?: UpdateOptions): Awaitable<void>;
  /** Makes the writes durable (a file for the embedded store; nothing to do for a server). */
  save(): Promise<void>;
}
