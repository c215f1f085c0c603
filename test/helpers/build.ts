/** Builds a folder of articles into any store the way `article-kg build` does (for the linked-data tests). */
import type * as RDF from "@rdfjs/types";
import { articleFiles, extractAll, mapAll, readArticles } from "../../src/cli/pipeline.js";
import { finishBuild, type GraphRecord } from "../../src/describe/index.js";
import type { Iris } from "../../src/rdf/iri.js";
import type { Store } from "../../src/store/index.js";

/** Builds every article under `dir` into the store, then its links, provenance and description. */
export async function buildInto(store: Store, dir: string, iris: Iris): Promise<void> {
  const started = new Date();
  const graphs: GraphRecord[] = [];
  const reference = new Map<string, readonly RDF.Quad[]>();
  for await (const { extraction, mapped } of mapAll(extractAll(readArticles(articleFiles([dir]))), iris)) {
    await store.replaceGraph(mapped.graph, mapped.quads);
    graphs.push({ graph: mapped.graph, article: iris.article(extraction.article.id), at: new Date() });
    for (const [k, v] of mapped.reference) if (!reference.has(k)) reference.set(k, v);
  }
  await store.loadQuads([...reference.values()].flat(), iris.referenceGraph);
  await finishBuild(store, iris, { started, graphs });
}
