/**
 * Figures of the published dataset, counted by SPARQL on any store: the graphs under
 * `<base>graph/` (articles, reference, links), not the description graph itself and not
 * imported graphs (they are other people's data).
 */

import { LINK_PREDICATES, LINK_TARGETS } from "../link/targets.js";
import type { Iris } from "../rdf/iri.js";
import { KgStore, type Store } from "../store/index.js";
import { type DatasetTally, ntriplesKeys, type StatementKeys, statementKeysOf } from "./graph-summary.js";

/** IRI of the graph holding the VoID/DCAT description of the dataset. */
export const descriptionGraph = (iris: Iris): string => `${iris.base}graph/description`;
/** IRI of the graph holding the PROV records of the builds. */
export const provenanceGraph = (iris: Iris): string => `${iris.base}graph/provenance`;

/** Counts of one link set: predicate and target. */
export interface LinksetStats {
  readonly target: string;
  readonly predicate: string;
  readonly triples: number;
}

/** What VoID says about the dataset. */
export interface DatasetStats {
  /** Distinct triples over the dataset's graphs. */
  readonly triples: number;
  /** Distinct IRI subjects under the base. */
  readonly entities: number;
  readonly distinctSubjects: number;
  readonly properties: number;
  readonly distinctObjects: number;
  /** Entities per class, by class IRI. */
  readonly classes: ReadonlyMap<string, number>;
  readonly linksets: readonly LinksetStats[];
  readonly graphs: number;
}

const num = (v: string | undefined) => Number(v ?? 0);

/** Whether a graph is one of the dataset's (under `<base>graph/`, not the description). */
const isDatasetGraph =
  (iris: Iris) =>
  (g: string): boolean =>
    g.startsWith(`${iris.base}graph/`) && g !== descriptionGraph(iris);

/**
 * Counts the dataset's figures on a store. With a tally of the graphs the embedded store holds
 * as text only (a build's article graphs, summarised as they were made), those graphs are
 * counted from it and only the others from the store; the tally takes their statements. When
 * the tally does not add up (see `DatasetTally.consistent`), every graph is counted by the store.
 */
export async function datasetStats(store: Store, iris: Iris, tally?: DatasetTally): Promise<DatasetStats> {
  if (tally !== undefined && store instanceof KgStore) {
    const figures = tallyStats(store, iris, tally);
    if (figures !== undefined) return figures;
  }
  const inDatasetOf = (g: string) =>
    `FILTER(STRSTARTS(STR(${g}), ${JSON.stringify(`${iris.base}graph/`)}) && ${g} != <${descriptionGraph(iris)}>)`;
  const inDataset = inDatasetOf("?g");
  const select = async (q: string) => {
    const r = await store.query(q, { defaultGraphAsUnion: true });
    return r.kind === "bindings" ? r.rows : [];
  };
  // The embedded store: the dataset's graphs listed in VALUES, so that the store reads each
  // graph's statements by its name instead of testing the name of every statement of every
  // graph (10,000 articles: 20 s → 11 s). A server lists its graphs by a scan of every quad
  // (Virtuoso: past its time limit on 1,000 articles), so there the name is tested.
  const listed = store instanceof KgStore ? store.graphs().filter(isDatasetGraph(iris)) : undefined;
  const inGraphs = (pattern: string) =>
    listed === undefined
      ? `GRAPH ?g { ${pattern} } ${inDataset}`
      : `VALUES ?g { ${listed.map((g) => `<${g}>`).join(" ")} } GRAPH ?g { ${pattern} }`;
  const graphClause = inGraphs("?s ?p ?o");
  // one pass for the quads and the distinct subjects, properties, objects, graphs and entities
  // (IRI subjects under the base: COUNT skips the unbound value IF gives the others)
  const [distinct] = await select(
    `SELECT (COUNT(*) AS ?quads) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?o) AS ?objects) (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT IF(isIRI(?s) && STRSTARTS(STR(?s), ${JSON.stringify(iris.base)}), ?s, ?none)) AS ?entities) WHERE { ${graphClause} }`,
  );
  // Distinct triples: the quads less those whose triple an earlier graph of the dataset states
  // too. Counted with EXISTS (one index lookup per quad), not with SELECT DISTINCT ?s ?p ?o: the
  // store's hash set of every triple grew its WebAssembly memory in thousands of small steps,
  // each one a full garbage collection of the JS heap (95 s of a 10,000-article build). The
  // cheap test of another graph comes first: almost every triple is in one graph only.
  const inEarlier = inDatasetOf("?earlier");
  const [repeats] = await select(
    `SELECT (COUNT(*) AS ?n) WHERE { ${graphClause} FILTER EXISTS { GRAPH ?earlier { ?s ?p ?o } FILTER(?earlier != ?g) FILTER(STR(?earlier) < STR(?g)) ${inEarlier} } }`,
  );
  const classes = new Map<string, number>();
  for (const row of await select(
    `SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ${inGraphs("?s a ?c")} FILTER(isIRI(?c)) } GROUP BY ?c ORDER BY ?c`,
  )) {
    const c = row.get("c")?.value;
    if (c !== undefined) classes.set(c, num(row.get("n")?.value));
  }
  const linksets: LinksetStats[] = [];
  // the link predicates as VALUES, so that the store looks them up instead of scanning every triple
  const predicates = LINK_PREDICATES.map((p) => `<${p}>`).join(" ");
  for (const t of LINK_TARGETS) {
    for (const row of await select(
      `SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { VALUES ?p { ${predicates} } GRAPH ?g { ?s ?p ?o } ${inDataset} FILTER(isIRI(?o) && STRSTARTS(STR(?o), ${JSON.stringify(t.uriSpace)})) } } GROUP BY ?p ORDER BY ?p`,
    )) {
      const p = row.get("p")?.value;
      if (p !== undefined) linksets.push({ target: t.id, predicate: p, triples: num(row.get("n")?.value) });
    }
  }
  return {
    triples: num(distinct?.get("quads")?.value) - num(repeats?.get("n")?.value),
    entities: num(distinct?.get("entities")?.value),
    distinctSubjects: num(distinct?.get("subjects")?.value),
    properties: num(distinct?.get("properties")?.value),
    distinctObjects: num(distinct?.get("objects")?.value),
    graphs: num(distinct?.get("graphs")?.value),
    classes,
    linksets,
  };
}

/** The figures from a tally of the store's deferred graphs and the statements of its other graphs. */
function tallyStats(store: KgStore, iris: Iris, tally: DatasetTally): DatasetStats | undefined {
  const deferred = store.deferredGraphs();
  const dataset = store.graphs().filter(isDatasetGraph(iris));
  const inDataset = new Set(dataset);
  if (deferred.size !== tally.graphs.size) return undefined;
  for (const g of tally.graphs) if (!deferred.has(g) || !inDataset.has(g)) return undefined;
  // each graph's statements as keys from the store's own N-Triples (its terms through JS took
  // seconds for the provenance and reference graphs of a large store)
  const others = function* (): Generator<StatementKeys> {
    for (const g of dataset) {
      if (deferred.has(g)) continue;
      const keys = ntriplesKeys(store.graphText(g, "ntriples"));
      if (keys !== undefined) yield* keys;
      else for (const q of store.quadsOf(g)) yield statementKeysOf(q);
    }
  };
  const f = tally.figures(others());
  if (f === undefined) return undefined;
  const linksets: LinksetStats[] = [];
  for (const t of LINK_TARGETS) {
    const perPredicate = f.links.get(t.id);
    if (perPredicate === undefined) continue;
    for (const p of [...perPredicate.keys()].sort())
      linksets.push({ target: t.id, predicate: p, triples: perPredicate.get(p) as number });
  }
  return {
    triples: f.triples,
    entities: f.entities,
    distinctSubjects: f.subjects,
    properties: f.properties,
    distinctObjects: f.objects,
    graphs: dataset.length,
    classes: f.classes,
    linksets,
  };
}
