/**
 * RDF documents the server writes itself (linked-data descriptions, the ontology): Turtle and
 * TriG with `@prefix` declarations instead of full IRIs everywhere, every format with language
 * tags in BCP 47 case (`@zh-Hans`; the store and n3 lower-case them).
 */
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import { FORMAT_INFO, RDF_FORMATS, type RdfFormat } from "../rdf/formats.js";
import { canonicalLanguage, canonicalTagsInText } from "../rdf/language.js";
import { quadsToString } from "../rdf/serialize.js";
import { KgStore } from "../store/index.js";
import { quadsToJsonLd } from "./jsonld.js";
import type { Serialisation } from "./negotiate.js";

/** The n3 writer format of each negotiated graph format it can write (from the formats table). */
const N3_FORMATS: Readonly<Partial<Record<Serialisation["format"], RdfFormat>>> = Object.fromEntries(
  RDF_FORMATS.map((f) => [FORMAT_INFO[f].oxigraph, f]),
);

/** Parses N-Triples (as the store writes a CONSTRUCT result). */
export function parseNTriples(text: string): RDF.Quad[] {
  return new Parser({ format: "N-Triples" }).parse(text);
}

/** The prefixes whose namespace some IRI of the quads starts with (so a document declares only what it uses). */
export function usedPrefixes(
  quads: readonly RDF.Quad[],
  prefixes: Readonly<Record<string, string>>,
): Record<string, string> {
  const iris = new Set<string>();
  for (const q of quads)
    for (const t of [q.subject, q.predicate, q.object])
      if (t.termType === "NamedNode" || (t.termType === "Literal" && t.language === "")) {
        iris.add(t.termType === "Literal" ? t.datatype.value : t.value);
      }
  const entries = Object.entries(prefixes).filter(([, ns]) => {
    for (const iri of iris) if (iri.startsWith(ns) && iri.length > ns.length) return true;
    return false;
  });
  return Object.fromEntries(entries);
}

/** `xml:lang="zh-hans"` attributes (inside a tag) in BCP 47 case. */
export function canonicalXmlLang(xml: string): string {
  return xml.replace(
    /(<[^<>]*\sxml:lang=")([^"]*)"/gu,
    (_m, head: string, tag: string) => `${head}${canonicalLanguage(tag)}"`,
  );
}

/**
 * The store's serialised result with its language tags in BCP 47 case, whatever the format
 * (SPARQL JSON/XML/TSV results, Turtle, N-Triples, TriG, N-Quads, JSON-LD, RDF/XML; CSV has no tags).
 */
export function withCanonicalTags(text: string, format: Serialisation["format"]): string {
  switch (format) {
    case "json":
      return text.replace(/"xml:lang":"([^"\\]*)"/gu, (_m, t: string) => `"xml:lang":"${canonicalLanguage(t)}"`);
    case "jsonld":
      return text.replace(/"@language":"([^"\\]*)"/gu, (_m, t: string) => `"@language":"${canonicalLanguage(t)}"`);
    case "xml":
    case "rdf":
      return canonicalXmlLang(text);
    case "csv":
      return text;
    default:
      return canonicalTagsInText(text);
  }
}

/** Writes quads (a graph) in a negotiated serialisation. */
export async function writeGraph(
  quads: readonly RDF.Quad[],
  ser: Serialisation,
  prefixes: Readonly<Record<string, string>>,
): Promise<string> {
  const n3 = N3_FORMATS[ser.format];
  if (n3 !== undefined)
    return quadsToString(quads, n3, n3 === "turtle" || n3 === "trig" ? usedPrefixes(quads, prefixes) : {});
  if (ser.format === "jsonld") return JSON.stringify(quadsToJsonLd(quads), null, 2);
  // RDF/XML: n3 has no writer for it; the store's serialiser does, with lower-cased tags.
  const store = KgStore.memory();
  store.loadQuads(quads);
  return canonicalXmlLang(store.queryRaw("CONSTRUCT WHERE { ?s ?p ?o }", ser.format));
}
