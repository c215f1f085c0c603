/**
 * The store stage: article graphs → named graphs of a store, each replaced (a rebuilt article
 * leaves nothing of its earlier graph behind).
 */

import { Parser } from "n3";
import type { GraphRecord } from "../describe/index.js";
import { KgStore, type Store } from "../store/index.js";
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

/** Bytes of N-Quads per load into the embedded store: a few MB (docs/platform-notes.md). */
const BATCH_BYTES = 4 << 20;

/**
 * Writes article graphs given as N-Quads text (from the build's tasks), each replacing the
 * graph of the same IRI. Into the embedded store the texts go in loads of a few MB (thousands
 * of small loads are several times slower); into a SPARQL server each graph is one replace
 * (a Graph Store PUT), so a reader never sees half of it. `flush()` writes what is pending.
 */
export class GraphTextWriter {
  readonly #store: Store;
  readonly #defer: boolean;
  #pending: { graph: string; nquads: Uint8Array; quads?: number; blankFree?: boolean }[] = [];
  #pendingGraphs = new Set<string>();
  #bytes = 0;

  /** `defer`: the embedded store keeps a new graph as text until it is read (KgStore.loadGraphTexts). */
  constructor(store: Store, options: { readonly defer?: boolean } = {}) {
    this.#store = store;
    this.#defer = options.defer === true;
  }

  /**
   * Writes the graph `graph` (its statements as N-Quads in UTF-8; `quads`: how many distinct
   * ones the store will hold, when known: only then may it wait as text); `replace`: the store
   * may hold an older one; `blankFree`: no statement has a blank node.
   */
  async write(
    graph: string,
    nquads: Uint8Array,
    quads: number | undefined,
    replace: boolean,
    blankFree = false,
  ): Promise<void> {
    if (!(this.#store instanceof KgStore)) {
      const text = Buffer.from(nquads.buffer, nquads.byteOffset, nquads.byteLength).toString("utf8");
      await this.#store.replaceGraph(graph, new Parser({ format: "N-Quads" }).parse(text));
      return;
    }
    if (this.#pendingGraphs.has(graph)) await this.flush(); // the same graph twice in a batch: the later wins
    if (replace) this.#store.dropGraph(graph);
    this.#pending.push({ graph, nquads, blankFree, ...(quads === undefined ? {} : { quads }) });
    this.#pendingGraphs.add(graph);
    this.#bytes += nquads.length;
    if (this.#bytes >= BATCH_BYTES) await this.flush();
  }

  /** Writes the pending texts. */
  async flush(): Promise<void> {
    if (this.#pending.length === 0 || !(this.#store instanceof KgStore)) return;
    const texts = this.#pending;
    this.#pending = [];
    this.#pendingGraphs = new Set();
    this.#bytes = 0;
    this.#store.loadGraphTexts(texts, { defer: this.#defer });
  }
}
