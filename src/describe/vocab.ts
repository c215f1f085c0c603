/** Vocabulary terms of the dataset description (VoID, DCAT, PROV, schema.org) not in `rdf/vocab.ts`. */
import { namespace } from "../rdf/vocab.js";

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

export const PROV_EXTRA = namespace("http://www.w3.org/ns/prov#", ["generatedAtTime", "atLocation"] as const);

export const DCTERMS_EXTRA = namespace("http://purl.org/dc/terms/", [
  "modified",
  "format",
  "language",
  "publisher",
  "conformsTo",
  "hasPart",
] as const);

export const SCHEMA_EXTRA = namespace("https://schema.org/", ["softwareVersion", "url"] as const);
export const FOAF = namespace("http://xmlns.com/foaf/0.1/", ["homepage"] as const);

/** Media type IRIs as DCAT recommends (IANA registry). */
export const mediaTypeIri = (mediaType: string): string => `https://www.iana.org/assignments/media-types/${mediaType}`;
