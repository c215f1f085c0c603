/** Quads as expanded JSON-LD (for the few documents the server writes without the store). */
import type * as RDF from "@rdfjs/types";
import { canonicalLanguage } from "../rdf/language.js";
import { RDF as RDFV, XSD } from "../rdf/vocab.js";

const idOf = (t: RDF.Term) => (t.termType === "BlankNode" ? `_:${t.value}` : t.value);

/** Expanded JSON-LD (one node object per subject) of triples in the default graph. */
export function quadsToJsonLd(quads: Iterable<RDF.Quad>): unknown[] {
  const nodes = new Map<string, Record<string, unknown[]>>();
  for (const q of quads) {
    const id = idOf(q.subject);
    let node = nodes.get(id);
    if (node === undefined) {
      node = {};
      nodes.set(id, node);
    }
    const o = q.object;
    const value =
      o.termType === "Literal"
        ? o.language
          ? { "@value": o.value, "@language": canonicalLanguage(o.language) }
          : o.datatype.value === XSD.string
            ? { "@value": o.value }
            : { "@value": o.value, "@type": o.datatype.value }
        : { "@id": idOf(o) };
    const key = q.predicate.value === RDFV.type && o.termType !== "Literal" ? "@type" : q.predicate.value;
    const values = node[key] ?? [];
    values.push(key === "@type" ? idOf(o) : value);
    node[key] = values;
  }
  return [...nodes].map(([id, node]) => ({ "@id": id, ...node }));
}
