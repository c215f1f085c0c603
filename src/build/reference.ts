/**
 * The shared reference graph (places with their ancestors, periods), rebuilt from what every
 * article graph in the store uses, so places and periods of removed or re-extracted articles
 * do not linger (and a rebuild is idempotent).
 */
import type * as RDF from "@rdfjs/types";
import type { Iris } from "../rdf/iri.js";
import { allPlaceResources } from "../rdf/place-resources.js";
import { referenceFor } from "../rdf/reference.js";
import type { Store } from "../store/index.js";

/** Options of the reference graph. */
export interface ReferenceOptions {
  /** The whole place code list, not only the places used and their ancestors. */
  readonly allPlaces?: boolean;
}

/** Replaces the reference graph by the resources the article graphs use; returns the quads written. */
export async function rebuildReference(store: Store, iris: Iris, options: ReferenceOptions = {}): Promise<number> {
  const reference = referenceFor(await usedReferenceIris(store, iris), iris);
  if (options.allPlaces === true)
    for (const [k, v] of allPlaceResources(iris)) if (!reference.has(k)) reference.set(k, v);
  return store.replaceGraph(iris.referenceGraph, flatten(reference.values()));
}

function* flatten(groups: Iterable<readonly RDF.Quad[]>): Generator<RDF.Quad> {
  for (const qs of groups) yield* qs;
}

/** The place and period IRIs the article graphs of a store use. */
async function usedReferenceIris(store: Store, ir: Iris): Promise<string[]> {
  const result = await store.query(`SELECT DISTINCT ?x WHERE {
    GRAPH ?g { ?s ?p ?x }
    FILTER(isIRI(?x) && STRSTARTS(STR(?g), "${ir.base}graph/article/")
           && (STRSTARTS(STR(?x), "${ir.base}place/") || STRSTARTS(STR(?x), "${ir.base}period/")))
  }`);
  return result.kind === "bindings" ? result.rows.flatMap((r) => r.get("x")?.value ?? []) : [];
}
