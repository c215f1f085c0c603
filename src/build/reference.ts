/**
 * The shared reference graph (places with their ancestors, periods), rebuilt from what every
 * article graph in the store uses, so places and periods of removed or re-extracted articles
 * do not linger (and a rebuild is idempotent).
 */
import type * as RDF from "@rdfjs/types";
import { placeCodeList } from "../extract/gazetteer.js";
import type { Iris } from "../rdf/iri.js";
import { allPlaceResources } from "../rdf/place-resources.js";
import { referenceFor } from "../rdf/reference.js";
import type { Store } from "../store/index.js";

/** Options of the reference graph. */
export interface ReferenceOptions {
  /** The whole place code list, not only the places used and their ancestors. */
  readonly allPlaces?: boolean;
  /**
   * The reference IRIs every article graph of the store uses, when the caller knows them (a
   * build that wrote every article graph); else they are looked up in the store.
   */
  readonly used?: Iterable<string>;
  /**
   * The reference IRIs used by the article graphs a build wrote (the others are unchanged):
   * then the store is asked only about these, the resources of the current reference graph and
   * every place, one index lookup each, instead of scanning every article graph.
   */
  readonly added?: Iterable<string>;
}

/** IRI prefixes of the reference resources an article graph can use: places and periods. */
const referencePrefixes = (ir: Iris) => [`${ir.base}place/`, `${ir.base}period/`];

/** Whether an IRI is a reference resource an article graph can use (a place or a period). */
export function referenceIriTest(ir: Iris): (iri: string) => boolean {
  const [place, period] = referencePrefixes(ir) as [string, string];
  return (iri) => iri.startsWith(place) || iri.startsWith(period);
}

/** That ?g is an article graph, as a SPARQL expression. */
const inArticleGraph = (ir: Iris) => `STRSTARTS(STR(?g), ${JSON.stringify(`${ir.base}graph/article/`)})`;

/** `referenceIriTest` of a variable, as a SPARQL expression. */
function isReferenceTerm(variable: string, ir: Iris): string {
  const prefixes = referencePrefixes(ir).map((p) => `STRSTARTS(STR(${variable}), ${JSON.stringify(p)})`);
  return `(isIRI(${variable}) && (${prefixes.join(" || ")}))`;
}

/** Replaces the reference graph by the resources the article graphs use; returns the quads written. */
export async function rebuildReference(store: Store, iris: Iris, options: ReferenceOptions = {}): Promise<number> {
  const used =
    options.used !== undefined
      ? [...options.used]
      : options.added !== undefined && (await hasGraph(store, iris.referenceGraph))
        ? await stillUsed(store, iris, candidates(await referenceResources(store, iris), options.added, iris))
        : await usedReferenceIris(store, iris);
  const reference = referenceFor(used.sort(), iris);
  if (options.allPlaces === true)
    for (const [k, v] of allPlaceResources(iris)) if (!reference.has(k)) reference.set(k, v);
  return store.replaceGraph(iris.referenceGraph, flatten(reference.values()));
}

function* flatten(groups: Iterable<readonly RDF.Quad[]>): Generator<RDF.Quad> {
  for (const qs of groups) yield* qs;
}

/**
 * What an article graph of the store may use: a resource of the current reference graph (built
 * from what the article graphs used), one that a graph of this build uses, or any place.
 */
function candidates(reference: Iterable<string>, added: Iterable<string>, ir: Iris): Set<string> {
  const out = new Set<string>([...reference, ...added]);
  for (const p of placeCodeList()) out.add(ir.place(p.place.code));
  return out;
}

async function hasGraph(store: Store, graph: string): Promise<boolean> {
  const r = await store.query(`ASK { GRAPH <${graph}> { ?s ?p ?o } }`);
  return r.kind === "boolean" && r.value;
}

/** The place and period resources of the reference graph. */
async function referenceResources(store: Store, ir: Iris): Promise<string[]> {
  const result = await store.query(`SELECT DISTINCT ?x WHERE {
    GRAPH <${ir.referenceGraph}> { ?x ?p ?o }
    FILTER${isReferenceTerm("?x", ir)}
  }`);
  return result.kind === "bindings" ? result.rows.flatMap((r) => r.get("x")?.value ?? []) : [];
}

/** Those of the IRIs that an article graph of the store uses (EXISTS: it stops at the first use). */
async function stillUsed(store: Store, ir: Iris, candidate: ReadonlySet<string>): Promise<string[]> {
  if (candidate.size === 0) return [];
  const result = await store.query(`SELECT ?x WHERE {
    VALUES ?x { ${[...candidate].map((x) => `<${x}>`).join(" ")} }
    FILTER EXISTS { GRAPH ?g { ?s ?p ?x } FILTER(${inArticleGraph(ir)}) }
  }`);
  return result.kind === "bindings" ? result.rows.flatMap((r) => r.get("x")?.value ?? []) : [];
}

/** The place and period IRIs the article graphs of a store use (what `referenceIriTest` says, by SPARQL). */
async function usedReferenceIris(store: Store, ir: Iris): Promise<string[]> {
  const result = await store.query(`SELECT DISTINCT ?x WHERE {
    GRAPH ?g { ?s ?p ?x }
    FILTER(${inArticleGraph(ir)} && ${isReferenceTerm("?x", ir)})
  }`);
  return result.kind === "bindings" ? result.rows.flatMap((r) => r.get("x")?.value ?? []) : [];
}
