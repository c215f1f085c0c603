/**
 * A whole build, in its one order: read → extract → map → store each article graph, then the
 * reference graph, the link sets, the provenance and the description, then save. The CLI's
 * `build`, the tests and the benchmarks call this; none of them keeps an order of its own.
 */
import { KgError } from "../errors.js";
import type { Iris } from "../rdf/iri.js";
import type { Store } from "../store/index.js";
import { type ArticleGraph, articleGraphs } from "./article-graph.js";
import { finishBuild } from "./finish.js";
import { rebuildReference } from "./reference.js";
import { readArticles, type SourceOptions } from "./sources.js";
import { type WrittenGraphs, writeArticleGraphs } from "./write.js";

/** Options of a build. */
export interface BuildOptions extends SourceOptions {
  readonly iris: Iris;
  /** Called after each article graph is written (progress). */
  readonly onArticle?: (graph: ArticleGraph) => void;
  /** Called once every article graph is written, before the shared graphs. */
  readonly onArticlesWritten?: () => void;
  /** Put the whole place code list in the reference graph. */
  readonly allPlaces?: boolean;
  /** Licence of the dataset in its description. */
  readonly license?: string;
  /** Query endpoint of a server store (void:sparqlEndpoint). */
  readonly sparqlEndpoint?: string;
}

/** What a build did. */
export interface BuildResult extends WrittenGraphs {
  /** Quads written in all (article graphs, reference, links, provenance, description). */
  readonly quads: number;
}

/**
 * Builds the article files into the store and saves it. When no file could be read as an
 * article the store is neither changed nor saved (E_INPUT_NOT_FOUND).
 */
export async function buildStore(store: Store, files: readonly string[], options: BuildOptions): Promise<BuildResult> {
  const { iris, onArticle, onArticlesWritten, allPlaces, license, sparqlEndpoint, ...read } = options;
  const started = new Date();
  const written = await writeArticleGraphs(store, articleGraphs(readArticles(files, read), iris), onArticle);
  onArticlesWritten?.();
  if (written.articles === 0)
    throw new KgError(
      "E_INPUT_NOT_FOUND",
      `none of the ${files.length} file${files.length === 1 ? "" : "s"} could be read as an article; the store was left as it was.`,
    );
  let quads = written.quads;
  quads += await rebuildReference(store, iris, { allPlaces: allPlaces === true });
  // Links, provenance of this build and the VoID/DCAT description.
  quads += await finishBuild(store, iris, {
    started,
    graphs: written.records,
    ...(license === undefined ? {} : { license }),
    ...(sparqlEndpoint === undefined ? {} : { sparqlEndpoint }),
  });
  await store.save();
  return { ...written, quads };
}
