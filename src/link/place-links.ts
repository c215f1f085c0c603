/**
 * Known identifiers of places in other open-data graphs (data/place-links.csv: GB/T 2260 code,
 * Wikidata item, GeoNames id; reference data copied from public sources), as owl:sameAs links.
 */
import type * as RDF from "@rdfjs/types";
import { dataText, dataUrl } from "../data/load.js";
import { KgError } from "../errors.js";
import type { Iris } from "../rdf/iri.js";
import { GraphWriter } from "../rdf/terms.js";
import { OWL, WD } from "../rdf/vocab.js";
import { geonamesIri } from "./targets.js";

/** One row of data/place-links.csv. */
export interface PlaceLink {
  readonly name: string;
  /** Six-digit GB/T 2260 code. */
  readonly gb2260: string;
  /** Wikidata item id ("Q47974"), where confirmed. */
  readonly wikidata?: string;
  /** GeoNames feature id ("1796480"), where known. */
  readonly geonames?: string;
}

/** Location of the shipped place links. */
export const PLACE_LINKS_FILE = dataUrl("place-links.csv");

/** Parses the CSV (header `name_zh,gb2260,wikidata,geonames`; no quoted fields). */
export function parsePlaceLinks(text: string, file = "data/place-links.csv"): PlaceLink[] {
  const lines = text.split(/\r?\n/u).filter((l) => l.trim() !== "");
  const header = lines
    .shift()
    ?.split(",")
    .map((h) => h.trim());
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new KgError("E_VALIDATION", `${file}: no column "${name}" in the header.`);
    return i;
  };
  const [iName, iCode, iWd, iGn] = [col("name_zh"), col("gb2260"), col("wikidata"), col("geonames")];
  return lines.map((line, n) => {
    const f = line.split(",").map((x) => x.trim());
    const at = `${file}, line ${n + 2}`;
    const code = f[iCode] ?? "";
    const wikidata = f[iWd] ?? "";
    const geonames = f[iGn] ?? "";
    if (!/^\d{6}$/u.test(code))
      throw new KgError("E_VALIDATION", `${at}: "${code}" is not a six-digit GB/T 2260 code.`);
    if (wikidata !== "" && !/^Q\d+$/u.test(wikidata))
      throw new KgError("E_VALIDATION", `${at}: "${wikidata}" is not a Wikidata item id.`);
    if (geonames !== "" && !/^\d+$/u.test(geonames))
      throw new KgError("E_VALIDATION", `${at}: "${geonames}" is not a GeoNames id.`);
    return {
      name: f[iName] ?? "",
      gb2260: code,
      ...(wikidata === "" ? {} : { wikidata }),
      ...(geonames === "" ? {} : { geonames }),
    };
  });
}

let cache: readonly PlaceLink[] | undefined;

/** The shipped place links, read once. */
export function loadPlaceLinks(): readonly PlaceLink[] {
  cache ??= Object.freeze(parsePlaceLinks(dataText("place-links.csv"), PLACE_LINKS_FILE.pathname));
  return cache;
}

/** `<place> owl:sameAs <wikidata item>, <geonames feature>` for each known link, in `graph`. */
export function placeLinkQuads(links: readonly PlaceLink[], iris: Iris, graph: string): RDF.Quad[] {
  const g = new GraphWriter(graph);
  for (const l of links) {
    const place = iris.place(l.gb2260);
    if (l.wikidata !== undefined) g.add(place, OWL.sameAs, WD.$ + l.wikidata);
    if (l.geonames !== undefined) g.add(place, OWL.sameAs, geonamesIri(l.geonames));
  }
  return g.quads;
}
