/**
 * The open-data graphs the project links into, each a VoID link target: the IRI space its
 * resources live in, and the predicates our links use.
 */

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
    uriSpace: "http://www.wikidata.org/entity/",
  },
  { id: "geonames", title: "GeoNames", homepage: "https://www.geonames.org/", uriSpace: "https://sws.geonames.org/" },
  {
    id: "un-sdg",
    title: "UN SDG indicators (UN SDG KOS)",
    homepage: "http://metadata.un.org/sdg/",
    uriSpace: "http://metadata.un.org/sdg/",
  },
  { id: "qudt", title: "QUDT units", homepage: "http://qudt.org/", uriSpace: "http://qudt.org/vocab/unit/" },
];

/** Link predicates counted into link sets. */
export const LINK_PREDICATES: readonly string[] = [
  "http://www.w3.org/2002/07/owl#sameAs",
  "http://www.w3.org/2004/02/skos/core#exactMatch",
  "http://www.w3.org/2004/02/skos/core#closeMatch",
];

/** GeoNames feature IRI of a GeoNames id (the form Wikidata's P1566 links to). */
export const geonamesIri = (id: string): string => `https://sws.geonames.org/${id}/`;
