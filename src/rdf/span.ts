/**
 * Text anchors (W3C Web Annotation): a span of an article as a resource with a position and
 * a quote selector. Selectors get deterministic IRIs (`<anchor>#position`, `<anchor>#quote`)
 * instead of blank nodes, so rebuilding an article gives the same quads.
 */
import type { Span } from "../types.js";
import { type GraphWriter, nonNegative, str } from "./terms.js";
import { OA, RDF } from "./vocab.js";

/** Writes `<anchor> oa:hasSource <article> ; oa:hasSelector <anchor#position>, <anchor#quote>`. */
export function writeAnchor(g: GraphWriter, anchor: string, article: string, span: Span): void {
  const position = `${anchor}#position`;
  const quote = `${anchor}#quote`;
  g.add(anchor, OA.hasSource, article)
    .add(anchor, OA.hasSelector, position)
    .add(anchor, OA.hasSelector, quote)
    .add(position, RDF.type, OA.TextPositionSelector)
    .add(position, OA.start, nonNegative(span.start))
    .add(position, OA.end, nonNegative(span.end))
    .add(quote, RDF.type, OA.TextQuoteSelector)
    .add(quote, OA.exact, str(span.exact));
}
