/**
 * JSON-LD output, streamed: one node object per subject, written as soon as its batch is
 * grouped, so nothing but the current batch is held. Named graphs become
 * `{"@id": graph, "@graph": [...]}` entries of the top `@graph`; the default graph's nodes sit
 * in the top `@graph` directly. Literals keep their exact lexical form (`@value` + `@type`),
 * never JSON numbers, so expanding the output gives back the same graph. The `@context` is the
 * project's prefixes (ontology/context.jsonld for the default base), inline or by reference.
 */
import type * as RDF from "@rdfjs/types";
import { shorten } from "../query/terms.js";
import { canonicalLanguage } from "../rdf/language.js";
import { groupBySubject } from "../rdf/serialize.js";
import { DEFAULT_BASE, RDF as RDFV, XSD } from "../rdf/vocab.js";
import type { ChunkSink } from "../store/files.js";

/** IRI of the published context of the default base. */
export const CONTEXT_IRI = `${DEFAULT_BASE}context.jsonld`;

/** The `@context` object for a set of prefixes (each a prefix term). */
export function jsonldContext(prefixes: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(prefixes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Options of `writeJsonLd`. */
export interface JsonLdOptions {
  readonly prefixes: Readonly<Record<string, string>>;
  /** Refer to a published context by IRI instead of writing it inline (it must hold the same prefixes). */
  readonly contextIri?: string;
}

type JsonValue = string | { readonly [k: string]: string };

function termId(t: RDF.Term): string {
  return t.termType === "BlankNode" ? `_:${t.value}` : t.value;
}

function objectValue(o: RDF.Term): JsonValue {
  if (o.termType === "Literal") {
    if (o.language) return { "@value": o.value, "@language": canonicalLanguage(o.language) };
    if (o.datatype.value === XSD.string) return o.value;
    return { "@value": o.value, "@type": o.datatype.value };
  }
  return { "@id": termId(o) };
}

/** Streams batches of quads as one JSON-LD document; returns the quad count. */
export async function writeJsonLd(
  batches: Iterable<Iterable<RDF.Quad>> | AsyncIterable<Iterable<RDF.Quad>>,
  sink: ChunkSink,
  options: JsonLdOptions,
): Promise<number> {
  const key = (iri: string) => shorten(iri, options.prefixes) ?? iri;
  const context = options.contextIri ?? jsonldContext(options.prefixes);
  await sink.write(`{\n  "@context": ${JSON.stringify(context, null, 2).replaceAll("\n", "\n  ")},\n  "@graph": [`);
  let count = 0;
  let firstTop = true;
  for await (const batch of batches) {
    const parts: string[] = [];
    let graph: string | undefined; // termId of the open named graph; "" for the default graph
    let firstInGraph = true;
    let node: { id: string; types: string[]; props: Map<string, JsonValue[]> } | undefined;
    const closeNode = () => {
      if (!node) return;
      const obj: Record<string, unknown> = { "@id": node.id };
      if (node.types.length > 0) obj["@type"] = node.types.length === 1 ? node.types[0] : node.types;
      for (const [k, vs] of node.props) obj[k] = vs.length === 1 ? vs[0] : vs;
      if (graph === "") {
        parts.push(`${firstTop ? "" : ","}\n    ${JSON.stringify(obj)}`);
        firstTop = false;
      } else {
        parts.push(`${firstInGraph ? "" : ","}\n        ${JSON.stringify(obj)}`);
        firstInGraph = false;
      }
      node = undefined;
    };
    const closeGraph = () => {
      closeNode();
      if (graph !== undefined && graph !== "") parts.push("\n      ]\n    }");
      graph = undefined;
    };
    for (const q of groupBySubject(batch)) {
      const g = q.graph.termType === "DefaultGraph" ? "" : termId(q.graph);
      if (g !== graph) {
        closeGraph();
        graph = g;
        firstInGraph = true;
        if (g !== "") {
          parts.push(`${firstTop ? "" : ","}\n    {\n      "@id": ${JSON.stringify(g)},\n      "@graph": [`);
          firstTop = false;
        }
      }
      const s = termId(q.subject);
      if (node?.id !== s) {
        closeNode();
        node = { id: s, types: [], props: new Map() };
      }
      if (q.predicate.value === RDFV.type && q.object.termType === "NamedNode") node.types.push(key(q.object.value));
      else {
        const k = key(q.predicate.value);
        const list = node.props.get(k);
        if (list) list.push(objectValue(q.object));
        else node.props.set(k, [objectValue(q.object)]);
      }
      count++;
    }
    closeGraph();
    await sink.write(parts.join(""));
  }
  await sink.write("\n  ]\n}\n");
  return count;
}
