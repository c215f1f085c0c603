/**
 * The extract and map stages for one article: article → facts → the quads of its named graph.
 * Pure and synchronous, so a parallel build can run it in a worker thread per article.
 */
import type * as RDF from "@rdfjs/types";
import { extract } from "../extract/index.js";
import { articleTextQuads } from "../rdf/article-text.js";
import type { Iris } from "../rdf/iri.js";
import { mapExtraction } from "../rdf/map.js";
import { QB, RDF as RDFV } from "../rdf/vocab.js";
import type { Article, Extraction } from "../types.js";

/** One article as the store receives it: its named graph, its quads and the reference resources it uses. */
export interface ArticleGraph {
  readonly extraction: Extraction;
  /** IRI of the article's named graph. */
  readonly graph: string;
  /** IRI of the article resource (prov:used by the build). */
  readonly article: string;
  /** Quads of the article graph, the article text (schema:text) included. */
  readonly quads: readonly RDF.Quad[];
  /** Reference resources used, keyed by IRI, all in `iris.referenceGraph`. */
  readonly reference: ReadonlyMap<string, readonly RDF.Quad[]>;
  /** Number of qb:Observation in the graph. */
  readonly observations: number;
}

/** Options of the map stage. */
export interface GraphOptions {
  /** Put the article text (schema:text) in the graph (default true: the store wants it, `extract` prints without it). */
  readonly text?: boolean;
}

/** The extract stage: the facts of an article. */
export function extractFacts(article: Article): Extraction {
  return extract(article);
}

/** Extracts the facts of an article and maps them to its graph. */
export function articleGraph(article: Article, iris: Iris, options: GraphOptions = {}): ArticleGraph {
  return graphOfExtraction(extractFacts(article), iris, options);
}

/**
 * The map stage: an extraction as its article graph. The article text rides along (unless
 * `text: false`) so readers can show facts in their sentences.
 */
export function graphOfExtraction(extraction: Extraction, iris: Iris, options: GraphOptions = {}): ArticleGraph {
  const mapped = mapExtraction(extraction, iris);
  const quads =
    options.text === false ? mapped.quads : [...mapped.quads, ...articleTextQuads(extraction.article, iris)];
  return {
    extraction,
    graph: mapped.graph,
    article: iris.article(extraction.article.id),
    quads,
    reference: mapped.reference,
    observations: countObservations(mapped.quads),
  };
}

/** The extract and map stages over a stream of articles, one at a time. */
export async function* articleGraphs(
  articles: AsyncIterable<Article> | Iterable<Article>,
  iris: Iris,
): AsyncGenerator<ArticleGraph> {
  for await (const a of articles) yield articleGraph(a, iris);
}

function countObservations(quads: readonly RDF.Quad[]): number {
  let n = 0;
  for (const q of quads) if (q.predicate.value === RDFV.type && q.object.value === QB.Observation) n++;
  return n;
}
