/**
 * Every vocabulary term the project writes or reads, declared once (typed: a misspelt term is a
 * compile error). Standard vocabularies are fixed namespaces; the project's own ontology
 * (`kg:`, ontology/kg.ttl) hangs off the base IRI, so `kgNamespace(base)` gives its terms for
 * a `--base` and `KG` for the default base. test/vocab.test.ts checks `KG_TERMS` against
 * ontology/kg.ttl both ways, and every `kg:` name in code and queries against it.
 */

/** The terms of a namespace, each an IRI, plus `$`: the namespace IRI itself. */
export type Namespace<T extends readonly string[]> = { readonly [K in T[number]]: string } & { readonly $: string };

/** A namespace whose terms are fixed at compile time. */
export function namespace<const T extends readonly string[]>(base: string, terms: T): Namespace<T> {
  const out: Record<string, string> = { $: base };
  for (const t of terms) out[t] = base + t;
  return out as Namespace<T>;
}

/** Default base IRI of everything the builder mints (documented in README). */
export const DEFAULT_BASE = "https://w3id.org/article-kg/";

/** Path of the ontology's namespace under the base (`<base>ontology#`). */
export const ONTOLOGY_PATH = "ontology#";

/** Terms of ontology/kg.ttl that describe places: the GB/T 2260 division types. */
export const STRUCTURE_TERMS = [
  "sourceMention",
  "divisionType",
  "divisionTypes",
  "ProvinceDivision",
  "AutonomousRegion",
  "Municipality",
  "SpecialAdministrativeRegion",
  "PrefectureLevelCity",
  "AutonomousPrefecture",
  "PrefectureRegion",
  "League",
  "District",
  "CountyLevelCity",
  "CountyDivision",
  "AutonomousCounty",
  "Banner",
  "AutonomousBanner",
  "ForestryArea",
  "SpecialDistrict",
] as const;

/** Every term of the project ontology (ontology/kg.ttl), and nothing else. */
export const KG_TERMS = [
  // classes
  "Article",
  "Mention",
  "Place",
  "Program",
  "Organisation",
  "Indicator",
  "Unit",
  "Period",
  // observation properties and attributes
  "indicator",
  "alsoStatedIn",
  "approximation",
  "bound",
  "direction",
  "observationKind",
  "partOf",
  "subIndicator",
  "donorPlace",
  "program",
  "organisation",
  "implementer",
  "donor",
  "recipient",
  "reportedBy",
  "impliesProgram",
  "mentionedIn",
  "level",
  "context",
  // scheme terms: the expected unit of an indicator and whether it is cumulative
  "expectedUnit",
  "cumulative",
  // code lists: their classes, schemes and codes
  "ObservationKind",
  "observationKinds",
  "Result",
  "Target",
  "Approximation",
  "approximations",
  "MoreThan",
  "Nearly",
  "About",
  "Bound",
  "bounds",
  "Above",
  "Below",
  "Direction",
  "directions",
  "Increase",
  "Decrease",
  "PlaceLevel",
  "levels",
  "Province",
  "Prefecture",
  "County",
  "DivisionType",
  ...STRUCTURE_TERMS,
] as const;

/** The project ontology's terms under one base. */
export type KgNamespace = Namespace<typeof KG_TERMS>;

/** The project ontology under a base (ending in / or #): `<base>ontology#indicator` … */
export const kgNamespace = (base: string): KgNamespace => namespace(`${base}${ONTOLOGY_PATH}`, KG_TERMS);

/** The project ontology under the default base (`kg:` of ontology/kg.ttl). */
export const KG = kgNamespace(DEFAULT_BASE);

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
  "positiveInteger",
  "long",
  "int",
  "short",
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
  "order",
  "componentRequired",
  "CodedProperty",
  "concept",
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
  "generatedAtTime",
  "atLocation",
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
  "hiddenLabel",
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
  "softwareVersion",
  "url",
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
  "modified",
  "format",
  "language",
  "publisher",
  "conformsTo",
  "hasPart",
] as const);

/** VoID: the dataset description. */
export const VOID = namespace("http://rdfs.org/ns/void#", [
  "Dataset",
  "Linkset",
  "triples",
  "entities",
  "classes",
  "properties",
  "distinctSubjects",
  "distinctObjects",
  "classPartition",
  "class",
  "uriSpace",
  "vocabulary",
  "dataDump",
  "sparqlEndpoint",
  "subset",
  "linkPredicate",
  "subjectsTarget",
  "objectsTarget",
  "exampleResource",
  "feature",
] as const);

/** DCAT: the dataset description's distributions. */
export const DCAT = namespace("http://www.w3.org/ns/dcat#", [
  "Dataset",
  "Distribution",
  "distribution",
  "mediaType",
  "downloadURL",
  "accessURL",
  "keyword",
  "theme",
] as const);

export const FOAF = namespace("http://xmlns.com/foaf/0.1/", ["homepage"] as const);

/** SHACL: the terms validation reads from shapes and reports. */
export const SH = namespace("http://www.w3.org/ns/shacl#", [
  "NodeShape",
  "property",
  "targetClass",
  "targetObjectsOf",
  "result",
  "resultSeverity",
  "Violation",
  "sourceConstraintComponent",
  "sourceShape",
  "resultPath",
  "value",
  "resultMessage",
  "focusNode",
] as const);

/** SPARQL 1.1 Service Description: the endpoint's description. */
export const SD = namespace("http://www.w3.org/ns/sparql-service-description#", [
  "Service",
  "endpoint",
  "supportedLanguage",
  "resultFormat",
  "feature",
  "defaultEntailmentRegime",
  "defaultDataset",
  "Dataset",
  "defaultGraph",
  "Graph",
  "SPARQL11Query",
  "SPARQL11Update",
  "UnionDefaultGraph",
] as const);

/** The W3C format IRIs (`fmt:Turtle`) of the service description; local names in formats.ts. */
export const FMT = namespace("http://www.w3.org/ns/formats/", [] as const);

/** Entailment regimes (the endpoint's default: simple entailment). */
export const ENTAILMENT = namespace("http://www.w3.org/ns/entailment/", ["Simple"] as const);

/** Wikidata: items, and the direct (truthy) properties used for linking (P442: China administrative division code). */
export const WD = namespace("http://www.wikidata.org/entity/", [] as const);
export const WDT = namespace("http://www.wikidata.org/prop/direct/", ["P442"] as const);

/** GeoNames features (`https://sws.geonames.org/<id>/`). */
export const GEONAMES = namespace("https://sws.geonames.org/", [] as const);

/** QUDT: its vocabularies, and its units (skos:exactMatch of our units). */
export const QUDT = namespace("http://qudt.org/vocab/", [] as const);
export const QUDT_UNIT = namespace("http://qudt.org/vocab/unit/", [] as const);

/** UN SDG KOS (indicators are `C` + two digits per part: 1.2.1 is `C010201`). */
export const UN_SDG = namespace("http://metadata.un.org/sdg/", [] as const);

/** Language codes of the Library of Congress (ISO 639-1) for `dcterms:language`. */
export const ISO639_1 = namespace("http://id.loc.gov/vocabulary/iso639-1/", ["zh"] as const);

/** Media type IRIs as DCAT recommends (IANA registry). */
export const mediaTypeIri = (mediaType: string): string => `https://www.iana.org/assignments/media-types/${mediaType}`;

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
