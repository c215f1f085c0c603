/**
 * Every vocabulary term the project writes, declared once (typed: a misspelt term is a
 * compile error). The project's own terms live under the base IRI (see `iri.ts`).
 */

/** A namespace whose terms are fixed at compile time. */
export function namespace<const T extends readonly string[]>(
  base: string,
  terms: T,
): { readonly [K in T[number]]: string } & { readonly $: string } {
  const out: Record<string, string> = { $: base };
  for (const t of terms) out[t] = base + t;
  return out as { readonly [K in T[number]]: string } & { readonly $: string };
}

export const RDF = namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#", ["type", "value"] as const);
export const RDFS = namespace("http://www.w3.org/2000/01/rdf-schema#", [
  "label",
  "comment",
  "seeAlso",
  "subClassOf",
  "subPropertyOf",
  "range",
  "domain",
] as const);
export const OWL = namespace("http://www.w3.org/2002/07/owl#", [
  "sameAs",
  "Ontology",
  "Class",
  "ObjectProperty",
  "DatatypeProperty",
] as const);
export const XSD = namespace("http://www.w3.org/2001/XMLSchema#", [
  "decimal",
  "integer",
  "nonNegativeInteger",
  "gYear",
  "date",
  "dateTime",
  "string",
  "boolean",
] as const);
export const QB = namespace("http://purl.org/linked-data/cube#", [
  "Observation",
  "DataSet",
  "dataSet",
  "structure",
  "DataStructureDefinition",
  "DimensionProperty",
  "MeasureProperty",
  "AttributeProperty",
  "component",
  "dimension",
  "measure",
  "attribute",
  "codeList",
] as const);
export const SDMX_DIMENSION = namespace("http://purl.org/linked-data/sdmx/2009/dimension#", [
  "refArea",
  "refPeriod",
] as const);
export const SDMX_MEASURE = namespace("http://purl.org/linked-data/sdmx/2009/measure#", ["obsValue"] as const);
export const SDMX_ATTRIBUTE = namespace("http://purl.org/linked-data/sdmx/2009/attribute#", ["unitMeasure"] as const);
export const PROV = namespace("http://www.w3.org/ns/prov#", [
  "wasDerivedFrom",
  "Activity",
  "Entity",
  "used",
  "generated",
  "wasGeneratedBy",
  "startedAtTime",
  "endedAtTime",
  "wasAssociatedWith",
  "SoftwareAgent",
] as const);
export const OA = namespace("http://www.w3.org/ns/oa#", [
  "hasSource",
  "hasSelector",
  "TextPositionSelector",
  "TextQuoteSelector",
  "start",
  "end",
  "exact",
  "prefix",
  "suffix",
] as const);
export const TIME = namespace("http://www.w3.org/2006/time#", [
  "Interval",
  "Instant",
  "hasBeginning",
  "hasEnd",
  "inXSDgYear",
] as const);
export const SKOS = namespace("http://www.w3.org/2004/02/skos/core#", [
  "Concept",
  "ConceptScheme",
  "inScheme",
  "prefLabel",
  "altLabel",
  "notation",
  "broader",
  "narrower",
  "exactMatch",
  "closeMatch",
  "definition",
  "topConceptOf",
  "hasTopConcept",
] as const);
export const SCHEMA = namespace("https://schema.org/", [
  "Place",
  "AdministrativeArea",
  "containedInPlace",
  "name",
  "NewsArticle",
  "headline",
  "datePublished",
  "text",
  "Organization",
  "mentions",
  "contentLocation",
  "location",
] as const);
export const DCTERMS = namespace("http://purl.org/dc/terms/", [
  "title",
  "source",
  "issued",
  "created",
  "identifier",
  "isPartOf",
  "license",
  "description",
  "spatial",
] as const);

/** Prefixes used when writing Turtle and in named queries. */
export const PREFIXES: Readonly<Record<string, string>> = {
  rdf: RDF.$,
  rdfs: RDFS.$,
  owl: OWL.$,
  xsd: XSD.$,
  qb: QB.$,
  "sdmx-dimension": SDMX_DIMENSION.$,
  "sdmx-measure": SDMX_MEASURE.$,
  "sdmx-attribute": SDMX_ATTRIBUTE.$,
  prov: PROV.$,
  oa: OA.$,
  time: TIME.$,
  skos: SKOS.$,
  schema: SCHEMA.$,
  dcterms: DCTERMS.$,
};
