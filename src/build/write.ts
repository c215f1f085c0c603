/**
 * The store stage: article graphs → named graphs of a store, each replaced (a rebuilt article
 * leaves nothing of its earlier graph behind).
 */
import type { GraphRecord } from "../describe/index.js";
import type { Store } from "../store/index.js";
import type { ArticleGraph } from "./article-graph.js";

/** What writing a batch of article graphs did. */
export interface WrittenGraphs {
  /** One record per article graph written, in order (the provenance of the build). */
  readonly records: readonly GraphRecord[];
  readonly articles: number;
  readonly observations: number;
  /** Quads written. */
  readonly quads: number;
}

/**
 * Writes each article graph into the store, replacing the graph of the same IRI; `onWritten`
 * is called after each one (progress).
 */
export async function writeArticleGraphs(
  store: Store,
  graphs: AsyncIterable<ArticleGraph> | Iterable<ArticleGraph>,
  onWritten?: (graph: ArticleGraph) => void,
): Promise<WrittenGraphs> {
  const records: GraphRecord[] = [];
  let observations = 0;
  let quads = 0;
  for await (const g of graphs) {
    quads += await store.replaceGraph(g.graph, g.quads);
    records.push({ graph: g.graph, article: g.article, at: new Date() });
    observations += g.observations;
    onWritten?.(g);
  }
  return { records, articles: records.length, observations, quads };
}
