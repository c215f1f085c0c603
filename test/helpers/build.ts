/** Builds a folder of articles into any store the way `article-kg build` does (for the linked-data tests). */
import type * as RDF from "@rdfjs/types";
import { type ArticleGraph, articleGraphs } from "../../src/build/article-graph.js";
import { finishBuild } from "../../src/build/finish.js";
import { articleFiles, readArticles } from "../../src/build/sources.js";
import { writeArticleGraphs } from "../../src/build/write.js";
import type { Iris } from "../../src/rdf/iri.js";
import type { Store } from "../../src/store/index.js";

/** Builds every article under `dir` into the store, then its links, provenance and description. */
export async function buildInto(store: Store, dir: string, iris: Iris): Promise<void> {
  const started = new Date();
  const reference = new Map<string, readonly RDF.Quad[]>();
  const remember = (g: ArticleGraph) => {
    for (const [k, v] of g.reference) if (!reference.has(k)) reference.set(k, v);
  };
  const written = await writeArticleGraphs(store, articleGraphs(readArticles(articleFiles([dir])), iris), remember);
  await store.loadQuads([...reference.values()].flat(), iris.referenceGraph);
  await finishBuild(store, iris, { started, graphs: written.records });
}
