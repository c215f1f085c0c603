/**
 * The end of a build, on any store: the shipped link sets (each graph replaced), the PROV of
 * the build (records of rebuilt graphs replaced), then the VoID/DCAT description counted from
 * the store as it now is.
 */

import {
  activityIri,
  buildProvenance,
  type DatasetTally,
  datasetStats,
  describeDataset,
  descriptionGraph,
  forgetGraphsUpdate,
  type GraphRecord,
  provenanceGraph,
} from "../describe/index.js";
import { referenceLinks } from "../link/reference-links.js";
import type { Iris } from "../rdf/iri.js";
import { PROV } from "../rdf/vocab.js";
import type { Store } from "../store/index.js";

/** What the build did before its end. */
export interface BuildRun {
  readonly started: Date;
  readonly graphs: readonly GraphRecord[];
  /** Article graphs dropped by this build (their provenance records go too). */
  readonly dropped?: readonly string[];
  /** The clock of the end time (default: now). */
  readonly now?: () => Date;
  readonly license?: string;
  /** Query endpoint of a server store (for void:sparqlEndpoint). */
  readonly sparqlEndpoint?: string;
  /** Summaries of the article graphs the store holds as text only (counted without loading them). */
  readonly tally?: DatasetTally;
}

/** Writes the link sets, the provenance and the description; returns the quads written. */
export async function finishBuild(store: Store, iris: Iris, run: BuildRun): Promise<number> {
  let written = 0;
  const generated = [iris.referenceGraph, descriptionGraph(iris)];
  for (const l of referenceLinks(iris)) {
    written += await store.replaceGraph(l.graph, l.quads);
    generated.push(l.graph);
  }
  // only graphs that have records: a build of 10,000 new articles would otherwise parse an
  // update naming all of them (seconds of sparqljs) to delete nothing
  const recorded = await recordedGraphs(store, iris);
  const forget = forgetGraphsUpdate(
    [...run.graphs.map((g) => g.graph).filter((g) => recorded.has(g)), ...(run.dropped ?? [])],
    iris,
  );
  if (forget !== undefined) await store.update(forget, { graphs: [provenanceGraph(iris)], reads: [] });
  const ended = run.now?.() ?? new Date();
  written += await store.loadQuads(
    buildProvenance({ started: run.started, ended, graphs: run.graphs, generated }, iris),
    provenanceGraph(iris),
  );
  const stats = await datasetStats(store, iris, run.tally);
  written += await store.replaceGraph(
    descriptionGraph(iris),
    describeDataset(stats, iris, {
      activity: activityIri(iris, run.started),
      modified: ended,
      ...(run.license === undefined ? {} : { license: run.license }),
      ...(run.sparqlEndpoint === undefined ? {} : { sparqlEndpoint: run.sparqlEndpoint }),
    }),
  );
  return written;
}

/** The graphs the provenance graph holds records of (read from that graph alone). */
async function recordedGraphs(store: Store, iris: Iris): Promise<Set<string>> {
  const prov = provenanceGraph(iris);
  const r = await store.query(`SELECT DISTINCT ?g WHERE { ?g <${PROV.wasGeneratedBy}> ?a }`, {
    defaultGraphs: [prov],
    namedGraphs: [],
  });
  return new Set(r.kind === "bindings" ? r.rows.map((row) => row.get("g")?.value ?? "") : []);
}
