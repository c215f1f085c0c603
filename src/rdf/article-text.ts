/**
 * The article's full text as `schema:text` in its graph, so that a reader (the web page of
 * `serve`) can show every fact's source sentence inside the article: the `oa:start`/`oa:end`
 * offsets of the anchors are code point offsets into exactly this string.
 */
import type * as RDF from "@rdfjs/types";
import type { Article } from "../types.js";
import type { Iris } from "./iri.js";
import { GraphWriter, str } from "./terms.js";
import { SCHEMA } from "./vocab.js";

/** `<article> schema:text "…"` in the article's named graph. */
export function articleTextQuads(article: Article, iris: Iris): RDF.Quad[] {
  return new GraphWriter(iris.articleGraph(article.id)).add(iris.article(article.id), SCHEMA.text, str(article.text))
    .quads;
}
