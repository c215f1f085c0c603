/**
 * The open-data graphs the project links into, each a VoID link target: the IRI space its
 * resources live in, and the predicates our links use.
 */

import { GEONAMES, OWL, QUDT_UNIT, SKOS, UN_SDG, WD } from "../rdf/vocab.js";

/** One external dataset our links point into. */
export interface LinkTarget {
  /** Short id, used in IRIs (`dataset/target/<id>`). */
  readonly id: string;
  readonly title: string;
  readonly homepage: string;
  /** Namespace of its resources (void:uriSpace). */
  readonly uriSpace: string;
}

export const LINK_TARGETS: readonly LinkTarget[] = [
  {
    id: "wikidata",
    title: "Wikidata",
    homepage: "https://www.wikidata.org/",
    uriSpace: WD.$,
  },
  { id: "geonames", title: "GeoNames", homepage: "https://www.geonames.org/", uriSpace: GEONAMES.$ },
  {
    id: "un-sdg",
    title: "UN SDG indicators (UN SDG KOS)",
    homepage: "http://metadata.un.org/sdg/",
    uriSpace: UN_SDG.$,
  },
  { id: "qudt", title: "QUDT units", homepage: "http://qudt.org/", uriSpace: QUDT_UNIT.$ },
];

/** Link predicates counted into link sets. */
export const LINK_PREDICATES: readonly string[] = [OWL.sameAs, SKOS.exactMatch, SKOS.closeMatch];

/** GeoNames feature IRI of a GeoNames id (the form Wikidata's P1566 links to). */
export const geonamesIri = (id: string): string => `${GEONAMES.$}${id}/`;
