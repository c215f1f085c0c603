/** The service description (W3C SPARQL 1.1 Service Description vocabulary) of the endpoint. */
import { Parser } from "n3";
import { FORMAT_INFO } from "../rdf/formats.js";
import { quadsToString } from "../rdf/serialize.js";
import { DCTERMS, ENTAILMENT, FMT, SD } from "../rdf/vocab.js";
import { quadsToJsonLd } from "./jsonld.js";
import { SERIALISATIONS, type Serialisation } from "./negotiate.js";

/** Service description in Turtle for an endpoint URL. */
export function describeService(endpoint: string, options: { allowUpdate: boolean; graphStore: string }): string {
  const languages = [`sd:SPARQL11Query`, ...(options.allowUpdate ? ["sd:SPARQL11Update"] : [])].join(", ");
  const results = [...SERIALISATIONS.bindings, ...SERIALISATIONS.graph].map((s) => `fmt:${s.w3c}`).join(", ");
  return `@prefix sd: <${SD.$}> .
@prefix fmt: <${FMT.$}> .
@prefix dcterms: <${DCTERMS.$}> .

<${endpoint}> a sd:Service ;
  dcterms:title "article-kg SPARQL endpoint" ;
  sd:endpoint <${endpoint}> ;
  sd:supportedLanguage ${languages} ;
  sd:resultFormat ${results} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultEntailmentRegime <${ENTAILMENT.Simple}> ;
  sd:defaultDataset [
    a sd:Dataset ;
    dcterms:description "The default graph is the union of all named graphs (one per article, plus the reference graph)." ;
    sd:defaultGraph [ a sd:Graph ]
  ] ;
  dcterms:relation <${options.graphStore}> .
`;
}

/** The description in a negotiated serialisation (Turtle, N-Triples or JSON-LD). */
export async function serialiseDescription(turtle: string, ser: Serialisation): Promise<string> {
  if (ser.format === "ttl") return turtle;
  const quads = new Parser({ format: FORMAT_INFO.turtle.mediaType }).parse(turtle);
  if (ser.format === "jsonld") return JSON.stringify(quadsToJsonLd(quads), null, 2);
  return quadsToString(quads, "ntriples");
}
