/**
 * The links every build writes, each set in its own named graph under `graph/links/`:
 * places → Wikidata and GeoNames (owl:sameAs, data/place-links.csv), indicators → UN SDG
 * indicators (skos:closeMatch, data/indicators.json), units → QUDT and Wikidata
 * (skos:exactMatch, data/units.json).
 */
import type * as RDF from "@rdfjs/types";
import type { Iris } from "../rdf/iri.js";
import { indicatorSchemeQuads, loadIndicators, loadUnits, unitSchemeQuads } from "../rdf/schemes.js";
import { SKOS } from "../rdf/vocab.js";
import { loadPlaceLinks, placeLinkQuads } from "./place-links.js";

/** IRI of a link graph: `<base>graph/links/<name>`. */
export const linkGraph = (iris: Iris, name: string): string => `${iris.base}graph/links/${name}`;

/** One link set and the graph it goes to. */
export interface LinkGraph {
  readonly graph: string;
  readonly quads: readonly RDF.Quad[];
}

/** The shipped link sets for a base. */
export function referenceLinks(iris: Iris): LinkGraph[] {
  const only = (p: string) => (q: RDF.Quad) => q.predicate.value === p;
  const places = linkGraph(iris, "places");
  const indicators = linkGraph(iris, "indicators");
  const units = linkGraph(iris, "units");
  return [
    { graph: places, quads: placeLinkQuads(loadPlaceLinks(), iris, places) },
    {
      graph: indicators,
      quads: indicatorSchemeQuads(loadIndicators(), { iris, graph: indicators }).filter(only(SKOS.closeMatch)),
    },
    { graph: units, quads: unitSchemeQuads(loadUnits(), { iris, graph: units }).filter(only(SKOS.exactMatch)) },
  ];
}
