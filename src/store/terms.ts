/** Converts the store engine's terms into n3 (RDF/JS) terms, so nothing above `store/` sees oxigraph objects. */
import type * as RDF from "@rdfjs/types";
import { DataFactory } from "n3";

const { namedNode, blankNode, literal, defaultGraph, quad, variable } = DataFactory;

/** Any RDF/JS term → an n3 term. */
export function toN3Term(t: RDF.Term): RDF.Term {
  switch (t.termType) {
    case "NamedNode":
      return namedNode(t.value);
    case "BlankNode":
      return blankNode(t.value);
    case "Literal":
      return t.language ? literal(t.value, t.language) : literal(t.value, namedNode(t.datatype.value));
    case "DefaultGraph":
      return defaultGraph();
    case "Variable":
      return variable(t.value);
    case "Quad":
      return toN3Quad(t);
  }
}

/** Any RDF/JS quad → an n3 quad. */
export function toN3Quad(q: RDF.BaseQuad): RDF.Quad {
  return quad(
    toN3Term(q.subject) as RDF.Quad_Subject,
    toN3Term(q.predicate) as RDF.Quad_Predicate,
    toN3Term(q.object) as RDF.Quad_Object,
    toN3Term(q.graph) as RDF.Quad_Graph,
  );
}
